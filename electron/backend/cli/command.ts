/** What a `kam` command is (commands.ts holds the table of them) and what it prints. */
import { AppError } from '../../../shared/api/errors';

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; multiple?: boolean }>;
export type Values = Record<string, string | boolean | string[] | undefined>;

export interface CommandOutput {
  /** Printed with --json. */
  json: unknown;
  /** Printed otherwise. */
  text: string;
  /** The process's exit code when the command ran but its answer is "no" (kam audit verify: 3). */
  exitCode?: number;
}

export interface CommandIo {
  /** The whole standard input, for commands that read JSON from it. */
  stdin(): Promise<string>;
  /** Arguments after the command words, for commands that take them (files, a batch number). */
  positionals?: string[];
}

export interface Command {
  /** Words after `kam`, e.g. `customers list`. */
  name: string;
  summary: string;
  usage: string;
  options: OptionSpec;
  /** Takes free arguments (files, a number); otherwise any is an error. */
  positionals?: boolean;
  run(values: Values, db: string, io: CommandIo): Promise<CommandOutput>;
}

/** An option's text, trimmed; null when absent or blank. */
export function opt(values: Values, name: string): string | null {
  const v = values[name];
  return typeof v === 'string' && v.trim() !== '' ? v.trim() : null;
}

/** An option that must be given (a VALIDATION error naming it otherwise). */
export function required(values: Values, name: string): string {
  const v = opt(values, name);
  if (v === null) throw new AppError('VALIDATION', { zh: `缺少 --${name}`, en: `--${name} is missing` });
  return v;
}

/** The one record number a command takes as its argument (`kam complaints close 3`). */
export function recordId(positionals: string[] | undefined, what: { zh: string; en: string }, example: string): number {
  const [raw, ...extra] = positionals ?? [];
  if (!raw || !/^\d{1,9}$/.test(raw) || extra.length > 0)
    throw new AppError('VALIDATION', {
      zh: `请给出一个${what.zh}编号，如 ${example}`,
      en: `Give one ${what.en} number, e.g. ${example}`,
    });
  return Number(raw);
}

/** A whole-number option (a manager's or record's number), null when absent. */
export function wholeNumber(values: Values, name: string): number | null {
  const v = opt(values, name);
  if (v === null) return null;
  if (!/^\d{1,9}$/.test(v))
    throw new AppError('VALIDATION', { zh: `--${name} 应为整数编号`, en: `--${name} is a whole number` });
  return Number(v);
}
