/**
 * On every page while the database is read-only after a failed check (DOMAIN-DECISIONS
 * "Backups"): what happened and the way to the restore list.
 */
import { Alert, Anchor } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../api/query';
import { hrefOf, useRoute } from '../router/useRoute';

export function ReadOnlyBanner() {
  const { t } = useTranslation();
  const list = useApiQuery('backups/list', {});
  const route = useRoute();
  // On the restore list itself the link would lead nowhere.
  const onBackups = route.name === 'settings' && route.tab === 'backups';
  const problem = list.data?.problem ?? null;
  if (problem === null) return null;
  return (
    <Alert color="red" variant="filled" title={t('backups.banner.title')} mb="md" data-testid="read-only-banner">
      {t('backups.banner.text', { problem: problem.slice(0, 200) })}{' '}
      {!onBackups && (
        <Anchor
          href={hrefOf({ name: 'settings', tab: 'backups' })}
          c="white"
          fw={700}
          underline="always"
          data-testid="read-only-banner-link"
        >
          {t('backups.banner.link')}
        </Anchor>
      )}
    </Alert>
  );
}
