import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiCallError, type ClientErrorCode } from '../api/client';
import type { ApiState } from '../api/query';
import { useLanguage } from '../i18n';

export function LoadingBlock({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Group gap="sm">
        <Loader size="sm" />
        <Text c="dimmed" size="sm">
          {label ?? t('common.loading')}
        </Text>
      </Group>
    </Center>
  );
}

/**
 * The failures a second try can mend (a transient internal error, a garbled reply); a missing
 * record, refused input, a conflict or an unknown operation fail the same way again, so they get
 * no 重试 button. An error without a code (thrown in the renderer) may be transient.
 */
const RETRYABLE: ReadonlySet<ClientErrorCode> = new Set<ClientErrorCode>(['INTERNAL', 'BAD_RESPONSE']);

export function canRetry(error: ApiCallError | Error): boolean {
  return error instanceof ApiCallError ? RETRYABLE.has(error.code) : true;
}

/**
 * An error from the backend, in the interface language (Chinese when no English was written),
 * with a 重试 button when a retry can help.
 */
export function ErrorAlert({
  error,
  onRetry,
  title,
}: {
  error: ApiCallError | Error;
  onRetry?: () => void;
  title?: string;
}) {
  const { t } = useTranslation();
  const english = useLanguage() === 'en';
  const code = 'code' in error ? String(error.code) : null;
  const message = error instanceof ApiCallError ? error.messageIn(english) : error.message;
  return (
    <Alert color="red" variant="light" title={title ?? t('common.errorTitle')} role="alert" data-testid="api-error">
      <Stack gap="xs">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {message}
        </Text>
        {code && code !== 'VALIDATION' && (
          <Text size="xs" c="dimmed">
            {t('common.errorCode', { code })}
          </Text>
        )}
        {onRetry && canRetry(error) && (
          <Group>
            <Button size="xs" variant="light" color="red" onClick={onRetry}>
              {t('common.retry')}
            </Button>
          </Group>
        )}
      </Stack>
    </Alert>
  );
}

/** Loading → error (with 重试 when it can help) → content. Keeps showing the last data while reloading. */
export function ApiView<T>({ state, children }: { state: ApiState<T>; children: (data: T) => ReactNode }) {
  const { t } = useTranslation();
  if (state.error) return <ErrorAlert error={state.error} onRetry={state.reload} title={t('common.loadErrorTitle')} />;
  if (state.data === undefined) return <LoadingBlock />;
  return <>{children(state.data)}</>;
}
