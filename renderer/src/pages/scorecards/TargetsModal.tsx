/** 收入目标 (R34): each account manager's revenue target for a year, typed as the officer writes money. */
import { Button, Group, Modal, ScrollArea, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScorecardTargetView } from '../../../../shared/api/types-scorecards';
import { useApiMutation, useApiQuery } from '../../api/query';
import { ApiView } from '../../components/ApiViews';
import { useFormat } from '../../i18n/useFormat';

function TargetRow({ target }: { target: ScorecardTargetView }) {
  const { t } = useTranslation();
  const f = useFormat();
  const set = useApiMutation('scorecards/set-target');
  const shown = target.revenueTargetFen === null ? '' : String(target.revenueTargetFen / 100);
  const [value, setValue] = useState(shown);
  const dirty = value.trim() !== shown;
  return (
    <Table.Tr data-testid="target-row" data-id={target.managerId}>
      <Table.Td>{target.managerName}</Table.Td>
      <Table.Td>{target.unitName}</Table.Td>
      <Table.Td>
        <TextInput
          size="xs"
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && dirty)
              set.mutate({ managerId: target.managerId, year: target.year, revenueTargetFen: value });
          }}
          placeholder={t('scorecards.targetsForm.none')}
          error={set.error?.message}
          aria-label={t('scorecards.targetsForm.target', { name: target.managerName })}
          data-testid="target-input"
        />
        {target.revenueTargetFen !== null && (
          <Text size="xs" c="dimmed">
            {t('scorecards.targetsForm.monthly', { amount: f.fen(Math.round(target.revenueTargetFen / 12)) })}
          </Text>
        )}
      </Table.Td>
      <Table.Td>
        <Button
          size="compact-xs"
          variant="light"
          disabled={!dirty}
          loading={set.isPending}
          onClick={() => set.mutate({ managerId: target.managerId, year: target.year, revenueTargetFen: value })}
          data-testid="target-save"
        >
          {t('common.save')}
        </Button>
      </Table.Td>
    </Table.Tr>
  );
}

export function TargetsModal({ year, onClose }: { year: number; onClose: () => void }) {
  const { t } = useTranslation();
  const list = useApiQuery('scorecards/targets', { year });
  return (
    <Modal opened onClose={onClose} title={t('scorecards.targetsForm.title', { year })} size="lg" data-testid="targets">
      <Text size="sm" c="dimmed" mb="sm">
        {t('scorecards.targetsForm.intro')}
      </Text>
      <ApiView state={list}>
        {(rows) => (
          <ScrollArea.Autosize mah="60vh">
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('scorecards.columns.manager')}</Table.Th>
                  <Table.Th>{t('scorecards.columns.unit')}</Table.Th>
                  <Table.Th>{t('scorecards.targetsForm.yearTarget')}</Table.Th>
                  <Table.Th />
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <TargetRow key={`${r.managerId}-${r.revenueTargetFen}`} target={r} />
                ))}
              </Table.Tbody>
            </Table>
          </ScrollArea.Autosize>
        )}
      </ApiView>
      <Group justify="flex-end" mt="sm">
        <Button variant="default" onClick={onClose}>
          {t('common.close')}
        </Button>
      </Group>
    </Modal>
  );
}
