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
  'INTERNAL',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  /** Chinese, for the officer. */
  message: string;
  details?: Record<string, unknown>;
}

export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: ApiError };

export interface FieldIssue {
  /** Dotted path of the input field, e.g. `name` or `customers.0.ref`. */
  path: string;
  message: string;
}

/** Thrown inside use cases; the registry turns it into `{ ok: false, error }`. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, message: string, details?: Record<string, unknown>) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }

  toJSON(): ApiError {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
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
