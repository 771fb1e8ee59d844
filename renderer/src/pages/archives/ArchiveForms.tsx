/**
 * The 档案 dialogs: the purpose asked before personal information is shown (archives/view-personal,
 * recorded), the editor (all four blocks of 附件3 in one form, checked by the channel's schema), and
 * 已核实，无变化 (archives/update verified:true, which moves the due date, R18).
 */
import {
  ActionIcon,
  Badge,
  Button,
  Divider,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { archivesUpdate, archivesViewPersonal } from '../../../../shared/api/schemas';
import type { ArchiveView } from '../../../../shared/api/types-archives';
import {
  type ArchiveBlock,
  type ArchiveDocument,
  type ArchiveField,
  blockOf,
  type RepeatableBlockKey,
} from '../../../../shared/domain/archive/fields';
import { useApiMutation } from '../../api/query';
import { FormModal } from '../../components/FormModal';
import { useSchemaForm } from '../../forms/useSchemaForm';
import { useLanguage } from '../../i18n';
import { type ArchiveFormValues, emptyEntry, formPathOf, formValuesOf, toUpdateInput } from './archive-form';

export function PurposeModal({
  customerId,
  forEdit,
  onClose,
  onShown,
}: {
  customerId: string;
  forEdit: boolean;
  onClose: () => void;
  onShown: (view: ArchiveView, purpose: string) => void;
}) {
  const { t } = useTranslation();
  const view = useApiMutation('archives/view-personal');
  const form = useSchemaForm({
    initialValues: { purpose: forEdit ? t('archives.purpose.editDefault') : '' },
    schema: archivesViewPersonal,
    toInput: (v) => ({ customerId, revision: null, purpose: v.purpose, date: null }),
  });
  const submit = async () => {
    const shown = await form.submit((input) => view.mutateAsync(input));
    if (shown) onShown(shown, form.form.getValues().purpose.trim());
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={forEdit ? t('archives.purpose.editTitle') : t('archives.purpose.title')}
      submitLabel={forEdit ? t('archives.purpose.editSubmit') : t('archives.purpose.submit')}
      form={form}
      onSubmit={() => void submit()}
      testId="archive-purpose-form"
    >
      <Text size="sm">{forEdit ? t('archives.purpose.editText') : t('archives.purpose.text')}</Text>
      <TextInput
        label={t('archives.purpose.label')}
        placeholder={t('archives.purpose.placeholder')}
        withAsterisk
        data-autofocus
        autoComplete="off"
        {...form.form.getInputProps('purpose')}
        data-testid="archive-purpose"
      />
    </FormModal>
  );
}

export function VerifyModal({ customerId, onClose }: { customerId: string; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useApiMutation('archives/update');
  const form = useSchemaForm({
    initialValues: { note: '' },
    schema: archivesUpdate,
    toInput: (v) => ({ customerId, verified: true, note: v.note.trim() === '' ? null : v.note.trim() }),
  });
  const submit = async () => {
    const saved = await form.submit((input) => update.mutateAsync(input));
    if (!saved) return;
    notifications.show({
      color: 'postal',
      title: t('archives.verifyForm.saved'),
      message: t('archives.verifyForm.savedText', { date: saved.due.dueOn ?? '' }),
    });
    onClose();
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t('archives.verifyForm.title')}
      submitLabel={t('archives.verifyForm.submit')}
      form={form}
      onSubmit={() => void submit()}
      testId="archive-verify-form"
      size="sm"
    >
      <Text size="sm">{t('archives.verifyForm.text')}</Text>
      <TextInput
        label={t('archives.verifyForm.note')}
        placeholder={t('archives.verifyForm.notePlaceholder')}
        data-autofocus
        autoComplete="off"
        {...form.form.getInputProps('note')}
        data-testid="archive-verify-note"
      />
    </FormModal>
  );
}

export function ArchiveEditModal({
  customerId,
  customerName,
  document,
  first,
  onClose,
  onSaved,
}: {
  customerId: string;
  customerName: string;
  /** The unmasked document (a recorded viewing), or the empty one. */
  document: ArchiveDocument;
  first: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const update = useApiMutation('archives/update');
  // Once per opening (fresh row ids); a never-filled archive starts with one empty key person.
  const [initial] = useState(() => {
    const values = formValuesOf(document);
    if (values.keyPersons.length === 0) values.keyPersons.push(emptyEntry('keyPersons'));
    return values;
  });
  // The input drops blank rows; an issue about the input's n-th row lands on the form's row.
  const valuesRef = useRef<ArchiveFormValues>(initial);
  const form = useSchemaForm({
    initialValues: initial,
    schema: archivesUpdate,
    toInput: (v: ArchiveFormValues) => {
      valuesRef.current = v;
      return toUpdateInput(customerId, v);
    },
    fieldOf: (path) => formPathOf(valuesRef.current, path),
  });
  const submit = async () => {
    const saved = await form.submit((input) => update.mutateAsync(input));
    if (!saved) return;
    notifications.show({
      color: 'postal',
      title: t('archives.form.saved'),
      message: t('archives.form.savedText', { revision: saved.revision, score: saved.completeness.score }),
    });
    onSaved();
    onClose();
  };
  return (
    <FormModal
      opened
      onClose={onClose}
      title={t(first ? 'archives.form.createTitle' : 'archives.form.title', { name: customerName })}
      form={form}
      onSubmit={() => void submit()}
      testId="archive-form"
      size="xl"
    >
      <Text size="xs" c="dimmed">
        {t('archives.form.hint')}
      </Text>
      <BlockFields block={blockOf('basic')} form={form.form} prefix="basic" autofocus />
      <BlockFields block={blockOf('extended')} form={form.form} prefix="extended" />
      <EntriesFields block={blockOf('keyPersons')} form={form.form} />
      <EntriesFields block={blockOf('competitors')} form={form.form} />
      <Divider />
      <TextInput
        label={t('archives.form.note')}
        placeholder={t('archives.form.notePlaceholder')}
        autoComplete="off"
        {...form.form.getInputProps('note')}
        data-testid="archive-form-note"
      />
    </FormModal>
  );
}

type Form = ReturnType<typeof useSchemaForm<ArchiveFormValues, unknown>>['form'];

function useLabel() {
  const language = useLanguage();
  return (x: { zh: string; en: string }) => (language === 'en' ? x.en : x.zh);
}

/** Text of 200+ characters grows as a textarea; 500-character text spans the whole row. */
const isMultiline = (f: ArchiveField) => f.type === 'text' && f.max >= 200;
const isWide = (f: ArchiveField) => f.type === 'text' && f.max >= 500;

function FieldInput({
  field,
  path,
  form,
  testId,
  autofocus,
  markPersonal = field.sensitive,
}: {
  field: ArchiveField;
  /** Tag the label 个人信息 (not when the whole block is personal: its title says so once). */
  markPersonal?: boolean;
  path: string;
  form: Form;
  testId: string;
  autofocus?: boolean;
}) {
  const { t } = useTranslation();
  const label = useLabel();
  const labelNode = markPersonal ? (
    <Group gap={6} component="span" wrap="nowrap" style={{ display: 'inline-flex' }}>
      <span>{label(field)}</span>
      <Badge size="xs" variant="light" color="orange" component="span" tt="none">
        {t('archives.personalTag')}
      </Badge>
    </Group>
  ) : (
    label(field)
  );
  const common = {
    label: labelNode,
    withAsterisk: field.required,
    autoComplete: 'off',
    'data-testid': testId,
    'data-autofocus': autofocus || undefined,
    ...form.getInputProps(path),
  };
  if (isMultiline(field)) {
    return (
      <Textarea
        {...common}
        autosize
        minRows={1}
        maxRows={6}
        style={isWide(field) ? { gridColumn: '1 / -1' } : undefined}
      />
    );
  }
  return <TextInput {...common} inputMode={field.type === 'integer' ? 'numeric' : undefined} />;
}

function BlockFields({
  block,
  form,
  prefix,
  autofocus,
}: {
  block: ArchiveBlock;
  form: Form;
  prefix: string;
  autofocus?: boolean;
}) {
  const label = useLabel();
  return (
    <Stack gap={6} data-testid={`archive-form-${block.key}`}>
      <Title order={3} size="h6">
        {label(block)}
      </Title>
      <SimpleGrid cols={3} spacing="sm" verticalSpacing={6} style={{ alignItems: 'end' }}>
        {block.fields.map((f, i) => (
          <FieldInput
            key={f.key}
            field={f}
            path={`${prefix}.${f.key}`}
            form={form}
            testId={`archive-field-${prefix}-${f.key}`}
            autofocus={autofocus && i === 0}
          />
        ))}
      </SimpleGrid>
    </Stack>
  );
}

function EntriesFields({ block, form }: { block: ArchiveBlock; form: Form }) {
  const { t } = useTranslation();
  const label = useLabel();
  const key = block.key as RepeatableBlockKey;
  const entries = form.getValues()[key];
  const allPersonal = block.fields.every((f) => f.sensitive);
  return (
    <Stack gap={6} data-testid={`archive-form-${key}`}>
      <Group justify="space-between">
        <Group gap={6}>
          <Title order={3} size="h6">
            {label(block)}
          </Title>
          {allPersonal && (
            <Badge size="xs" variant="light" color="orange" tt="none">
              {t('archives.personalTag')}
            </Badge>
          )}
        </Group>
        <Button
          size="compact-sm"
          variant="light"
          disabled={entries.length >= block.maxEntries}
          title={t('archives.form.maxEntries', { count: block.maxEntries })}
          onClick={() => form.insertListItem(key, emptyEntry(key))}
          data-testid={`archive-add-${key}`}
        >
          + {key === 'keyPersons' ? t('archives.form.addKeyPerson') : t('archives.form.addCompetitor')}
        </Button>
      </Group>
      {entries.map((e, i) => (
        <Paper key={e.rowId} withBorder p="xs" bg="gray.0" data-testid={`archive-entry-${key}-${i}`}>
          <Group justify="space-between" mb={4}>
            <Text size="sm" fw={600}>
              {t('archives.entryNo', { n: i + 1 })}
            </Text>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('archives.form.removeLabel', { block: label(block), n: i + 1 })}
              title={t('archives.form.remove')}
              onClick={() => form.removeListItem(key, i)}
              data-testid={`archive-remove-${key}-${i}`}
            >
              ×
            </ActionIcon>
          </Group>
          <SimpleGrid cols={3} spacing="sm" verticalSpacing={6} style={{ alignItems: 'end' }}>
            {block.fields.map((f) => (
              <FieldInput
                key={f.key}
                field={f}
                path={`${key}.${i}.${f.key}`}
                form={form}
                testId={`archive-field-${key}-${i}-${f.key}`}
                markPersonal={f.sensitive && !allPersonal}
              />
            ))}
          </SimpleGrid>
        </Paper>
      ))}
    </Stack>
  );
}
