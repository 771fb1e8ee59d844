import { Group, Pagination } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Page controls under a long preview list, with Chinese labels on every control. */
export function PagedTableFooter({
  page,
  pages,
  onChange,
  testId,
}: {
  page: number;
  pages: number;
  onChange: (page: number) => void;
  testId: string;
}) {
  const { t } = useTranslation();
  if (pages <= 1) return null;
  return (
    <Group justify="center" mt="sm">
      <Pagination
        total={pages}
        value={page}
        onChange={onChange}
        size="sm"
        data-testid={testId}
        getControlProps={(control) => ({ 'aria-label': t(`submissions.preview.page.${control}`) })}
        getItemProps={(n) => ({ 'aria-label': `${t('submissions.preview.page.control')} ${n}` })}
      />
    </Group>
  );
}
