import { Badge, Button, Group, Paper, Table, Text, TextInput, Title } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { customersSetAgreement, revenueSetNewspaper } from '../../../../shared/api/schemas';
import type { Customer, CustomerDetail, RevenueCellView, RevenueMonthView } from '../../../../shared/api/types';
import { PRODUCT_LINES, type RevenueLine } from '../../../../shared/domain/lines';
import { fenToYuanString, formatMoney } from '../../../../shared/domain/money';
import { periodOf } from '../../../../shared/domain/periods';
import type { RevenueFigureWarning } from '../../../../shared/domain/revenue-sanity';
import { toApiCallError } from '../../api/client';
import { useApiMutation, useApiQuery } from '../../api/query';
import { ApiView } from '../../components/ApiViews';
import { useToday } from '../../components/AppInfo';
import { DateField } from '../../components/DateField';
import { FormModal } from '../../components/FormModal';
import { lastMonthOf, MonthField, YearSelect } from '../../components/PeriodPickers';
import { useSchemaForm } from '../../forms/useSchemaForm';
import { EMPTY_VALUE, formatDateTime } from '../../i18n/format';
import { useFormat } from '../../i18n/useFormat';
import { RevenueSourceBar } from './RevenueSourceBar';
import { gridMove, previewNewspaper, startsEdit } from './revenue-math';

const LINES: RevenueLine[] = [...PRODUCT_LINES, 'other'];
const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const GRID_SIZE = { rows: MONTHS.length, cols: LINES.length };

/** 收入: one customer's revenue for a year, 12 months × 9 lines, each cell edited in place. */
export function RevenueSection({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const today = useToday();
  const [year, setYear] = useState(() => Number(lastMonthOf(today).slice(0, 4)));
  const [newspaper, setNewspaper] = useState(false);
  const state = useApiQuery('revenue/customer', { customerId, year });

  return (
    <Paper withBorder p="md" data-testid="revenue-section">
      <Group justify="space-between" mb="xs" align="flex-end">
        <div>
          <Title order={2} size="h5">
            {t('revenue.title')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('revenue.hint')}
          </Text>
        </div>
        <Group gap="sm" align="flex-end">
          <YearSelect
            today={today}
            label={t('revenue.year')}
            value={year}
            onChange={setYear}
            w={120}
            size="xs"
            testId="revenue-year"
          />
          <Button size="xs" variant="default" onClick={() => setNewspaper(true)} data-testid="revenue-newspaper-open">
            {t('revenue.newspaper.open')}
          </Button>
        </Group>
      </Group>
      <ApiView state={state}>
        {(data) => <RevenueGrid customerId={customerId} year={year} months={data.months} total={data.total} />}
      </ApiView>
      {newspaper && (
        <NewspaperModal
          customerId={customerId}
          initialPeriod={year === Number(today.slice(0, 4)) ? lastMonthOf(today) : periodOf(year, 12)}
          onClose={() => setNewspaper(false)}
        />
      )}
    </Paper>
  );
}

function RevenueGrid({
  customerId,
  year,
  months,
  total,
}: {
  customerId: string;
  year: number;
  months: RevenueMonthView[];
  total: number;
}) {
  const { t } = useTranslation();
  const f = useFormat();
  const byPeriod = new Map(months.map((m) => [m.period, m]));
  const lineTotal = (line: RevenueLine) => months.reduce((n, m) => n + (m.cells[line]?.amount ?? 0), 0);
  const anyLine = (line: RevenueLine) => months.some((m) => m.cells[line]?.amount != null);
  // The focused cell's source shows under the grid, as a spreadsheet's status bar would.
  const [focused, setFocused] = useState<{ period: string; line: RevenueLine } | null>(null);
  return (
    <div>
      <Table
        withTableBorder
        withColumnBorders
        className="kam-revenue-grid"
        verticalSpacing={2}
        horizontalSpacing={4}
        aria-label={t('revenue.gridLabel', { year })}
        data-testid="revenue-grid"
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={56}>{t('revenue.month')}</Table.Th>
            {LINES.map((l) => (
              <Table.Th key={l} ta="right">
                {t(`line.${l}`)}
              </Table.Th>
            ))}
            <Table.Th ta="right">{t('revenue.monthTotal')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {MONTHS.map((m, row) => {
            const period = periodOf(year, m);
            const month = byPeriod.get(period);
            return (
              <Table.Tr key={period}>
                <Table.Th scope="row">{t('revenue.monthName', { month: m })}</Table.Th>
                {LINES.map((line, col) => {
                  const cell = month?.cells[line] ?? null;
                  return (
                    <RevenueCell
                      row={row}
                      col={col}
                      // Keyed by line only: a cell must not remount when its saved figure comes back
                      // (the focus has already moved on, and a remount would drop it).
                      key={line}
                      customerId={customerId}
                      period={period}
                      line={line}
                      cell={cell}
                      newspaper={line === 'newspapers' ? (month?.newspaper ?? null) : null}
                      onSelect={() => setFocused({ period, line })}
                    />
                  );
                })}
                <Table.Td ta="right" fw={600} data-testid="revenue-month-total" data-period={period}>
                  {month && month.total !== 0 ? formatMoney(month.total) : EMPTY_VALUE}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th>{t('revenue.yearTotal')}</Table.Th>
            {LINES.map((l) => (
              <Table.Th key={l} ta="right">
                {anyLine(l) ? formatMoney(lineTotal(l)) : EMPTY_VALUE}
              </Table.Th>
            ))}
            <Table.Th ta="right" data-testid="revenue-year-total">
              <Text span fw={700} size="xs" title={f.fenSummary(total)}>
                {formatMoney(total)}
              </Text>
            </Table.Th>
          </Table.Tr>
        </Table.Tfoot>
      </Table>
      <RevenueSourceBar customerId={customerId} cell={focused} />
    </div>
  );
}

/** Focuses the grid cell at (row, col), if there is one: arrow keys and Enter move like a spreadsheet. */
function focusCell(from: HTMLElement, row: number, col: number): void {
  const grid = from.closest('[data-testid="revenue-grid"]');
  const target = grid?.querySelector<HTMLButtonElement>(`button[data-row="${row}"][data-col="${col}"]`);
  target?.focus();
}

function RevenueCell({
  row,
  col,
  customerId,
  period,
  line,
  cell,
  newspaper,
  onSelect,
}: {
  row: number;
  col: number;
  customerId: string;
  period: string;
  line: RevenueLine;
  cell: RevenueCellView | null;
  newspaper: RevenueMonthView['newspaper'];
  /** The cell took the focus: its source shows under the grid. */
  onSelect: () => void;
}) {
  const { t } = useTranslation();
  // A mutation: once saved, the grid's totals, the customer's page and the tracker refetch by themselves.
  const setRevenue = useApiMutation('revenue/set');
  const amount = cell?.amount ?? null;
  const [shown, setShown] = useState<number | null>(amount);
  const [editing, setEditing] = useState(false);
  // A figure changed elsewhere (an import, an undo, another window of the page) shows here too.
  useEffect(() => {
    if (!editing) setShown(amount);
  }, [amount, editing]);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  // A figure the backend asked about (shared/domain/revenue-sanity.ts): saved only after 仍然保存.
  const [warnings, setWarnings] = useState<RevenueFigureWarning[] | null>(null);
  const [saving, setSaving] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  // Set once the edit is being saved or abandoned, so the input's blur on unmount does nothing.
  const closing = useRef(false);

  const start = (typed?: string) => {
    closing.current = false;
    setText(typed ?? (shown === null ? '' : fenToYuanString(shown)));
    setError(null);
    setWarnings(null);
    setEditing(true);
  };
  // Where focus goes once the editor has closed and the button is back in the DOM.
  const focusAfterClose = useRef<'stay' | 'down' | null>(null);
  useEffect(() => {
    const where = focusAfterClose.current;
    const button = buttonRef.current;
    if (editing || where === null || !button) return;
    focusAfterClose.current = null;
    const next = where === 'down' ? gridMove({ row, col }, GRID_SIZE, 'Enter') : null;
    if (next) focusCell(button, next.row, next.col);
    else button.focus();
  }, [editing, row, col]);

  /** Leaves editing; `moveDown` (after Enter) goes to the cell below, as a spreadsheet does. */
  const stop = (moveDown = false) => {
    closing.current = true;
    focusAfterClose.current = moveDown ? 'down' : 'stay';
    setEditing(false);
    setError(null);
    setWarnings(null);
  };
  const save = async (moveDown = false, confirm = false) => {
    const original = shown === null ? '' : fenToYuanString(shown);
    if (text.trim() === original) {
      stop(moveDown);
      return;
    }
    closing.current = true;
    setSaving(true);
    try {
      const saved = await setRevenue.mutateAsync({ customerId, period, line, amount: text, confirm });
      setShown(saved.amount);
      stop(moveDown);
    } catch (e) {
      const err = toApiCallError('revenue/set', e);
      const asked = err.code === 'CONFLICT' ? sanityWarnings(err.details) : null;
      if (asked) {
        // Stays open (a blur does not save again) until the officer confirms or edits the figure.
        setWarnings(asked);
        requestAnimationFrame(() => inputRef.current?.focus());
      } else {
        closing.current = false;
        setError(err.issues[0]?.message ?? err.message);
      }
    } finally {
      setSaving(false);
    }
  };
  const onKey = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      void save(true);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      stop();
    }
  };

  const source = cell?.sourceKind
    ? t('revenue.source', {
        kind: t(`revenue.sourceKind.${cell.sourceKind}`),
        ref: cell.sourceRef ? `（${cell.sourceRef}）` : '',
        at: formatDateTime(cell.updatedAt),
      })
    : t('revenue.notReported');
  const r8 = newspaper
    ? t('revenue.newspaper.tooltip', {
        turnover: formatMoney(newspaper.annualTurnover),
        rate: (newspaper.rateBasisPoints / 100).toFixed(2),
        other: formatMoney(newspaper.other),
      })
    : '';

  return (
    <Table.Td
      ta="right"
      p={2}
      data-testid="revenue-cell"
      data-period={period}
      data-line={line}
      data-amount={shown ?? ''}
      style={{ minWidth: 96, position: 'relative' }}
    >
      {editing ? (
        <TextInput
          size="xs"
          value={text}
          onChange={(e) => {
            setText(e.currentTarget.value);
            setError(null);
            if (warnings) {
              setWarnings(null);
              closing.current = false;
            }
          }}
          onKeyDown={onKey}
          onBlur={() => {
            if (!closing.current && error === null) void save();
          }}
          error={error}
          disabled={saving}
          autoFocus
          ref={inputRef}
          className="kam-revenue-input"
          aria-label={t('revenue.cellLabel', { period, line: t(`line.${line}`) })}
          placeholder={t('revenue.cellPlaceholder')}
          data-testid="revenue-cell-input"
          styles={{
            error: {
              position: 'absolute',
              top: '100%',
              right: 0,
              zIndex: 5,
              width: 220,
              padding: '4px 6px',
              textAlign: 'left',
              whiteSpace: 'normal',
              background: 'var(--mantine-color-white)',
              border: '1px solid var(--mantine-color-red-3)',
              borderRadius: 4,
              boxShadow: 'var(--mantine-shadow-sm)',
            },
          }}
        />
      ) : null}
      {editing && warnings && (
        <SanityPrompt
          warnings={warnings}
          saving={saving}
          onConfirm={() => void save(true, true)}
          onEdit={() => {
            setWarnings(null);
            closing.current = false;
            inputRef.current?.focus();
          }}
        />
      )}
      {editing ? null : (
        <button
          ref={buttonRef}
          type="button"
          className={`kam-revenue-cell${shown === null ? ' kam-revenue-empty' : ''}`}
          onClick={() => start()}
          onFocus={onSelect}
          onKeyDown={(e) => {
            if (e.key === 'F2') {
              e.preventDefault();
              start();
              return;
            }
            if (startsEdit(e.key, e.ctrlKey || e.metaKey || e.altKey)) {
              e.preventDefault();
              start(e.key);
              return;
            }
            if (e.key === 'Enter') return; // the button's own Enter opens the editor
            const next = gridMove({ row, col }, GRID_SIZE, e.key);
            if (next) {
              e.preventDefault();
              focusCell(e.currentTarget, next.row, next.col);
            }
          }}
          data-row={row}
          data-col={col}
          title={[source, r8].filter(Boolean).join('\n')}
          aria-label={t('revenue.cellLabel', { period, line: t(`line.${line}`) })}
        >
          {shown === null ? EMPTY_VALUE : formatMoney(shown)}
          {newspaper && (
            <Badge size="xs" variant="light" color="blue" ml={4} component="span">
              R8
            </Badge>
          )}
        </button>
      )}
    </Table.Td>
  );
}

/** The warnings in `details` of a CONFLICT from revenue/set, if that is what it is. */
function sanityWarnings(details: Record<string, unknown> | undefined): RevenueFigureWarning[] | null {
  const list = details?.warnings;
  return Array.isArray(list) && list.length > 0 ? (list as RevenueFigureWarning[]) : null;
}

/** Below the cell being edited: what looks wrong with the figure, and 仍然保存 / 修改. */
function SanityPrompt({
  warnings,
  saving,
  onConfirm,
  onEdit,
}: {
  warnings: RevenueFigureWarning[];
  saving: boolean;
  onConfirm: () => void;
  onEdit: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Paper
      withBorder
      shadow="sm"
      p="xs"
      role="alertdialog"
      aria-label={t('revenue.sanity.title')}
      data-testid="revenue-sanity"
      // Buttons take no focus from the input, so its blur does not end the edit.
      onMouseDown={(e) => e.preventDefault()}
      style={{
        position: 'absolute',
        top: '100%',
        right: 0,
        zIndex: 6,
        width: 300,
        textAlign: 'left',
        borderColor: 'var(--mantine-color-orange-4)',
      }}
    >
      <Text size="xs" fw={700} c="orange.8">
        {t('revenue.sanity.title')}
      </Text>
      {warnings.map((w) => (
        <Text key={w.code} size="xs" mt={2} data-testid="revenue-sanity-warning" data-code={w.code}>
          {t(`revenue.sanity.${w.code}`, {
            amount: formatMoney(w.params.amount),
            reference: w.params.reference === undefined ? '' : formatMoney(w.params.reference),
            factor: w.params.factor,
            percent: w.params.permille === undefined ? '' : w.params.permille / 10,
          })}
        </Text>
      ))}
      <Group gap="xs" mt="xs" justify="flex-end" wrap="nowrap">
        <Button size="compact-xs" variant="default" onClick={onEdit} data-testid="revenue-sanity-edit">
          {t('revenue.sanity.edit')}
        </Button>
        <Button
          size="compact-xs"
          color="orange"
          onClick={onConfirm}
          loading={saving}
          data-testid="revenue-sanity-confirm"
        >
          {t('revenue.sanity.confirm')}
        </Button>
      </Group>
    </Paper>
  );
}

function NewspaperModal({
  customerId,
  initialPeriod,
  onClose,
}: {
  customerId: string;
  initialPeriod: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const setNewspaper = useApiMutation('revenue/set-newspaper');
  const form = useSchemaForm({
    initialValues: { period: initialPeriod, annualTurnover: '', ratePercent: '', other: '' },
    schema: revenueSetNewspaper,
    toInput: (v) => ({ customerId, ...v }),
  });
  const { annualTurnover, ratePercent, other } = form.form.getValues();
  const preview = previewNewspaper(annualTurnover, ratePercent, other);
  const save = async () => {
    const saved = await form.submit((input) => setNewspaper.mutateAsync(input));
    if (!saved) return;
    notifications.show({
      color: 'postal',
      title: t('revenue.newspaper.saved'),
      message: t('revenue.newspaper.savedText', {
        period: form.form.getValues().period,
        revenue: formatMoney(saved.revenue),
      }),
    });
    onClose();
  };
  const periodProps = form.form.getInputProps('period');
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('revenue.newspaper.title')}
      form={form}
      onSubmit={() => void save()}
      testId="newspaper-form"
    >
      <Text size="sm" c="dimmed">
        {t('revenue.newspaper.hint')}
      </Text>
      <MonthField label={t('revenue.newspaper.month')} value={periodProps.value} onChange={periodProps.onChange} />
      <TextInput
        label={t('revenue.newspaper.turnover')}
        {...form.form.getInputProps('annualTurnover')}
        placeholder={t('revenue.newspaper.turnoverPlaceholder')}
        withAsterisk
        data-autofocus
        autoComplete="off"
        data-testid="newspaper-turnover"
      />
      <TextInput
        label={t('revenue.newspaper.rate')}
        {...form.form.getInputProps('ratePercent')}
        placeholder="25 / 25.5%"
        withAsterisk
        autoComplete="off"
        data-testid="newspaper-rate"
      />
      <TextInput
        label={t('revenue.newspaper.other')}
        {...form.form.getInputProps('other')}
        autoComplete="off"
        data-testid="newspaper-other"
      />
      <Paper withBorder p="sm" bg="gray.0">
        <Text size="sm" data-testid="newspaper-preview">
          {t('revenue.newspaper.preview')}：
          <Text span fw={700}>
            {preview === null ? EMPTY_VALUE : formatMoney(preview)}
          </Text>
        </Text>
        <Text size="xs" c="dimmed">
          {t('revenue.newspaper.formula')}
        </Text>
      </Paper>
    </FormModal>
  );
}

/** R5: the date a business agreement was signed; set or cleared by the centre. */
export function AgreementPanel({ customer }: { customer: CustomerDetail }) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState(false);
  const setAgreement = useApiMutation('customers/set-agreement');
  const clear = () =>
    modals.openConfirmModal({
      title: t('agreement.clearTitle'),
      children: <Text size="sm">{t('agreement.clearText')}</Text>,
      labels: { confirm: t('agreement.clear'), cancel: t('common.cancel') },
      confirmProps: { color: 'red' },
      onConfirm: async () => {
        try {
          await setAgreement.mutateAsync({ id: customer.id, since: null });
          notifications.show({ color: 'postal', title: t('agreement.cleared'), message: '' });
        } catch (e) {
          notifications.show({ color: 'red', title: t('common.errorTitle'), message: toApiCallError('', e).message });
        }
      },
    });
  return (
    <Paper withBorder p="md" data-testid="agreement-panel">
      <Group justify="space-between">
        <div>
          <Title order={2} size="h5">
            {t('agreement.title')}
          </Title>
          <Text size="sm" data-testid="agreement-value">
            {customer.agreementSince ? t('agreement.since', { date: customer.agreementSince }) : t('agreement.none')}
          </Text>
        </div>
        <Group gap="xs">
          <Button size="xs" variant="default" onClick={() => setEditing(true)} data-testid="agreement-set">
            {customer.agreementSince ? t('agreement.change') : t('agreement.set')}
          </Button>
          {customer.agreementSince && (
            <Button size="xs" variant="subtle" color="red" onClick={clear} data-testid="agreement-clear">
              {t('agreement.clear')}
            </Button>
          )}
        </Group>
      </Group>
      {editing && <AgreementModal customer={customer} onClose={() => setEditing(false)} />}
    </Paper>
  );
}

function AgreementModal({ customer, onClose }: { customer: Customer; onClose: () => void }) {
  const { t } = useTranslation();
  const today = useToday();
  const setAgreement = useApiMutation('customers/set-agreement');
  const form = useSchemaForm({
    initialValues: { since: (customer.agreementSince ?? today) as string | null },
    schema: customersSetAgreement,
    // An empty date is not "clear" here (清除 is its own button): it is refused as a missing date.
    toInput: (v) => ({ id: customer.id, since: v.since ?? '' }),
  });
  const save = async () => {
    const saved = await form.submit((input) => setAgreement.mutateAsync(input));
    if (!saved) return;
    notifications.show({ color: 'postal', title: t('agreement.saved'), message: saved.agreementSince ?? '' });
    onClose();
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('agreement.formTitle')}
      form={form}
      onSubmit={() => void save()}
      testId="agreement-form"
      size="sm"
    >
      <DateField label={t('agreement.date')} {...form.form.getInputProps('since')} withAsterisk data-autofocus />
    </FormModal>
  );
}
