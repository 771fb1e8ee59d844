import { Button, Group, Modal, Stack } from '@mantine/core';
import type { FormEvent, ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiCallError } from '../api/client';
import { ErrorAlert } from './ApiViews';

/**
 * A small modal form: Enter submits, Esc closes, focus starts at the field marked
 * `data-autofocus`. The body is only mounted while open, so each opening starts fresh.
 */
export function FormModal({
  opened,
  onClose,
  title,
  submitLabel,
  submitting,
  error,
  onSubmit,
  children,
  size = 'md',
  testId,
  submitColor,
}: {
  opened: boolean;
  onClose: () => void;
  title: string;
  submitLabel?: string;
  submitting: boolean;
  error: ApiCallError | null;
  onSubmit: () => void;
  children: ReactNode;
  size?: 'sm' | 'md' | 'lg' | 'xl';
  testId?: string;
  submitColor?: string;
}) {
  const { t } = useTranslation();
  const handle = (event: FormEvent) => {
    event.preventDefault();
    onSubmit();
  };
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={title}
      size={size}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {opened && (
        <form onSubmit={handle} noValidate data-testid={testId}>
          <Stack gap="sm">
            {children}
            {error && <ErrorAlert error={error} />}
            <Group justify="flex-end" gap="sm" mt="xs">
              <Button variant="default" onClick={onClose}>
                {t('common.cancel')}
              </Button>
              <Button type="submit" loading={submitting} color={submitColor} data-testid="form-submit">
                {submitLabel ?? t('common.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
