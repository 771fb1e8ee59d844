/** A log row's record and changes as cells of a list (设置 → 审计, the customer's 变更记录). */
import { Anchor, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditRowView } from '../../../shared/api/types';
import { hrefOf } from '../router/useRoute';
import { changeLines, entityText, parseEntity } from './labels';
import { useAuditLabels } from './useAuditLabels';

/** Changes shown before the rest fold under 另有 N 项 (a new customer lists every field). */
const FOLDED_AFTER = 3;

export function EntityCell({ entity, ownCustomer = null }: { entity: string | null; ownCustomer?: string | null }) {
  const labels = useAuditLabels();
  if (entity === null)
    return (
      <Text span size="sm" c="dimmed">
        {labels.messages.noChanges}
      </Text>
    );
  const text = entityText(labels, entity, ownCustomer);
  const { customerId } = parseEntity(entity);
  // The customer is the hub: a record of a customer leads to its page (unless already there).
  return customerId === null || customerId === ownCustomer ? (
    <Text span size="sm">
      {text}
    </Text>
  ) : (
    <Anchor href={hrefOf({ name: 'customer', id: customerId })} size="sm" data-testid="audit-entity-link">
      {text}
    </Anchor>
  );
}

export function ChangesCell({ row }: { row: AuditRowView }) {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const [open, setOpen] = useState(false);
  if (row.changes === null || row.changes.length === 0) {
    return (
      <Text span size="sm" c="dimmed">
        {labels.messages.noChanges}
      </Text>
    );
  }
  const lines = changeLines(labels, row.entity, row.changes);
  const shown = open ? lines : lines.slice(0, FOLDED_AFTER);
  return (
    <Stack gap={2} data-testid="audit-changes">
      {shown.map((line) => (
        <Text key={line.field} size="sm" data-testid="audit-change" data-personal={line.personal || undefined}>
          <Text span size="sm" c="dimmed">
            {line.name}
            {labels.messages.fieldSeparator}
          </Text>
          <Text span size="sm" c={line.personal ? 'orange.8' : undefined} style={{ wordBreak: 'break-word' }}>
            {line.text}
          </Text>
        </Text>
      ))}
      {lines.length > FOLDED_AFTER && (
        <Anchor
          component="button"
          type="button"
          size="xs"
          ta="left"
          onClick={(e) => {
            e.stopPropagation();
            setOpen((v) => !v);
          }}
        >
          {open ? t('audit.fewerChanges') : t('audit.moreChanges', { count: lines.length - FOLDED_AFTER })}
        </Anchor>
      )}
    </Stack>
  );
}
