import { z } from 'zod';

/** Zod's own messages in Chinese, for fields whose schema carries no message of ours. */
export function configureChineseValidationMessages(): void {
  z.config(z.locales.zhCN());
}

const english = z.locales.en().localeError;

/**
 * Parse options that give zod's own messages in English. A per-parse error map outranks the
 * configured (Chinese) locale but not a schema's own message, so our messages stay as written.
 */
export const ENGLISH_ISSUES: z.core.ParseContext<z.core.$ZodIssue> = { error: english };

/** Zod's own message for an issue in English (the registry sends it beside the Chinese). */
export function issuesInEnglish(schema: z.ZodType, input: unknown): string[] | null {
  const parsed = schema.safeParse(input, ENGLISH_ISSUES);
  return parsed.success ? null : parsed.error.issues.map((i) => i.message);
}
