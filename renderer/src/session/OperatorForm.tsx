/**
 * An operator's name and title, validated by operators/save's own schema (the messages are the
 * contract's, Chinese first). Used by the chooser at start and by 设置 → 操作员.
 */
import { TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ApiInput } from '../../../shared/api/contract';
import { operatorsSave } from '../../../shared/api/schemas';
import type { OperatorView } from '../../../shared/api/types';
import { type SchemaForm, useSchemaForm } from '../forms/useSchemaForm';

export interface OperatorValues {
  name: string;
  title: string;
  [key: string]: unknown;
}

export type OperatorSchemaForm = SchemaForm<OperatorValues, ApiInput<'operators/save'>>;

const toInputOf =
  (operator: OperatorView | null) =>
  (v: OperatorValues): ApiInput<'operators/save'> => ({
    id: operator?.id ?? null,
    name: v.name.trim(),
    title: v.title.trim(),
    active: operator?.active ?? true,
  });

export function useOperatorForm(operator: OperatorView | null): OperatorSchemaForm {
  return useSchemaForm({
    initialValues: { name: operator?.name ?? '', title: operator?.title ?? '' },
    schema: operatorsSave,
    toInput: toInputOf(operator),
  });
}

export function OperatorFields({ form }: { form: OperatorSchemaForm }) {
  const { t } = useTranslation();
  return (
    <>
      <TextInput
        label={t('audit.operators.fields.name')}
        placeholder={t('audit.operators.fields.namePlaceholder')}
        withAsterisk
        data-autofocus
        data-testid="operator-name"
        {...form.form.getInputProps('name')}
      />
      <TextInput
        label={t('audit.operators.fields.title')}
        placeholder={t('audit.operators.fields.titlePlaceholder')}
        data-testid="operator-title"
        {...form.form.getInputProps('title')}
      />
    </>
  );
}
