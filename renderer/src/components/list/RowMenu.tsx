import { ActionIcon, Menu } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { actionsColumn, type ListColumn } from './columns';

/** A row's ⋯ menu; its click does not reach the row (a row click opens the row). */
export function RowMenu({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <ActionIcon variant="subtle" aria-label={label} onClick={(e) => e.stopPropagation()}>
          <span aria-hidden="true">⋯</span>
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>{children}</Menu.Dropdown>
    </Menu>
  );
}

/** The 操作 column (see actionsColumn), titled in the interface language. */
export function useActionsColumn() {
  const { t } = useTranslation();
  return <T,>(render: (row: T) => ReactNode, width?: number): ListColumn<T> =>
    actionsColumn(
      t('common.actions'),
      <span className="kam-visually-hidden">{t('common.actions')}</span>,
      render,
      width,
    );
}
