/**
 * A form on @mantine/form validated by the channel's zod schema from shared/api/schemas.ts, so
 * the form and the backend check one rule written once. The form holds what the widgets hold
 * (strings for selects, null for an empty date); `toInput` turns it into the channel's input,
 * which the schema checks on submit: every error shows at once, on its field. A refusal from the
 * backend lands the same way (validation issues on their fields, anything else above the form).
 */
import { type UseFormReturnType, useForm } from '@mantine/form';
import { useCallback, useState } from 'react';
import type { z } from 'zod';
import type { FieldIssue } from '../../../shared/api/errors';
import { configureChineseValidationMessages, ENGLISH_ISSUES } from '../../../shared/api/zod-locale';
import { issueEnglish } from '../../../shared/domain/bilingual';
import { type ApiCallError, clientLanguage, issueMessage, toApiCallError } from '../api/client';

// The form checks with the backend's schemas, so with the backend's messages: zod's own (for a
// field whose schema carries no message of ours) in Chinese too, not zod's English default.
configureChineseValidationMessages();

type Values = Record<string, unknown>;

/** The form path an issue belongs to: its own path, or the nearest parent the form holds. */
export function fieldForIssue(path: string, values: Values): string | null {
  const parts = path.split('.').filter((p) => p !== '');
  for (let n = parts.length; n > 0; n--) {
    let node: unknown = values;
    let found = true;
    for (const part of parts.slice(0, n)) {
      if (node !== null && typeof node === 'object' && Object.hasOwn(node, part)) {
        node = (node as Record<string, unknown>)[part];
      } else {
        found = false;
        break;
      }
    }
    if (found) return parts.slice(0, n).join('.');
  }
  return null;
}

/** First message per field; issues no field holds are returned apart (shown above the form). */
export function errorsByField(
  issues: readonly FieldIssue[],
  values: Values,
  fieldOf: (inputPath: string) => string = (p) => p,
): { byField: Record<string, string>; other: string[] } {
  const byField: Record<string, string> = {};
  const other: string[] = [];
  for (const issue of issues) {
    const field = fieldForIssue(fieldOf(issue.path), values);
    const message = issueMessage(issue);
    if (field === null) other.push(message);
    else byField[field] ??= message;
  }
  return { byField, other };
}

export interface SchemaFormOptions<V extends Values, I> {
  initialValues: V;
  schema: z.ZodType<unknown, I>;
  toInput: (values: V) => I;
  /** Where an input path shows in the form, when the names differ (default: the same path). */
  fieldOf?: (inputPath: string) => string;
}

export interface SchemaForm<V extends Values, I> {
  form: UseFormReturnType<V>;
  submitting: boolean;
  /** An error that belongs to no field (shown above the buttons). */
  error: ApiCallError | null;
  /** Whether anything was typed since the form opened (a dialog asks before it discards it). */
  isDirty: () => boolean;
  /** Validates everything, then runs the write with the channel's input; resolves to its result. */
  submit: <R>(write: (input: I) => Promise<R>) => Promise<R | undefined>;
  setError: (error: ApiCallError | null) => void;
}

export function useSchemaForm<V extends Values, I>({
  initialValues,
  schema,
  toInput,
  fieldOf,
}: SchemaFormOptions<V, I>): SchemaForm<V, I> {
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<ApiCallError | null>(null);
  const form = useForm<V>({
    initialValues,
    // A refusal is about the values that were sent: once the officer edits, it no longer applies
    // (a same-name warning and its 仍然登记 must not outlive the name it was about).
    onValuesChange: () => setError(null),
    validate: (values) => {
      // Messages follow the interface language: zod's own by locale, ours by `said`/`customIssue`.
      const english = clientLanguage.english;
      const parsed = schema.safeParse(toInput(values), english ? ENGLISH_ISSUES : undefined);
      if (parsed.success) return {};
      const issues = parsed.error.issues.map((i) => ({
        path: i.path.map(String).join('.'),
        message: english ? (issueEnglish(i) ?? i.message) : i.message,
      }));
      // An issue no field holds is left to the backend, which refuses with it above the form.
      return errorsByField(issues, values, fieldOf).byField;
    },
  });

  const submit = useCallback(
    async <R>(write: (input: I) => Promise<R>): Promise<R | undefined> => {
      setError(null);
      const result = form.validate();
      if (result.hasErrors) return undefined;
      setSubmitting(true);
      try {
        return await write(toInput(form.getValues()));
      } catch (e) {
        const failure = toApiCallError('', e);
        const values = form.getValues();
        const { byField, other } = errorsByField(failure.issues, values, fieldOf);
        const field = failure.details?.field;
        if (typeof field === 'string' && fieldForIssue(field, values) !== null && byField[field] === undefined) {
          byField[field] = failure.message;
          form.setErrors(byField);
          return undefined;
        }
        form.setErrors(byField);
        const allOnFields = failure.code === 'VALIDATION' && other.length === 0 && Object.keys(byField).length > 0;
        setError(allOnFields ? null : failure);
        return undefined;
      } finally {
        setSubmitting(false);
      }
    },
    [form, toInput, fieldOf],
  );

  return { form, submitting, error, isDirty: form.isDirty, submit, setError };
}
