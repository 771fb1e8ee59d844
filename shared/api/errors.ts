/** Errors cross every boundary (IPC, CLI, tests) as this typed shape, never as stack traces. */
export const ERROR_CODES = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'DUPLICATE_CUSTOMER',
  'ID_EXHAUSTED',
  'UNKNOWN_CHANNEL',
  'FORBIDDEN',
  'DB_INCOMPATIBLE',
  /** Database faults (electron/backend/db/faults.ts): each says what happened and what to do; nothing was written. */
  'DB_BUSY',
  'DB_FULL',
  'DB_READONLY',
  'DB_CANNOT_OPEN',
  /** Also: the database failed its integrity check (backups/): it is open read-only, every write is refused. */
  'DB_CORRUPT',
  'DB_IO',
  /** Something the operation needs is not on this machine (a browser to print a PDF with). */
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  /** Chinese, for the officer (and the command line, which is Chinese only). */
  message: string;
  /** The same message in English, shown when the interface is in English; absent → show `message`. */
  messageEn?: string;
  details?: Record<string, unknown>;
}

/** A message written in both interface languages. */
export interface Bilingual {
  zh: string;
  en: string;
}

export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export interface FieldIssue {
  /** Dotted path of the input field, e.g. `name` or `customers.0.ref`. */
  path: string;
  message: string;
  /** English, when it differs: zod's own messages by locale, ours from `said`/`customIssue` (bilingual.ts). */
  messageEn?: string;
}

/** Thrown inside use cases; the registry turns it into `{ ok: false, error }`. */
/**
 * `message` is Chinese (what `Error.message` holds, so logs and the command line read Chinese);
 * give `{ zh, en }` so the interface can show it in English too.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  readonly messageEn: string | undefined;

  constructor(code: ErrorCode, message: string | Bilingual, details?: Record<string, unknown>) {
    super(typeof message === 'string' ? message : message.zh);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
    this.messageEn = typeof message === 'string' ? undefined : message.en;
  }

  toJSON(): ApiError {
    const json: ApiError = { code: this.code, message: this.message };
    if (this.messageEn !== undefined) json.messageEn = this.messageEn;
    if (this.details !== undefined) json.details = this.details;
    return json;
  }

  /** Back from its JSON (the writer thread's reply), keeping both languages. */
  static fromJSON(error: ApiError): AppError {
    const message = error.messageEn === undefined ? error.message : { zh: error.message, en: error.messageEn };
    return new AppError(error.code, message, error.details);
  }
}

export function isApiError(value: unknown): value is ApiError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as ApiError).code === 'string' &&
    typeof (value as ApiError).message === 'string'
  );
}
