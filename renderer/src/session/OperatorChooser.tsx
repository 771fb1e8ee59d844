/**
 * Who is working (DOMAIN-DECISIONS "Audit log"): the active operators, the last one chosen first,
 * picked with ↑ ↓ and Enter (or a click), or a new profile created and started at once. No
 * password: the workstation's login decides who may use it. On a read-only database no profile
 * can be created (a write), but an existing one can still be chosen so the officer can read and
 * restore a copy (session/start is allowed read-only).
 */
import { Alert, Button, Group, Stack, Text, UnstyledButton } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperatorView } from '../../../shared/api/types';
import { toApiCallError } from '../api/client';
import { useApiMutation, useApiQuery } from '../api/query';
import { ApiView, ErrorAlert } from '../components/ApiViews';
import { formatDateTime } from '../i18n/format';
import { OperatorFields, useOperatorForm } from './OperatorForm';

export function OperatorChooser({ current, onChosen }: { current: OperatorView | null; onChosen: () => void }) {
  const operators = useApiQuery('operators/list', { includeRetired: false });
  const backups = useApiQuery('backups/list', {});
  const readOnly = (backups.data?.problem ?? null) !== null;
  const [creating, setCreating] = useState(false);
  return (
    <ApiView state={operators}>
      {(list) =>
        creating || (list.length === 0 && !readOnly) ? (
          <CreateOperator onCancel={list.length > 0 ? () => setCreating(false) : null} onChosen={onChosen} />
        ) : (
          <OperatorList
            operators={list}
            current={current}
            readOnly={readOnly}
            onCreate={() => setCreating(true)}
            onChosen={onChosen}
          />
        )
      }
    </ApiView>
  );
}

function useStart(onChosen: () => void) {
  const { t } = useTranslation();
  const start = useApiMutation('session/start');
  const [error, setError] = useState<unknown>(null);
  const choose = async (operator: OperatorView) => {
    setError(null);
    try {
      await start.mutateAsync({ operatorId: operator.id });
      notifications.show({ color: 'postal', message: t('audit.session.started', { name: operator.name }) });
      onChosen();
    } catch (e) {
      setError(e);
    }
  };
  return { choose, pending: start.isPending, error: error === null ? null : toApiCallError('session/start', error) };
}

function OperatorList({
  operators,
  current,
  readOnly,
  onCreate,
  onChosen,
}: {
  operators: OperatorView[];
  current: OperatorView | null;
  readOnly: boolean;
  onCreate: () => void;
  onChosen: () => void;
}) {
  const { t } = useTranslation();
  const { choose, pending, error } = useStart(onChosen);
  const initial = Math.max(
    0,
    operators.findIndex((o) => o.id === current?.id),
  );
  const [active, setActive] = useState(initial);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  useEffect(() => {
    buttons.current[initial]?.focus();
  }, [initial]);

  // A listbox: ↑ ↓ (and Home/End) move, Enter or Space chooses (the buttons' own activation).
  const onKeyDown = (e: KeyboardEvent) => {
    const last = operators.length - 1;
    const next =
      e.key === 'ArrowDown'
        ? Math.min(last, active + 1)
        : e.key === 'ArrowUp'
          ? Math.max(0, active - 1)
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? last
              : null;
    if (next === null) return;
    e.preventDefault();
    setActive(next);
    buttons.current[next]?.focus();
  };

  return (
    <Stack gap="sm">
      {operators.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('audit.session.none')}
        </Text>
      ) : (
        <Stack
          gap={4}
          role="listbox"
          aria-label={t('audit.session.listLabel')}
          onKeyDown={onKeyDown}
          data-testid="operator-options"
        >
          {operators.map((o, i) => (
            <UnstyledButton
              key={o.id}
              ref={(el) => {
                buttons.current[i] = el;
              }}
              role="option"
              aria-selected={i === active}
              tabIndex={i === active ? 0 : -1}
              className="kam-operator-option"
              data-active={i === active || undefined}
              disabled={pending}
              onFocus={() => setActive(i)}
              onClick={() => void choose(o)}
              data-testid="operator-option"
            >
              <Group justify="space-between" wrap="nowrap" gap="md">
                <div>
                  <Text fw={600} size="md">
                    {o.name}
                  </Text>
                  {o.title !== '' && (
                    <Text size="sm" c="dimmed">
                      {o.title}
                    </Text>
                  )}
                </div>
                {o.lastChosenAt && (
                  <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
                    {t('audit.session.lastChosen', { at: formatDateTime(o.lastChosenAt) })}
                  </Text>
                )}
              </Group>
            </UnstyledButton>
          ))}
        </Stack>
      )}
      {error && <ErrorAlert error={error} />}
      {readOnly ? (
        <Alert color="orange" variant="light" data-testid="operator-read-only">
          {t('audit.session.readOnlyNote')}
        </Alert>
      ) : (
        <Group>
          <Button variant="light" onClick={onCreate} data-testid="operator-create">
            {t('audit.session.create')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function CreateOperator({ onCancel, onChosen }: { onCancel: (() => void) | null; onChosen: () => void }) {
  const { t } = useTranslation();
  const form = useOperatorForm(null);
  const save = useApiMutation('operators/save');
  const { choose, pending, error } = useStart(onChosen);
  const submit = async () => {
    const saved = await form.submit((input) => save.mutateAsync(input));
    if (saved) await choose(saved);
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
      data-testid="operator-create-form"
    >
      <Stack gap="sm">
        <OperatorFields form={form} />
        {form.error && <ErrorAlert error={form.error} />}
        {error && <ErrorAlert error={error} />}
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('audit.session.cancelCreate')}
            </Button>
          )}
          <Button type="submit" loading={form.submitting || pending} data-testid="operator-create-submit">
            {t('audit.session.createAndStart')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
