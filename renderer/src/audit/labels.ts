/**
 * How a row of the audit log reads to an officer (DOMAIN-DECISIONS "Audit log"): a channel by its
 * Chinese (or English) name, a record (`customer:…`, `revenue:<id>:<YYYY-MM>`, `batch:3`) as words
 * with the customer it belongs to, a change as its field's name with the values before → after —
 * and a personal field only as changed (shared/domain/audit/personal.ts: the log never holds it).
 * Pure: the messages of the interface language come in, so the tests need no browser.
 */
import type { AuditChange, AuditValue } from '../../../shared/domain/audit/changes';
import { LINE_NAMES_EN, LINE_NAMES_ZH } from '../../../shared/domain/lines';
import { auditEn } from '../i18n/audit.en';
import { auditZh } from '../i18n/audit.zh-CN';
import { formatFen, formatMonth } from '../i18n/format';
import type { Language } from '../i18n/languages';

export type AuditMessages = typeof auditZh;

export interface AuditLabels {
  language: Language;
  messages: AuditMessages;
  lines: Readonly<Record<string, string>>;
}

export function auditLabels(language: Language): AuditLabels {
  return language === 'en'
    ? { language, messages: auditEn, lines: LINE_NAMES_EN }
    : { language, messages: auditZh, lines: LINE_NAMES_ZH };
}

const has = <K extends string>(record: Readonly<Record<K, string>>, key: string): key is K =>
  Object.hasOwn(record, key);

/** A channel's name; one the app does not know (a newer file's) shows as recorded. */
export function channelName(labels: AuditLabels, channel: string): string {
  const names = labels.messages.channels;
  return has(names, channel) ? names[channel] : channel;
}

export interface EntityRef {
  kind: string;
  /** The key after the kind (a customer ID, a row id, a year…). */
  key: string;
  /** A revenue record's month (YYYY-MM). */
  month: string | null;
  /** The customer the record belongs to, for a link to its page. */
  customerId: string | null;
}

const CUSTOMER_KINDS = new Set(['customer', 'qualification', 'revenue', 'archive', 'assignment', 'team']);

export function parseEntity(entity: string): EntityRef {
  const [kind = '', key = '', ...rest] = entity.split(':');
  const month = kind === 'revenue' && rest[0] !== undefined ? rest[0] : null;
  return { kind, key, month, customerId: CUSTOMER_KINDS.has(kind) && /^\d{14}$/.test(key) ? key : null };
}

/**
 * A record in words: 客户 44051500001000, 收入 44051500001000 · 2026年10月, 收入导入批次 #3; on
 * the page of the customer it belongs to (`ownCustomer`), without the ID: 客户资料, 收入 · 2026年10月.
 */
export function entityText(labels: AuditLabels, entity: string, ownCustomer: string | null = null): string {
  const ref = parseEntity(entity);
  const own = labels.messages.ownEntities;
  const names: Readonly<Record<string, string>> =
    ref.customerId !== null && ref.customerId === ownCustomer && has(own, ref.kind) ? own : labels.messages.entities;
  const name = names[ref.kind];
  if (name === undefined) return entity;
  const month = ref.month === null ? '' : formatMonth(ref.month, labels.language);
  return name.replace('{{id}}', ref.key).replace('{{month}}', month);
}

/** A changed field's name: a revenue record's fields are its lines; stored columns by name. */
export function fieldName(labels: AuditLabels, entityKind: string, field: string): string {
  const line = entityKind === 'revenue' ? labels.lines[field] : undefined;
  if (line !== undefined) return line;
  const fields = labels.messages.fields;
  return has(fields, field) ? fields[field] : field;
}

/** A value as the change shows it; a revenue line's amount is fen, shown as yuan. */
export function valueText(labels: AuditLabels, entityKind: string, value: AuditValue | undefined): string {
  const m = labels.messages;
  if (value === null || value === undefined || value === '') return m.empty;
  if (typeof value === 'boolean') return value ? m.yes : m.no;
  if (typeof value === 'number' && entityKind === 'revenue') return formatFen(value);
  return String(value);
}

export interface ChangeLine {
  field: string;
  /** The field's name. */
  name: string;
  /** "before → after", or 已更改 for a personal field. */
  text: string;
  personal: boolean;
}

export function changeLines(labels: AuditLabels, entity: string | null, changes: readonly AuditChange[]): ChangeLine[] {
  const kind = entity === null ? '' : parseEntity(entity).kind;
  return changes.map((c) => ({
    field: c.field,
    name: fieldName(labels, kind, c.field),
    text: c.personal
      ? labels.messages.personalChanged
      : `${valueText(labels, kind, c.before)} → ${valueText(labels, kind, c.after)}`,
    personal: c.personal === true,
  }));
}
