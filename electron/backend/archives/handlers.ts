/**
 * 档案 (R17–R18): a customer's archive as revisions (never rewritten: migration triggers), its due
 * date by tier, completeness and keeper; key persons masked unless explicitly viewed, which is
 * recorded (archive_views). DOMAIN-DECISIONS "Archives and managers (R17, R18, R20, R30)".
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type {
  ArchiveDiffView,
  ArchiveKeeperView,
  ArchiveRevisionSummary,
  ArchiveView,
  ArchiveViewRecord,
} from '../../../shared/api/types-archives';
import { archiveCompleteness } from '../../../shared/domain/archive/completeness';
import { applyArchiveUpdate, diffArchives, maskChanges } from '../../../shared/domain/archive/document';
import { archiveDue } from '../../../shared/domain/archive/due';
import {
  ARCHIVE_SCHEMA_VERSION,
  type ArchiveDocument,
  emptyArchive,
  MASK,
  maskArchive,
} from '../../../shared/domain/archive/fields';
import { archiveKeeper } from '../../../shared/domain/archive/keeper';
import { bi } from '../../../shared/domain/bilingual';
import { localDate } from '../../../shared/domain/dates';
import type { Policy } from '../../../shared/domain/policy/policy';
import { entity } from '../audit/entities';
import type { HandlerContext } from '../context';
import { defineHandlers } from '../registry';
import { archiveDuties } from './duties';
import { customerName, latestRevision, type Revision, type RevisionRow, revisionOf, toRevision } from './store';
import { type TierSpan, tierSpans } from './tier-spans';

function keeperOf(db: Database, customerId: string, span: TierSpan): ArchiveKeeperView {
  const role = archiveKeeper(span.tier, span.scope ?? 'comprehensive');
  let unitId: number | null;
  if (role === 'city_centre') {
    unitId =
      (db
        .prepare("SELECT id FROM units WHERE kind = 'centre' AND retired_on IS NULL ORDER BY id LIMIT 1")
        .pluck()
        .get() as number | undefined) ?? null;
  } else {
    // The county centre, the main line's bureau and the responsible unit are R15's answer for these
    // (tier, scope) pairs: the run's responsible unit, else the customer's own unit.
    unitId =
      span.responsibleUnitId ??
      (db.prepare('SELECT unit_id FROM customers WHERE id = ?').pluck().get(customerId) as number | undefined) ??
      null;
  }
  const unitName =
    unitId === null
      ? null
      : ((db.prepare('SELECT name FROM units WHERE id = ?').pluck().get(unitId) as string) ?? null);
  return { role, unitId, unitName };
}

function archiveView(
  ctx: HandlerContext,
  customerId: string,
  options: { revision?: number | null; today?: string | null; personal?: boolean },
): ArchiveView {
  const { db } = ctx;
  const name = customerName(db, customerId);
  const today = options.today ?? localDate(ctx.now());
  const latest = latestRevision(db, customerId);
  const shown: Revision | null =
    options.revision === undefined || options.revision === null ? latest : revisionOf(db, customerId, options.revision);
  const doc: ArchiveDocument = shown?.document ?? emptyArchive();
  const span = tierSpans(db, today, [customerId]).get(customerId) ?? null;
  const lastUpdatedOn =
    (db
      .prepare('SELECT max(updated_on) FROM archive_revisions WHERE customer_id = ? AND updated_on <= ?')
      .pluck()
      .get(customerId, today) as string | null) ?? null;
  const policy: Pick<Policy, 'archiveCadence'> = ctx.policies.forDate(today);
  const due = archiveDue({ tier: span?.tier ?? null, lastUpdatedOn, tierSince: span?.since ?? null }, today, policy);
  return {
    customerId,
    customerName: name,
    revision: shown?.revision ?? null,
    latestRevision: latest?.revision ?? null,
    updatedOn: shown?.updatedOn ?? null,
    recordedAt: shown?.recordedAt ?? null,
    recordedBy: shown?.recordedBy ?? null,
    verifiedOnly: shown?.verifiedOnly ?? false,
    note: shown?.note ?? null,
    document: options.personal ? doc : maskArchive(doc),
    personalShown: options.personal === true,
    asOf: today,
    due: {
      tier: span?.tier ?? null,
      scope: span?.scope ?? null,
      cadence: span === null ? null : policy.archiveCadence[span.tier],
      tierSince: span?.since ?? null,
      lastUpdatedOn,
      ...due,
    },
    completeness: archiveCompleteness(doc),
    keeper: span === null ? null : keeperOf(db, customerId, span),
  };
}

const summary = (r: Revision): ArchiveRevisionSummary => ({
  revision: r.revision,
  updatedOn: r.updatedOn,
  recordedAt: r.recordedAt,
  recordedBy: r.recordedBy,
  verifiedOnly: r.verifiedOnly,
  changed: r.changed,
  note: r.note,
});

export const archiveHandlers = defineHandlers({
  'archives/get': {
    kind: 'read',
    run: ({ customerId, revision, date }, ctx) => archiveView(ctx, customerId, { revision, today: date }),
  },
  'archives/view-personal': {
    // A read that is recorded (R17: each viewing of key persons), so it runs as a write.
    kind: 'write',
    audit: { entity: (i) => entity('archive', i.customerId) },
    run: ({ customerId, revision, purpose, date }, ctx) => {
      const view = archiveView(ctx, customerId, { revision, today: date, personal: true });
      ctx.db
        .prepare(
          'INSERT INTO archive_views (customer_id, revision, viewed_at, viewed_by, purpose) VALUES (?, ?, ?, ?, ?)',
        )
        .run(customerId, view.revision, ctx.now().toISOString(), ctx.actor, purpose);
      return view;
    },
  },
  'archives/update': {
    kind: 'write',
    audit: { entity: (i) => entity('archive', i.customerId) },
    run: (input, ctx) => {
      const { db } = ctx;
      customerName(db, input.customerId);
      const previous = latestRevision(db, input.customerId);
      const revision = (previous?.revision ?? 0) + 1;
      const update = {
        basic: input.basic,
        extended: input.extended,
        keyPersons: input.keyPersons,
        competitors: input.competitors,
      };
      const next = applyArchiveUpdate(previous?.document ?? null, update, revision);
      const changes = previous === null ? diffArchives(emptyArchive(), next) : diffArchives(previous.document, next);
      if (input.verified) {
        if (previous === null)
          throw new AppError(
            'VALIDATION',
            bi(
              '档案尚未建立，不能标记“已核实，无变化”：请先填写档案',
              'The archive does not exist yet, so it cannot be marked "verified, no change": fill it in first',
            ),
          );
        if (changes.length > 0)
          throw new AppError(
            'VALIDATION',
            bi(
              `“已核实，无变化”不能同时修改档案（有 ${changes.length} 处变化）：请取消“已核实”后保存修改`,
              `"Verified, no change" cannot carry changes (${changes.length} found): save the changes without "verified"`,
            ),
          );
      } else if (changes.length === 0) {
        throw new AppError(
          'VALIDATION',
          bi(
            '档案没有变化：如已核实无变化，请选择“已核实，无变化”',
            'Nothing changed: if you checked and nothing changed, choose "verified, no change"',
          ),
        );
      }
      const now = ctx.now();
      db.prepare(
        `INSERT INTO archive_revisions (customer_id, revision, schema_version, document, changed, verified_only,
           updated_on, recorded_at, recorded_by, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        input.customerId,
        revision,
        ARCHIVE_SCHEMA_VERSION,
        JSON.stringify(next),
        JSON.stringify(changes.map((c) => c.path)),
        input.verified ? 1 : 0,
        localDate(now),
        now.toISOString(),
        ctx.actor,
        input.note ?? null,
      );
      return archiveView(ctx, input.customerId, {});
    },
  },
  'archives/history': {
    kind: 'read',
    run: ({ customerId }, { db }) => {
      customerName(db, customerId);
      return (
        db
          .prepare('SELECT * FROM archive_revisions WHERE customer_id = ? ORDER BY revision DESC')
          .all(customerId) as RevisionRow[]
      ).map((r) => summary(toRevision(r)));
    },
  },
  'archives/diff': {
    kind: 'read',
    run: ({ customerId, from, to }, { db }): ArchiveDiffView => {
      customerName(db, customerId);
      const a = from === 0 ? emptyArchive() : revisionOf(db, customerId, from).document;
      const b = revisionOf(db, customerId, to).document;
      return { customerId, from, to, changes: maskChanges(diffArchives(a, b), MASK) };
    },
  },
  'archives/duties': {
    kind: 'read',
    run: ({ date, overdueOnly }, ctx) => {
      const today = date ?? localDate(ctx.now());
      return archiveDuties(ctx.db, ctx.policies.forDate(today), today, { overdueOnly });
    },
  },
  'archives/views': {
    kind: 'read',
    run: ({ customerId }, { db }): ArchiveViewRecord[] =>
      (
        db.prepare('SELECT * FROM archive_views WHERE customer_id = ? ORDER BY id DESC').all(customerId) as {
          id: number;
          customer_id: string;
          revision: number | null;
          viewed_at: string;
          viewed_by: string;
          purpose: string;
        }[]
      ).map((r) => ({
        id: r.id,
        customerId: r.customer_id,
        revision: r.revision,
        viewedAt: r.viewed_at,
        viewedBy: r.viewed_by,
        purpose: r.purpose,
      })),
  },
});
