/** The audit log's columns, declared once for 设置 → 审计 and the customer's 变更记录. */
import { useTranslation } from 'react-i18next';
import type { AuditRowView } from '../../../shared/api/types';
import { SYSTEM_ACTOR } from '../../../shared/domain/audit/system';
import { localDateTime } from '../../../shared/domain/dates';
import type { ListColumn } from '../components/list/ListTable';
import { ChangesCell, EntityCell } from './AuditCells';
import { changeLines, channelName, entityText } from './labels';
import { useAuditLabels } from './useAuditLabels';

/** `ownCustomer`: the customer whose page shows the list (its records named without the ID). */
export function useAuditColumns({
  ownCustomer = null,
}: {
  ownCustomer?: string | null;
} = {}): ListColumn<AuditRowView>[] {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const actorName = (actor: string) => (actor === SYSTEM_ACTOR ? t('audit.systemActor') : actor);
  return [
    { key: 'id', title: t('audit.tab.columns.id'), width: 70, format: 'count', hiddenByDefault: true },
    {
      key: 'at',
      title: t('audit.tab.columns.at'),
      width: 160,
      noWrap: true,
      // To the second: two writes a moment apart must be told apart.
      value: (r) => localDateTime(new Date(r.at)),
    },
    { key: 'actor', title: t('audit.tab.columns.actor'), width: 110, value: (r) => actorName(r.actor) },
    {
      key: 'channel',
      title: t('audit.tab.columns.channel'),
      width: 150,
      value: (r) => channelName(labels, r.channel),
    },
    {
      key: 'entity',
      title: t('audit.tab.columns.entity'),
      width: ownCustomer === null ? 240 : 170,
      value: (r) => (r.entity === null ? null : entityText(labels, r.entity, ownCustomer)),
      render: (r) => <EntityCell entity={r.entity} ownCustomer={ownCustomer} />,
    },
    {
      key: 'changes',
      title: t('audit.tab.columns.changes'),
      sortable: false,
      value: (r) =>
        changeLines(labels, r.entity, r.changes ?? [])
          .map((l) => `${l.name}${labels.messages.fieldSeparator}${l.text}`)
          .join(t('common.listSeparator')),
      render: (r) => <ChangesCell row={r} />,
    },
    {
      key: 'hash',
      title: t('audit.tab.columns.hash'),
      width: 160,
      hiddenByDefault: true,
      ellipsis: true,
      value: (r) => r.hash,
    },
  ];
}
