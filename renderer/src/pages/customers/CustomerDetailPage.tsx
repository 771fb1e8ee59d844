import { Anchor, Badge, Button, Group, Paper, SimpleGrid, Stack, Table, Tabs, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomerDetail } from '../../../../shared/api/types';
import { useApiQuery } from '../../api/query';
import { ApiView } from '../../components/ApiViews';
import { CustomerIdText } from '../../components/CustomerIdText';
import { CustomerLink } from '../../components/CustomerLink';
import { DetailField } from '../../components/DetailField';
import { PageHeader } from '../../components/PageHeader';
import { EMPTY_VALUE } from '../../i18n/format';
import { useFormat } from '../../i18n/useFormat';
import { hrefOf, navigate } from '../../router/useRoute';
import { CustomerArchivePanel } from '../archives/CustomerArchivePanel';
import { CustomerComplaints } from '../complaints/CustomerComplaints';
import { CustomerDiscountsPanel } from '../discounts/CustomerDiscountsPanel';
import { CustomerMarketing } from '../marketing/CustomerMarketing';
import { CustomerVisitsPanel } from '../visits/CustomerVisitsPanel';
import { CustomerAuditPanel } from './CustomerAuditPanel';
import { CustomerFormModal, type CustomerFormMode } from './CustomerFormModal';
import { CustomerManagersPanel } from './CustomerManagers';
import { CustomerOwnershipPanel } from './CustomerOwnership';
import { CustomerReportsPanel } from './CustomerReportsPanel';
import { StandingPanel, StandingTier } from './CustomerStanding';
import { CustomerTimeline } from './CustomerTimeline';
import { AgreementPanel, RevenueSection } from './RevenueSection';

/**
 * The hub's tabs: revenue (with the agreement and the reports), the archive (R17–R18), the
 * timeline, the basic facts and branches, the audit trail.
 */
export type CustomerTab =
  | 'revenue'
  | 'archive'
  | 'visits'
  | 'marketing'
  | 'complaints'
  | 'timeline'
  | 'details'
  | 'audit';

export function CustomerDetailPage({ id, initialTab }: { id: string; initialTab?: CustomerTab | undefined }) {
  const { t } = useTranslation();
  const state = useApiQuery('customers/get', { id });
  return (
    <Stack gap="sm">
      <Group>
        <Anchor href={hrefOf({ name: 'customers' })} size="sm" data-testid="back-to-list">
          ← {t('customerDetail.back')}
        </Anchor>
      </Group>
      {state.data === undefined && <PageHeader title={t('customerDetail.title')} />}
      <ApiView state={state}>
        {(customer) => <CustomerDetailView customer={customer} initialTab={initialTab ?? 'revenue'} />}
      </ApiView>
    </Stack>
  );
}

function CustomerDetailView({ customer, initialTab }: { customer: CustomerDetail; initialTab: CustomerTab }) {
  const { t } = useTranslation();
  const f = useFormat();
  const [form, setForm] = useState<CustomerFormMode | null>(null);
  const [tab, setTab] = useState<CustomerTab>(initialTab);
  const isBranch = customer.parent !== null;
  const canHaveBranches = !isBranch && customer.idParts.branch === '000';
  const orNone = (v: string | null) => (v === null || v === '' ? EMPTY_VALUE : v);

  return (
    <Stack gap="md">
      <PageHeader
        title={customer.name}
        after={
          // A long name wraps; the badges keep their width ("总部" never squashes to "总").
          <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }} data-testid="customer-header-badges">
            <Badge variant="light" color={isBranch ? 'blue' : 'postal'} style={{ flexShrink: 0, overflow: 'visible' }}>
              {isBranch ? t('customerDetail.kindBranch') : t('customerDetail.kindHead')}
            </Badge>
            <StandingTier standing={customer} testId="customer-header-tier" />
          </Group>
        }
      >
        <Button variant="default" onClick={() => setForm({ kind: 'edit', customer })} data-testid="customer-edit">
          {t('customerDetail.edit')}
        </Button>
        {canHaveBranches && (
          <Button
            onClick={() =>
              setForm({
                kind: 'create',
                parent: { id: customer.id, name: customer.name, areaCode: customer.areaCode, unitId: customer.unitId },
              })
            }
            data-testid="customer-new-branch"
          >
            {t('customerDetail.newBranch')}
          </Button>
        )}
      </PageHeader>

      <Paper withBorder p="md">
        <Text size="xs" c="dimmed" id="customer-id-label">
          {t('customerDetail.id')}
        </Text>
        <CustomerIdText id={customer.id} size="xl" testId="customer-id" />
        <Group gap="lg" mt={6}>
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              {t('customerDetail.idArea')}
            </Text>{' '}
            <Text span ff="monospace">
              {customer.idParts.areaCode}
            </Text>{' '}
            {customer.idParts.areaName ?? ''}
          </Text>
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              {t('customerDetail.idSequence')}
            </Text>{' '}
            <Text span ff="monospace">
              {customer.idParts.sequence}
            </Text>
          </Text>
          <Text size="sm">
            <Text span c="dimmed" size="sm">
              {t('customerDetail.idBranch')}
            </Text>{' '}
            <Text span ff="monospace">
              {customer.idParts.branch}
            </Text>
          </Text>
        </Group>
      </Paper>

      <StandingPanel standing={customer} ownUnit={customer.unit} customerId={customer.id} />
      <CustomerOwnershipPanel customerId={customer.id} />
      <CustomerManagersPanel customerId={customer.id} />

      <Tabs value={tab} onChange={(v) => setTab((v as CustomerTab | null) ?? 'revenue')} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="revenue" data-testid="customer-tab-revenue">
            {t('customerDetail.tabs.revenue')}
          </Tabs.Tab>
          <Tabs.Tab value="archive" data-testid="customer-tab-archive">
            {t('customerDetail.tabs.archive')}
          </Tabs.Tab>
          <Tabs.Tab value="marketing" data-testid="customer-tab-marketing">
            {t('customerDetail.tabs.marketing')}
          </Tabs.Tab>
          <Tabs.Tab value="visits" data-testid="customer-tab-visits">
            {t('customerDetail.tabs.visits')}
          </Tabs.Tab>
          <Tabs.Tab value="complaints" data-testid="customer-tab-complaints">
            {t('customerDetail.tabs.complaints')}
          </Tabs.Tab>
          <Tabs.Tab value="timeline" data-testid="customer-tab-timeline">
            {t('customerDetail.tabs.timeline')}
          </Tabs.Tab>
          <Tabs.Tab value="details" data-testid="customer-tab-details">
            {t('customerDetail.tabs.details')}
          </Tabs.Tab>
          <Tabs.Tab value="audit" data-testid="customer-tab-audit">
            {t('customerDetail.tabs.audit')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="revenue" pt="md">
          <Stack gap="md">
            <AgreementPanel customer={customer} />
            <CustomerDiscountsPanel customerId={customer.id} />
            <RevenueSection customerId={customer.id} />
            <CustomerReportsPanel customerId={customer.id} />
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="archive" pt="md">
          <CustomerArchivePanel customerId={customer.id} />
        </Tabs.Panel>
        <Tabs.Panel value="marketing" pt="md">
          <CustomerMarketing customer={customer} />
        </Tabs.Panel>
        <Tabs.Panel value="visits" pt="md">
          <CustomerVisitsPanel customer={{ id: customer.id, name: customer.name }} />
        </Tabs.Panel>
        <Tabs.Panel value="complaints" pt="md">
          <CustomerComplaints customer={{ id: customer.id, name: customer.name }} />
        </Tabs.Panel>
        <Tabs.Panel value="timeline" pt="md">
          <CustomerTimeline customerId={customer.id} />
        </Tabs.Panel>
        <Tabs.Panel value="details" pt="md">
          <Stack gap="md">
            <Paper withBorder p="md">
              <Title order={2} size="h5" mb="sm">
                {t('customerDetail.basics')}
              </Title>
              <SimpleGrid cols={{ base: 2, lg: 3 }} spacing="md" verticalSpacing="sm" component="dl" m={0}>
                <DetailField label={t('customerDetail.shortName')}>{orNone(customer.shortName)}</DetailField>
                <DetailField label={t('customerDetail.unit')}>{customer.unit}</DetailField>
                <DetailField label={t('customerDetail.area')}>
                  {customer.areaCode} {customer.areaName ?? ''}
                </DetailField>
                <DetailField label={t('customerDetail.industry')}>{orNone(customer.industry)}</DetailField>
                <DetailField label={t('customerDetail.creditCode')}>
                  <Text span ff="monospace" size="sm">
                    {orNone(customer.creditCode)}
                  </Text>
                </DetailField>
                <DetailField label={t('customerDetail.headOffice')}>
                  {customer.parent ? <CustomerLink customer={customer.parent} /> : EMPTY_VALUE}
                </DetailField>
                <DetailField label={t('customerDetail.address')}>{orNone(customer.address)}</DetailField>
                <DetailField label={t('customerDetail.createdAt')}>{f.dateTime(customer.createdAt)}</DetailField>
                <DetailField label={t('customerDetail.updatedAt')}>{f.dateTime(customer.updatedAt)}</DetailField>
              </SimpleGrid>
            </Paper>

            {!isBranch && (
              <Paper withBorder p="md">
                <Title order={2} size="h5" mb="sm">
                  {t('customerDetail.branchesCount', { count: customer.branches.length })}
                </Title>
                {customer.branches.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    {t('customerDetail.noBranches')}
                  </Text>
                ) : (
                  <Table
                    striped
                    highlightOnHover
                    aria-label={t('customerDetail.branches')}
                    data-testid="customer-branches"
                  >
                    <Table.Thead>
                      <Table.Tr>
                        <Table.Th w={200}>{t('customers.columns.id')}</Table.Th>
                        <Table.Th>{t('customers.columns.name')}</Table.Th>
                      </Table.Tr>
                    </Table.Thead>
                    <Table.Tbody>
                      {customer.branches.map((b) => (
                        <Table.Tr key={b.id}>
                          <Table.Td>
                            <CustomerIdText id={b.id} size="sm" />
                          </Table.Td>
                          <Table.Td>
                            <Anchor href={hrefOf({ name: 'customer', id: b.id })}>{b.name}</Anchor>
                          </Table.Td>
                        </Table.Tr>
                      ))}
                    </Table.Tbody>
                  </Table>
                )}
              </Paper>
            )}
          </Stack>
        </Tabs.Panel>
        <Tabs.Panel value="audit" pt="md">
          <CustomerAuditPanel customerId={customer.id} />
        </Tabs.Panel>
      </Tabs>

      {form && (
        <CustomerFormModal
          opened
          onClose={() => setForm(null)}
          mode={form}
          // An edit refreshes this page by itself (customers/get is invalidated); a new branch opens its own page.
          onSaved={(saved) => {
            if (saved.id !== customer.id) navigate({ name: 'customer', id: saved.id });
          }}
        />
      )}
    </Stack>
  );
}
