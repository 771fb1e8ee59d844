/**
 * 营销申报: another unit markets an existing customer. Filed with a plan and dates, the owner
 * unit gives its opinion, then the city centre rules: the applying unit's revenue share and the
 * end date (applications/*). Ownership does not move; while granted the unit is on the team.
 */
import {
  Anchor,
  Badge,
  Button,
  Group,
  Radio,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiInput } from '../../../../shared/api/contract';
import type { ApplicationState, ApplicationView } from '../../../../shared/api/registration-types';
import { applicationsAdd, applicationsDecide } from '../../../../shared/api/schemas';
import { useApiMutation, useApiQuery } from '../../api/query';
import { ApiView } from '../../components/ApiViews';
import { FormModal } from '../../components/FormModal';
import { type ListColumn, ListTable } from '../../components/list/ListTable';
import { useCustomerSearch } from '../../forms/useCustomerSearch';
import { useSchemaForm } from '../../forms/useSchemaForm';
import { useFormat } from '../../i18n/useFormat';
import { hrefOf } from '../../router/useRoute';

const APPLICATION_COLORS: Record<ApplicationState, string> = {
  owner_opinion: 'yellow',
  ruling: 'orange',
  granted: 'green',
  refused: 'red',
};

export function ApplicationsTab() {
  const { t } = useTranslation();
  const f = useFormat();
  const [adding, setAdding] = useState(false);
  const [deciding, setDeciding] = useState<ApplicationView | null>(null);
  const list = useApiQuery('applications/list', {});
  const units = useApiQuery('units/list', { includeRetired: true });
  const unitName = (code: string) => units.data?.find((u) => u.code === code)?.name ?? code;

  const columns: ListColumn<ApplicationView>[] = [
    { key: 'id', title: t('registrations.columns.id'), width: 72, format: 'count', sortable: true },
    {
      key: 'customerName',
      title: t('registrations.applications.customer'),
      width: 170,
      sortable: true,
      render: (a) => (
        <Anchor href={hrefOf({ name: 'customer', id: a.customerId })} size="sm">
          {a.customerName}
        </Anchor>
      ),
    },
    { key: 'unit', title: t('registrations.applications.unit'), width: 100, value: (a) => unitName(a.unit) },
    {
      key: 'ownerUnit',
      title: t('registrations.applications.ownerUnit'),
      width: 100,
      value: (a) => unitName(a.ownerUnit),
    },
    {
      key: 'plan',
      title: t('registrations.applications.plan'),
      width: 160,
      // The whole plan on hover: the column shows its start.
      render: (a) => (
        <Text size="sm" truncate="end" title={a.plan}>
          {a.plan}
        </Text>
      ),
    },
    {
      key: 'period',
      title: t('registrations.applications.period'),
      width: 136,
      value: (a) => `${f.date(a.startsOn)}–${f.date(a.untilOn)}`,
      render: (a) => (
        <Text size="sm" style={{ whiteSpace: 'nowrap' }}>
          {f.date(a.startsOn)} –
          <br />
          {f.date(a.untilOn)}
        </Text>
      ),
    },
    {
      key: 'expectedRevenueFen',
      title: t('registrations.applications.expectedRevenueShort'),
      width: 112,
      format: 'money',
      textAlign: 'right',
    },
    {
      key: 'state',
      title: t('registrations.columns.state'),
      width: 172,
      value: (a) => t(`registrations.applications.state.${a.state}`),
      render: (a) => (
        <Stack gap={2}>
          <Badge color={APPLICATION_COLORS[a.state]} variant="light" style={{ textTransform: 'none' }}>
            {t(`registrations.applications.state.${a.state}`)}
          </Badge>
          {a.state === 'granted' && a.attributionPercent !== null && (
            <Text size="xs" c="dimmed">
              {t('registrations.applications.granted', {
                percent: a.attributionPercent,
                end: a.endOn ? f.date(a.endOn) : '—',
              })}
            </Text>
          )}
        </Stack>
      ),
    },
    {
      key: 'act',
      title: t('registrations.applications.decide'),
      exportable: false,
      toggleable: false,
      width: 70,
      render: (a) =>
        a.state === 'owner_opinion' || a.state === 'ruling' ? (
          <Button size="compact-sm" variant="light" onClick={() => setDeciding(a)} data-testid="application-decide">
            {t('registrations.applications.decide')}
          </Button>
        ) : null,
    },
  ];

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Text size="sm" c="dimmed" maw={820}>
          {t('registrations.applications.intro')}
        </Text>
        <Button onClick={() => setAdding(true)} data-testid="application-add" style={{ flexShrink: 0 }}>
          {t('registrations.applications.add')}
        </Button>
      </Group>
      <ApiView state={list}>
        {(rows) => (
          <ListTable
            id="applications"
            title={t('registrations.applications.tableLabel')}
            records={rows}
            columns={columns}
            rowKey={(a) => a.id}
            emptyText={t('registrations.applications.empty')}
            maxHeight="58vh"
            testId="applications-table"
          />
        )}
      </ApiView>
      {adding && <ApplicationFormModal onClose={() => setAdding(false)} />}
      {deciding && <ApplicationDecideModal app={deciding} onClose={() => setDeciding(null)} />}
    </Stack>
  );
}

interface AddValues {
  customerId: string | null;
  unitId: string | null;
  plan: string;
  startsOn: string;
  untilOn: string;
  expectedRevenue: string;
  [key: string]: unknown;
}

function ApplicationFormModal({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation();
  const add = useApiMutation('applications/add');
  const units = useApiQuery('units/list', { includeRetired: false });
  const { search, setSearch, options: customerOptions } = useCustomerSearch();
  const schemaForm = useSchemaForm({
    initialValues: {
      customerId: null,
      unitId: null,
      plan: '',
      startsOn: '',
      untilOn: '',
      expectedRevenue: '',
    } as AddValues,
    schema: applicationsAdd,
    toInput: (v: AddValues) =>
      ({
        customerId: v.customerId ?? '',
        unitId: v.unitId === null ? 0 : Number(v.unitId),
        plan: v.plan,
        startsOn: v.startsOn,
        untilOn: v.untilOn,
        expectedRevenueFen: v.expectedRevenue,
      }) as ApiInput<'applications/add'>,
    fieldOf: (p) => (p === 'expectedRevenueFen' ? 'expectedRevenue' : p),
  });
  const { form } = schemaForm;
  const submit = async () => {
    const done = await schemaForm.submit((input) => add.mutateAsync(input));
    if (!done) return;
    notifications.show({ color: 'postal', title: t('registrations.applications.saved'), message: done.customerName });
    onClose();
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('registrations.applications.add')}
      form={schemaForm}
      onSubmit={() => void submit()}
      size="lg"
      testId="application-form"
    >
      <Select
        label={t('registrations.applications.customer')}
        placeholder={t('registrations.applications.customerPlaceholder')}
        data={customerOptions}
        {...form.getInputProps('customerId')}
        searchable
        searchValue={search}
        onSearchChange={setSearch}
        filter={({ options }) => options}
        withAsterisk
        data-autofocus
        data-testid="application-form-customer"
      />
      <Select
        label={t('registrations.applications.unit')}
        data={(units.data ?? []).map((u) => ({ value: String(u.id), label: u.name }))}
        {...form.getInputProps('unitId')}
        searchable
        withAsterisk
        data-testid="application-form-unit"
      />
      <Textarea
        label={t('registrations.applications.plan')}
        {...form.getInputProps('plan')}
        autosize
        minRows={2}
        withAsterisk
        data-testid="application-form-plan"
      />
      <SimpleGrid cols={3} spacing="sm">
        <TextInput
          label={t('registrations.applications.startsOn')}
          placeholder="2026-12-01"
          {...form.getInputProps('startsOn')}
          withAsterisk
          data-testid="application-form-starts"
        />
        <TextInput
          label={t('registrations.applications.untilOn')}
          placeholder="2027-05-31"
          {...form.getInputProps('untilOn')}
          withAsterisk
          data-testid="application-form-until"
        />
        <TextInput
          label={t('registrations.applications.expectedRevenue')}
          {...form.getInputProps('expectedRevenue')}
          inputMode="decimal"
          withAsterisk
          data-testid="application-form-revenue"
        />
      </SimpleGrid>
    </FormModal>
  );
}

interface DecideValues {
  approve: string;
  opinion: string;
  attributionPercent: string;
  endOn: string;
  [key: string]: unknown;
}

/** The owner unit's opinion (first step) or the centre's ruling with share and end date (second). */
function ApplicationDecideModal({ app, onClose }: { app: ApplicationView; onClose: () => void }) {
  const { t } = useTranslation();
  const decide = useApiMutation('applications/decide');
  const ruling = app.state === 'ruling';
  const schemaForm = useSchemaForm({
    initialValues: { approve: 'yes', opinion: '', attributionPercent: '', endOn: app.untilOn } as DecideValues,
    schema: applicationsDecide,
    toInput: (v: DecideValues) =>
      ({
        id: app.id,
        approve: v.approve === 'yes',
        opinion: v.opinion,
        attributionPercent:
          ruling && v.approve === 'yes' && v.attributionPercent.trim() !== '' ? Number(v.attributionPercent) : null,
        endOn: ruling && v.approve === 'yes' && v.endOn.trim() !== '' ? v.endOn.trim() : null,
      }) as ApiInput<'applications/decide'>,
  });
  const { form } = schemaForm;
  const approve = form.getValues().approve === 'yes';
  const submit = async () => {
    const done = await schemaForm.submit((input) => decide.mutateAsync(input));
    if (!done) return;
    notifications.show({
      color: 'postal',
      title: t('registrations.applications.saved'),
      message: t(`registrations.applications.state.${done.state}`),
    });
    onClose();
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={
        ruling
          ? t('registrations.applications.rulingTitle', { id: app.id })
          : t('registrations.applications.opinionTitle', { id: app.id })
      }
      form={schemaForm}
      onSubmit={() => void submit()}
      testId="application-decide-form"
    >
      <Text size="sm">
        {app.customerName} · {app.plan}
      </Text>
      {ruling && app.ownerOpinion && (
        <Text size="sm" c="dimmed">
          {t('registrations.applications.ownerOpinionLine', {
            agrees: app.ownerAgrees
              ? t('registrations.applications.agreed')
              : t('registrations.applications.disagreed'),
            opinion: app.ownerOpinion,
          })}
        </Text>
      )}
      <Radio.Group {...form.getInputProps('approve')} data-testid="application-decide-approve">
        <Group gap="md">
          <Radio value="yes" label={t('registrations.applications.agree')} />
          <Radio value="no" label={t('registrations.applications.disagree')} />
        </Group>
      </Radio.Group>
      {ruling && approve && (
        <SimpleGrid cols={2} spacing="sm">
          <TextInput
            label={t('registrations.applications.attribution')}
            {...form.getInputProps('attributionPercent')}
            inputMode="numeric"
            data-testid="application-decide-percent"
          />
          <TextInput
            label={t('registrations.applications.endOn')}
            {...form.getInputProps('endOn')}
            data-testid="application-decide-end"
          />
        </SimpleGrid>
      )}
      <Textarea
        label={t('registrations.applications.opinion')}
        {...form.getInputProps('opinion')}
        withAsterisk
        autosize
        minRows={2}
        data-autofocus
        data-testid="application-decide-opinion"
      />
    </FormModal>
  );
}
