import { type ApiError, AppError } from '../../shared/api/errors';

/** The `AppError` a registry call fails with (as JSON); throws when it does not fail, or fails otherwise. */
export async function appError(p: Promise<unknown>): Promise<ApiError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof AppError) return e.toJSON();
    throw e;
  }
  throw new Error('expected the call to fail');
}
