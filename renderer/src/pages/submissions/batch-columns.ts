/** The columns a batch shows wherever it is listed (the history and a unit's drawer). */
import type { TFunction } from 'i18next';
import type { ListColumn } from '../../components/list/ListTable';
import { batchKind } from './status';

interface BatchLike {
  form: string;
  period: string | null;
}

export function batchKindAndPeriodColumns<T extends BatchLike>(
  t: TFunction,
  month: (period: string) => string,
): ListColumn<T>[] {
  return [
    {
      key: 'kind',
      title: t('submissions.batch.kind'),
      noWrap: true,
      // Shown with the file name; a column of its own for the export when wanted.
      hiddenByDefault: true,
      value: (b) => t(`submissions.batchKind.${batchKind(b.form)}`),
    },
    {
      key: 'period',
      title: t('submissions.batch.period'),
      noWrap: true,
      value: (b) => (b.period ? month(b.period) : t('submissions.batch.multiPeriod')),
    },
  ];
}
