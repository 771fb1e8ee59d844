import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiCallError } from '../api/client';
import type { SchemaForm } from '../forms/useSchemaForm';
import { ErrorAlert } from './ApiViews';

type AnySchemaForm = Pick<SchemaForm<Record<string, unknown>, unknown>, 'submitting' | 'error' | 'isDirty'>;

/**
 * Asks before unsaved input is thrown away; closes at once when nothing was typed. Every way out
 * of a form dialog (Esc, a click outside, ×, 取消) goes through it.
 */
export function useGuardedClose(isDirty: (() => boolean) | undefined, onClose: () => void) {
  const { t } = useTranslation();
  return () => {
    if (!isDirty?.()) {
      onClose();
      return;
    }
    modals.openConfirmModal({
      title: t('common.discard.title'),
      children: <Text size="sm">{t('common.discard.text')}</Text>,
      labels: { confirm: t('common.discard.confirm'), cancel: t('common.discard.keep') },
      confirmProps: { color: 'red', 'data-testid': 'discard-confirm' },
      cancelProps: { 'data-testid': 'discard-keep', 'data-autofocus': true },
      onConfirm: onClose,
      zIndex: 1000,
    });
  };
}

/**
 * A small modal form: Enter submits, Esc closes, focus starts at the field marked
 * `data-autofocus`. The body is only mounted while open, so each opening starts fresh. Given a
 * `form` (useSchemaForm), it shows its state and asks before closing over unsaved input.
 */
export function FormModal({
  opened,
  onClose,
  title,
  submitLabel,
  submitting,
  error,
  form,
  onSubmit,
  children,
  size = 'md',
  testId,
  submitColor,
  submitDisabled = false,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  submitLabel?: string;
  submitting?: boolean;
  error?: ApiCallError | null;
  form?: AnySchemaForm;
  onSubmit: () => void;
  children: ReactNode;
  size?: 'sm' | 'md' | 'lg' | 'xl';
  testId?: string;
  submitColor?: string;
  /** The submit button (and Enter) does nothing, e.g. while a check says the write would be refused. */
  submitDisabled?: boolean;
}) {
  const { t } = useTranslation();
  const close = useGuardedClose(form?.isDirty, onClose);
  const busy = form?.submitting ?? submitting ?? false;
  const shownError = form?.error ?? error ?? null;
  const handle = (event: FormEvent) => {
    event.preventDefault();
    if (!submitDisabled) onSubmit();
  };
  return (
    <Modal
      opened={opened}
      onClose={close}
      title={title}
      size={size}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened && (
        <form onSubmit={handle} noValidate data-testid={testId}>
          <Stack gap="sm">
            {children}
            {shownError && <ErrorAlert error={shownError} />}
            <Group justify="flex-end" gap="sm" mt="xs">
              <Button variant="default" onClick={close}>
                {t('common.cancel')}
              </Button>
              <Button
                type="submit"
                loading={busy}
                disabled={submitDisabled}
                color={submitColor}
                data-testid="form-submit"
              >
                {submitLabel ?? t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
