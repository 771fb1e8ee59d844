import { useTranslation } from 'react-i18next';
import { EmptyBlock } from '../../../components/EmptyBlock';

/** 报表 → 月度分析报告: the list of reports and, with `reportId`, one revision in its editor. */
export function AnalysisTab({ reportId }: { reportId: number | null }) {
  const { t } = useTranslation();
  return <EmptyBlock description={reportId === null ? t('reports.analysis.empty') : String(reportId)} />;
}
