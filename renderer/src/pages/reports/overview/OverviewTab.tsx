import { useTranslation } from 'react-i18next';
import { EmptyBlock } from '../../../components/EmptyBlock';

/** 报表 → 概览: the month's dashboard. */
export function OverviewTab() {
  const { t } = useTranslation();
  return <EmptyBlock description={t('reports.overview.empty')} />;
}
