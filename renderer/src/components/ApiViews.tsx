import { Alert, Button, Center, Group, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiCallError } from '../api/client';
import type { ApiState } from '../api/query';

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

/** An error from the backend, in its Chinese message, with an optional 重试 button. */
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
  const code = 'code' in error ? String(error.code) : null;
  return (
    <Alert color="red" variant="light" title={title ?? t('common.errorTitle')} role="alert" data-testid="api-error">
      <Stack gap="xs">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {error.message}
        </Text>
        {code && code !== 'VALIDATION' && (
          <Text size="xs" c="dimmed">
            {t('common.errorCode', { code })}
          </Text>
        )}
        {onRetry && (
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

/** Loading → error (with 重试) → content. Keeps showing the last data while reloading. */
export function ApiView<T>({ state, children }: { state: ApiState<T>; children: (data: T) => ReactNode }) {
  const { t } = useTranslation();
  if (state.error) return <ErrorAlert error={state.error} onRetry={state.reload} title={t('common.loadErrorTitle')} />;
  if (state.data === undefined) return <LoadingBlock />;
  return <>{children(state.data)}</>;
}
