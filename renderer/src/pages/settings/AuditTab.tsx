/**
 * 设置 → 审计 (DOMAIN-DECISIONS "Audit log"): the chain's check, and the log itself newest first,
 * a page at a time going back, filtered by operator (the app's own 系统 rows too), action, record
 * or customer, and dates.
 */
import { Button, Group, Select, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isWriteChannel } from '../../../../shared/api/effects';
import { DEMO_CHANNEL, SYSTEM_ACTOR, TRIGGERS_REPAIRED } from '../../../../shared/domain/audit/system';
import { useApiQuery } from '../../api/query';
import { useAuditColumns } from '../../audit/columns';
import { channelName } from '../../audit/labels';
import { useAuditLabels } from '../../audit/useAuditLabels';
import { type AuditFilter, useAuditPages } from '../../audit/useAuditPages';
import { ErrorAlert, LoadingBlock } from '../../components/ApiViews';
import { DateField } from '../../components/DateField';
import { ListTable } from '../../components/list/ListTable';
import { AuditVerifyPanel } from './AuditVerifyPanel';

interface Filters {
  actor: string | null;
  channel: string | null;
  entity: string;
  dateFrom: string | null;
  dateTo: string | null;
}

const isLoggedChannel = (c: string) => isWriteChannel(c) || c === TRIGGERS_REPAIRED || c === DEMO_CHANNEL;

const NO_FILTERS: Filters = { actor: null, channel: null, entity: '', dateFrom: null, dateTo: null };

/** A 14-digit customer ID asks for everything of that customer; anything else names one record. */
function toInput(f: Filters): AuditFilter {
  const entity = f.entity.trim();
  const customer = /^\d{14}$/.test(entity) ? entity : null;
  return {
    actor: f.actor,
    channel: f.channel,
    entity: entity === '' || customer !== null ? null : entity,
    customer,
    dateFrom: f.dateFrom,
    dateTo: f.dateTo,
  };
}

export function AuditTab() {
  const { t } = useTranslation();
  const labels = useAuditLabels();
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));
  const pages = useAuditPages(toInput(filters));
  const operators = useApiQuery('operators/list', { includeRetired: true });
  const columns = useAuditColumns();

  const actorLabel = (actor: string) => (actor === SYSTEM_ACTOR ? t('audit.systemActor') : actor);
  const actorOptions = [
    ...(operators.data ?? []).map((o) => ({ value: o.name, label: o.name })),
    { value: SYSTEM_ACTOR, label: t('audit.systemActor') },
  ];
  // Only actions that write appear in the log; reads are not logged.
  const channelOptions = Object.keys(labels.messages.channels)
    .filter((c) => isLoggedChannel(c))
    .map((c) => ({ value: c, label: channelName(labels, c) }));

  const filterLines = [
    filters.actor && t('audit.tab.filterLine.actor', { value: actorLabel(filters.actor) }),
    filters.channel && t('audit.tab.filterLine.channel', { value: channelName(labels, filters.channel) }),
    filters.entity.trim() && t('audit.tab.filterLine.entity', { value: filters.entity.trim() }),
    (filters.dateFrom || filters.dateTo) &&
      t('audit.tab.filterLine.dates', { from: filters.dateFrom ?? '…', to: filters.dateTo ?? '…' }),
  ].filter((l): l is string => typeof l === 'string' && l !== '');

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" maw={900}>
        {t('audit.tab.intro')}
      </Text>
      <AuditVerifyPanel />
      {pages.error && <ErrorAlert error={pages.error} onRetry={pages.reload} title={t('common.loadErrorTitle')} />}
      {pages.loading ? (
        <LoadingBlock />
      ) : (
        <ListTable
          id="audit"
          title={t('audit.tab.tableLabel')}
          records={pages.rows}
          total={pages.total}
          columns={columns}
          rowKey={(r) => r.id}
          filters={filterLines}
          onClearFilters={() => setFilters(NO_FILTERS)}
          emptyText={t('audit.tab.empty')}
          rowAttributes={(r) => ({ 'data-testid': 'audit-row', 'data-id': r.id })}
          maxHeight="calc(100vh - 260px)"
          testId="audit-table"
          toolbar={
            <>
              <Select
                label={t('audit.tab.filters.actor')}
                placeholder={t('audit.tab.filters.any')}
                data={actorOptions}
                value={filters.actor}
                onChange={(v) => set({ actor: v })}
                clearable
                searchable
                w={140}
                data-testid="audit-filter-actor"
              />
              <Select
                label={t('audit.tab.filters.channel')}
                placeholder={t('audit.tab.filters.any')}
                data={channelOptions}
                value={filters.channel}
                onChange={(v) => set({ channel: v })}
                clearable
                searchable
                w={180}
                data-testid="audit-filter-channel"
              />
              <TextInput
                label={t('audit.tab.filters.entity')}
                placeholder={t('audit.tab.filters.entityPlaceholder')}
                value={filters.entity}
                onChange={(e) => set({ entity: e.currentTarget.value })}
                w={200}
                data-testid="audit-filter-entity"
              />
              <DateField
                label={t('audit.tab.filters.dateFrom')}
                value={filters.dateFrom}
                onChange={(v) => set({ dateFrom: v })}
                clearable
                w={130}
                data-testid="audit-filter-from"
              />
              <DateField
                label={t('audit.tab.filters.dateTo')}
                value={filters.dateTo}
                onChange={(v) => set({ dateTo: v })}
                clearable
                w={130}
                data-testid="audit-filter-to"
              />
            </>
          }
        />
      )}
      {pages.hasMore && (
        <Group justify="center">
          <Button variant="default" onClick={pages.loadMore} loading={pages.loadingMore} data-testid="audit-load-more">
            {t('audit.tab.loadMore')}
          </Button>
          <Text size="sm" c="dimmed">
            {t('audit.tab.shown', { shown: pages.rows.length, total: pages.total })}
          </Text>
        </Group>
      )}
    </Stack>
  );
}
