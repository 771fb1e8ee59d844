/**
 * 设置 → 审计's check of the chain (DOMAIN-DECISIONS "Audit log"): on request, since it reads
 * every row. It says how many rows it checked and the head (to compare with a printed report or an
 * export's property), or the first row that breaks the chain with the backend's reason, and lists
 * the opens that found the guard triggers dropped or altered, and revenue figures that no longer
 * match the checksum the triggers keep (written outside this program).
 */
import { Alert, Button, Code, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditVerifyView } from '../../../../shared/api/types';
import { localDateTime } from '../../../../shared/domain/dates';
import { type ApiCallError, api, toApiCallError } from '../../api/client';
import { ErrorAlert } from '../../components/ApiViews';
import { useLanguage } from '../../i18n';

export function AuditVerifyPanel() {
  const { t } = useTranslation();
  const english = useLanguage() === 'en';
  const [result, setResult] = useState<AuditVerifyView | null>(null);
  const [error, setError] = useState<ApiCallError | null>(null);
  const [running, setRunning] = useState(false);

  const verify = async () => {
    setRunning(true);
    setError(null);
    try {
      setResult(await api.call('audit/verify', {}));
    } catch (e) {
      setError(toApiCallError('audit/verify', e));
    } finally {
      setRunning(false);
    }
  };

  return (
    <Paper withBorder p="md" data-testid="audit-verify">
      <Stack gap="sm">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <div>
            <Title order={2} size="h5">
              {t('audit.verify.title')}
            </Title>
            <Text size="sm" c="dimmed" maw={760}>
              {t('audit.verify.hint')}
            </Text>
          </div>
          <Button
            onClick={() => void verify()}
            loading={running}
            data-testid="audit-verify-run"
            style={{ flexShrink: 0 }}
          >
            {t('audit.verify.run')}
          </Button>
        </Group>
        {error && <ErrorAlert error={error} />}
        {result && (
          <Stack gap="xs" data-testid="audit-verify-result" data-ok={result.ok}>
            {result.broken === null ? (
              <Alert color="green" variant="light" title={t('audit.verify.ok')} data-testid="audit-verify-ok">
                <VerifyFacts result={result} />
              </Alert>
            ) : (
              <Alert
                color="red"
                variant="light"
                title={t('audit.verify.broken', { id: result.broken.id })}
                data-testid="audit-verify-broken"
                data-row={result.broken.id}
              >
                <Stack gap={4}>
                  <Text size="sm" fw={500}>
                    {english ? result.broken.messageEn : result.broken.message}
                  </Text>
                  <VerifyFacts result={result} />
                </Stack>
              </Alert>
            )}
            {result.dataBroken !== null && (
              <Alert
                color="red"
                variant="light"
                title={t('audit.verify.dataBroken')}
                data-testid="audit-verify-data-broken"
              >
                <Text size="sm">{english ? result.dataBroken.messageEn : result.dataBroken.message}</Text>
              </Alert>
            )}
            {result.repairs.length === 0 ? (
              <Text size="sm" c="dimmed">
                {t('audit.verify.noRepairs')}
              </Text>
            ) : (
              <Alert color="orange" variant="light" title={t('audit.verify.repairsTitle')} data-testid="audit-repairs">
                <List size="sm">
                  {result.repairs.map((r) => (
                    <List.Item key={r.id}>
                      {t('audit.verify.repair', {
                        id: r.id,
                        at: localDateTime(new Date(r.at)),
                        triggers: r.triggers.join(t('common.listSeparator')),
                      })}
                    </List.Item>
                  ))}
                </List>
              </Alert>
            )}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}

function VerifyFacts({ result }: { result: AuditVerifyView }) {
  const { t } = useTranslation();
  return (
    <Stack gap={2}>
      <Text size="sm">
        {t('audit.verify.rows', { count: result.rows })} ·{' '}
        {t(result.broken === null ? 'audit.verify.head' : 'audit.verify.lastGood', { id: result.head.id })} ·{' '}
        {t('audit.verify.checkedAt', { at: localDateTime(new Date(result.checkedAt)) })}
      </Text>
      {/* The whole hash: an officer compares it with the one a final report printed. */}
      <Code block fz="xs" style={{ wordBreak: 'break-all', whiteSpace: 'normal' }} data-testid="audit-head-hash">
        {result.head.hash}
      </Code>
    </Stack>
  );
}
