/**
 * The one handler registry: channel → zod input schema → function → typed result. Each feature
 * folder declares its handlers with `defineHandlers`; `createRegistry` joins them, refusing a
 * channel declared twice or missing. The IPC binding, the browser-test bridge, the command line
 * and the tests all call `invoke` (envelope) or `call` (throws).
 */
import { z } from 'zod';
import {
  type ApiInput,
  type ApiResults,
  CHANNELS,
  type Channel,
  inputSchemas,
  isChannel,
  type ParsedInput,
} from '../../shared/api/contract';
import { type ApiResponse, AppError, type FieldIssue } from '../../shared/api/errors';
import { configureChineseValidationMessages, issuesInEnglish } from '../../shared/api/zod-locale';
import { diffRecords } from '../../shared/domain/audit/changes';
import { redactPersonal } from '../../shared/domain/audit/personal';
import type { BackupReason } from '../../shared/domain/backups/retention';
import { echo, issueEnglish } from '../../shared/domain/bilingual';
import { ignoredFields, readEntity } from './audit/entities';
import { corruptError } from './backups/service';
import type { HandlerContext } from './context';
import { type AuditEntry, writeAudit } from './db/audit';
import { knownFault } from './db/faults';

configureChineseValidationMessages();

/**
 * Reads may be asynchronous (a file parsed in a worker); writes are synchronous so that each is
 * exactly one transaction. Writes run one at a time and are audited. A `thread-write` is a write
 * whose one transaction runs on the writer thread (writer/thread.ts: an import's 100,000 rows
 * must not stop IPC); it is queued like any write, and must pass `audit` into that transaction.
 */
export type HandlerDef<C extends Channel> =
  | { kind: 'read'; run(input: ParsedInput<C>, ctx: HandlerContext): ApiResults[C] | Promise<ApiResults[C]> }
  | ({ kind: 'write'; run(input: ParsedInput<C>, ctx: HandlerContext): ApiResults[C] } & WriteGuards & Audited<C>)
  | ({
      kind: 'thread-write';
      run(input: ParsedInput<C>, ctx: HandlerContext, audit: AuditEntry): Promise<ApiResults[C]>;
    } & WriteGuards);

/**
 * DOMAIN-DECISIONS "Audit log": the record a write changes (audit/entities.ts names), from its input
 * before it runs (an edit) and from its input and result after (a creation has its id only then).
 * The registry reads that record before and after, in the write's transaction, and logs the fields
 * that changed. A write without `audit` is logged with its input only.
 */
interface Audited<C extends Channel> {
  audit?: { entity(input: ParsedInput<C>, result?: ApiResults[C]): string | null };
}

/** DOMAIN-DECISIONS "Backups": what a write needs around it. */
interface WriteGuards {
  /** An automatic copy first, outside the write's transaction (backups/service.ts `auto`). */
  backupBefore?: BackupReason;
  /** The full integrity check in the background once it committed (and the writes paused). */
  fullCheckAfter?: boolean;
  /** Runs on a database open read-only after a failed check (backups, restore); others are refused. */
  whenReadOnly?: boolean;
}

export type HandlerGroup = { readonly [C in Channel]?: HandlerDef<C> };

export function defineHandlers<G extends HandlerGroup>(group: G): G {
  return group;
}

export type NamedGroup = readonly [name: string, group: HandlerGroup];

/** The longest message or path an issue repeats: ours are far shorter, an echoed input is cut. */
const ISSUE_TEXT_MAX = 300;
const clip = (text: string): string => (text.length <= ISSUE_TEXT_MAX ? text : `${text.slice(0, ISSUE_TEXT_MAX)}…`);

/** Each issue in Chinese, with zod's own message in English beside it where it has one. */
function issuesOf(error: z.ZodError, english: readonly string[] | null = null): FieldIssue[] {
  return error.issues.map((i, n) => {
    // Cut: zod's own messages may repeat the input (an unknown key, named whole), and a path may
    // hold such a key (DOMAIN-DECISIONS "Bounded strings").
    const issue: FieldIssue = { path: clip(i.path.map(String).join('.')), message: clip(i.message) };
    // A message of ours carries its English (`said`, `customIssue`); zod's own is English by locale.
    const en = issueEnglish(i, english?.[n]);
    if (en !== undefined && en !== i.message) issue.messageEn = clip(en);
    return issue;
  });
}

function validationError(error: z.ZodError, english: readonly string[] | null = null): AppError {
  const issues = issuesOf(error, english);
  return new AppError(
    'VALIDATION',
    {
      zh: `输入有误：${issues.map((i) => i.message).join('；')}`,
      en: `Invalid input: ${issues.map((i) => i.messageEn ?? i.message).join('; ')}`,
    },
    { issues },
  );
}

function toResponseError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  if (e instanceof z.ZodError) return validationError(e);
  // A locked, full, read-only or damaged database, a month out of range: their own codes.
  const fault = knownFault(e);
  if (fault !== null) return fault;
  // Unexpected: keep the stack out of the UI, but on the console for the developer.
  console.error(e);
  const cause = (e as Error)?.message ?? String(e);
  return new AppError('INTERNAL', {
    zh: `程序内部错误，操作未执行，数据未改变。（${cause}）`,
    en: `Internal error: nothing was done and no data changed. (${cause})`,
  });
}

export class Registry {
  private readonly handlers = new Map<Channel, HandlerDef<Channel>>();
  private writes: Promise<unknown> = Promise.resolve();
  private committed: (() => void)[] | null = null;
  readonly ctx: HandlerContext;

  constructor(groups: readonly NamedGroup[], ctx: HandlerContext) {
    this.ctx = ctx;
    const owner = new Map<string, string>();
    for (const [name, group] of groups) {
      for (const [channel, def] of Object.entries(group)) {
        if (!isChannel(channel)) throw new Error(`处理器 ${name} 声明了合同中不存在的通道：${channel}`);
        const previous = owner.get(channel);
        if (previous !== undefined) {
          throw new Error(`通道 ${channel} 重复定义：${previous} 与 ${name}`);
        }
        owner.set(channel, name);
        this.handlers.set(channel, def as HandlerDef<Channel>);
      }
    }
    const missing = CHANNELS.filter((c) => !this.handlers.has(c));
    if (missing.length > 0) throw new Error(`以下通道没有处理器：${missing.join('、')}`);
  }

  /** Envelope form, for boundaries (IPC, test bridge): never throws. */
  async invoke(channel: unknown, input: unknown): Promise<ApiResponse<unknown>> {
    try {
      return { ok: true, value: await this.dispatch(channel, input) };
    } catch (e) {
      return { ok: false, error: toResponseError(e).toJSON() };
    }
  }

  /** Typed form, for the command line and tests: throws AppError. */
  async call<C extends Channel>(channel: C, input: ApiInput<C>): Promise<ApiResults[C]> {
    try {
      return (await this.dispatch(channel, input)) as ApiResults[C];
    } catch (e) {
      throw toResponseError(e);
    }
  }

  private dispatch(channel: unknown, input: unknown): Promise<unknown> {
    if (!isChannel(channel)) {
      return Promise.reject(
        new AppError('UNKNOWN_CHANNEL', {
          zh: `未知的操作：${echo(String(channel))}`,
          en: `Unknown operation: ${echo(String(channel))}`,
        }),
      );
    }
    const def = this.handlers.get(channel) as HandlerDef<Channel>;
    const parsed = inputSchemas[channel].safeParse(input ?? {});
    if (!parsed.success) {
      return Promise.reject(validationError(parsed.error, issuesInEnglish(inputSchemas[channel], input ?? {})));
    }
    const value = parsed.data as ParsedInput<Channel>;
    if (def.kind === 'read') return Promise.resolve().then(() => def.run(value, this.ctx));
    const run = this.writes.then(async () => {
      // Checked when the write's turn comes: a background check may have failed meanwhile.
      const problem = this.ctx.backups.problem;
      if (problem !== null && !def.whenReadOnly) throw corruptError(problem);
      if (def.backupBefore) await this.ctx.backups.auto(def.backupBefore);
      const result = await (def.kind === 'write'
        ? this.write(channel, def, value, input)
        : this.threadWrite(channel, def, value, input));
      if (def.fullCheckAfter) this.ctx.backups.checkSoon();
      return result;
    });
    // The chain continues whatever this write's outcome.
    this.writes = run.catch(() => undefined);
    return run;
  }

  private write(
    channel: Channel,
    def: Extract<HandlerDef<Channel>, { kind: 'write' }>,
    value: ParsedInput<Channel>,
    raw: unknown,
  ): unknown {
    const { db } = this.ctx;
    const committed: (() => void)[] = [];
    this.committed = committed;
    try {
      const result = db
        .transaction(() => {
          const named = def.audit?.entity(value) ?? null;
          const before = named === null ? null : readEntity(db, named);
          const result = def.run(value, this.ctx);
          const entity = def.audit?.entity(value, result) ?? null;
          const after = entity === null ? null : readEntity(db, entity);
          const changes =
            entity === null ? null : diffRecords(entity === named ? before : null, after, ignoredFields(entity));
          writeAudit(db, { ...this.auditEntry(channel, raw), entity, changes });
          return result;
        })
        .immediate();
      for (const fn of committed) fn();
      return result;
    } finally {
      this.committed = null;
    }
  }

  private async threadWrite(
    channel: Channel,
    def: Extract<HandlerDef<Channel>, { kind: 'thread-write' }>,
    value: ParsedInput<Channel>,
    raw: unknown,
  ): Promise<unknown> {
    const committed: (() => void)[] = [];
    this.committed = committed;
    try {
      const result = await def.run(value, this.ctx, this.auditEntry(channel, raw));
      for (const fn of committed) fn();
      return result;
    } finally {
      this.committed = null;
    }
  }

  private auditEntry(channel: Channel, raw: unknown): AuditEntry {
    return {
      at: this.ctx.now().toISOString(),
      actor: this.ctx.actor,
      channel,
      // The input as sent, but never a phone number or key person in clear (audit/personal.ts).
      input: JSON.stringify(redactPersonal(raw ?? {})),
    };
  }

  /** Runs `fn` in the writes' queue: no write runs beside it (the daily backup on start). */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.writes.then(fn);
    this.writes = run.catch(() => undefined);
    return run;
  }

  /** See HandlerContext.afterCommit. */
  afterCommit(fn: () => void): void {
    if (this.committed === null) throw new Error('afterCommit 只能在写操作中调用');
    this.committed.push(fn);
  }
}
