/**
 * The typed client over the preload bridge `window.kam`. Every call resolves to the result type
 * of its channel or throws an `ApiCallError` carrying the backend's code, message and details
 * (e.g. validation issues per field). The backend sends its message in Chinese and, where written,
 * in English (`messageEn`); `message` is the one for the interface language, Chinese as fallback.
 */
import type { ApiInput, ApiResult, Channel, KamBridge } from '../../../shared/api/contract';
import { type ErrorCode, type FieldIssue, isApiError } from '../../../shared/api/errors';
import type { HostChannel, HostInput, HostResults } from '../../../shared/api/host';

declare global {
  interface Window {
    kam?: KamBridge;
  }
}

/** Codes from the backend, plus two raised here when the bridge itself is unusable. */
export type ClientErrorCode = ErrorCode | 'NO_BRIDGE' | 'BAD_RESPONSE';

/** The interface language, as far as messages go; set by the i18n module so this file stays plain. */
export const clientLanguage: { english: boolean } = { english: false };

export class ApiCallError extends Error {
  readonly code: ClientErrorCode;
  readonly details: Record<string, unknown> | undefined;
  readonly channel: string;
  /** The Chinese message (the backend's `message`). */
  readonly messageZh: string;
  readonly messageEn: string | undefined;

  constructor(
    channel: string,
    code: ClientErrorCode,
    message: string,
    details?: Record<string, unknown>,
    messageEn?: string,
  ) {
    super(clientLanguage.english && messageEn !== undefined ? messageEn : message);
    this.name = 'ApiCallError';
    this.channel = channel;
    this.code = code;
    this.details = details;
    this.messageZh = message;
    this.messageEn = messageEn;
  }

  /** The message in a given language (for a view that re-renders when the language changes). */
  messageIn(english: boolean): string {
    return english && this.messageEn !== undefined ? this.messageEn : this.messageZh;
  }

  /** Field-level validation issues (`details.issues`), if any, in the interface language. */
  get issues(): FieldIssue[] {
    return fieldIssues(this.details).map((i) => ({ ...i, message: issueMessage(i) }));
  }
}

/** An issue's message in the interface language: English where the backend sent one. */
export function issueMessage(issue: Pick<FieldIssue, 'message' | 'messageEn'>): string {
  return clientLanguage.english && issue.messageEn !== undefined ? issue.messageEn : issue.message;
}

export function fieldIssues(details: Record<string, unknown> | undefined): FieldIssue[] {
  const raw = details?.issues;
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (i): i is FieldIssue =>
      typeof i === 'object' &&
      i !== null &&
      typeof (i as FieldIssue).path === 'string' &&
      typeof (i as FieldIssue).message === 'string' &&
      ['string', 'undefined'].includes(typeof (i as FieldIssue).messageEn),
  );
}

/** Messages for the two client-side failures; set by the i18n module so this file stays plain. */
export const clientMessages = {
  noBridge: '未连接到后台服务（window.kam 不存在）。请通过 KAM Desk 程序打开本界面。',
  badResponse: '后台返回了无法识别的数据。',
};

function bridge(channel: string): KamBridge {
  const kam = typeof window === 'undefined' ? undefined : window.kam;
  if (!kam || typeof kam.invoke !== 'function') {
    throw new ApiCallError(channel, 'NO_BRIDGE', clientMessages.noBridge);
  }
  return kam;
}

/** Turns anything thrown into an ApiCallError, so callers handle one error type. */
export function toApiCallError(channel: string, e: unknown): ApiCallError {
  if (e instanceof ApiCallError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new ApiCallError(channel, 'INTERNAL', message);
}

async function call<C extends Channel>(channel: C, input: ApiInput<C>): Promise<ApiResult<C>> {
  let response: unknown;
  try {
    response = await bridge(channel).invoke(channel, input);
  } catch (e) {
    throw toApiCallError(channel, e);
  }
  if (typeof response !== 'object' || response === null || typeof (response as { ok?: unknown }).ok !== 'boolean') {
    throw new ApiCallError(channel, 'BAD_RESPONSE', clientMessages.badResponse);
  }
  const envelope = response as { ok: boolean; value?: unknown; error?: unknown };
  if (envelope.ok) return envelope.value as ApiResult<C>;
  const error = envelope.error;
  if (!isApiError(error)) throw new ApiCallError(channel, 'BAD_RESPONSE', clientMessages.badResponse);
  const messageEn = typeof error.messageEn === 'string' ? error.messageEn : undefined;
  throw new ApiCallError(channel, error.code, error.message, error.details, messageEn);
}

/** A native dialog of the desktop host (shared/api/host.ts), on the same bridge. */
async function host<C extends HostChannel>(channel: C, input: HostInput<C>): Promise<HostResults[C]> {
  return (await call(channel as unknown as Channel, input as never)) as unknown as HostResults[C];
}

export const api = { call, host };
