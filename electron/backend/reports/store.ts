/**
 * The monthly analysis report's revisions (migration 0010, DOMAIN-DECISIONS "Monthly analysis
 * report"): a draft holds the officer's texts and reads its figures live; finalising freezes the
 * figures and texts as a snapshot whose SHA-256 is printed on every page; a final revision never
 * changes (the database refuses it), and a correction is the next revision, copied from it.
 */
import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { ReportInfo } from '../../../shared/api/types';
import { bi } from '../../../shared/domain/bilingual';
import { REPORT_TEXT_FIELDS, type ReportTexts } from '../../../shared/domain/report/document';
import type { ReportFacts } from '../../../shared/domain/report/facts';
import { readAuditHead } from '../db/audit';

interface Row {
  id: number;
  period: string;
  unit_key: number;
  unit_id: number | null;
  unit_code: string | null;
  unit_name: string | null;
  revision: number;
  status: 'draft' | 'final';
  texts: string;
  snapshot: string | null;
  hash: string | null;
  policy_version: number | null;
  run_id: number | null;
  created_at: string;
  created_by: string;
  updated_at: string;
  finalised_at: string | null;
  finalised_by: string | null;
  audit_head_id: number | null;
  audit_head_hash: string | null;
  latest: number;
}

/** What a final revision freezes: its figures and texts, hashed as stored (the text is the record). */
export interface ReportSnapshot {
  period: string;
  unit: ReportFacts['unit'];
  revision: number;
  finalisedAt: string;
  texts: ReportTexts;
  facts: ReportFacts;
}

export const EMPTY_TEXTS: ReportTexts = Object.fromEntries(REPORT_TEXT_FIELDS.map((f) => [f, ''])) as ReportTexts;

const SELECT = `SELECT r.*, u.code AS unit_code, u.name AS unit_name,
    (SELECT max(revision) FROM analysis_reports x WHERE x.period = r.period AND x.unit_key = r.unit_key) AS latest
  FROM analysis_reports r LEFT JOIN units u ON u.id = r.unit_id`;

function toInfo(r: Row): ReportInfo {
  return {
    id: r.id,
    period: r.period,
    unit: r.unit_id === null ? null : { id: r.unit_id, code: r.unit_code ?? '', name: r.unit_name ?? '' },
    revision: r.revision,
    status: r.status,
    hash: r.hash,
    auditHead:
      r.audit_head_id === null || r.audit_head_hash === null ? null : { id: r.audit_head_id, hash: r.audit_head_hash },
    policyVersion: r.policy_version,
    runId: r.run_id,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    finalisedAt: r.finalised_at,
    finalisedBy: r.finalised_by,
    superseded: r.revision < r.latest,
  };
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

export interface StoredReport {
  info: ReportInfo;
  texts: ReportTexts;
  /** The frozen snapshot of a final revision, exactly as stored. */
  snapshot: string | null;
}

function toStored(r: Row): StoredReport {
  return {
    info: toInfo(r),
    texts: { ...EMPTY_TEXTS, ...(JSON.parse(r.texts) as Partial<ReportTexts>) },
    snapshot: r.snapshot,
  };
}

export function readReport(db: Database, id: number): StoredReport {
  const row = db.prepare(`${SELECT} WHERE r.id = ?`).get(id) as Row | undefined;
  if (!row) throw new AppError('NOT_FOUND', bi(`找不到分析报告 ${id}`, `No analysis report ${id}`), { id });
  return toStored(row);
}

export function listReports(db: Database, period: string | null, unitKey: number | null): ReportInfo[] {
  const rows = db
    .prepare(
      `${SELECT} WHERE (@period IS NULL OR r.period = @period) AND (@unitKey IS NULL OR r.unit_key = @unitKey)
       ORDER BY r.period DESC, r.unit_key, r.revision`,
    )
    .all({ period, unitKey }) as Row[];
  return rows.map(toInfo);
}

/** The latest revision of a month and scope, or null. */
export function latestReport(db: Database, period: string, unitKey: number): StoredReport | null {
  const row = db
    .prepare(`${SELECT} WHERE r.period = ? AND r.unit_key = ? ORDER BY r.revision DESC LIMIT 1`)
    .get(period, unitKey) as Row | undefined;
  return row ? toStored(row) : null;
}

export function createDraft(
  db: Database,
  period: string,
  unitId: number | null,
  revision: number,
  texts: ReportTexts,
  at: string,
  actor: string,
): number {
  return Number(
    db
      .prepare(
        `INSERT INTO analysis_reports (period, unit_key, unit_id, revision, status, texts, created_at, created_by, updated_at)
         VALUES (?, ?, ?, ?, 'draft', ?, ?, ?, ?)`,
      )
      .run(period, unitId ?? 0, unitId, revision, JSON.stringify(texts), at, actor, at).lastInsertRowid,
  );
}

function refuseFinal(report: StoredReport): void {
  if (report.info.status === 'final') {
    throw new AppError(
      'CONFLICT',
      bi(
        `该报告（第 ${report.info.revision} 版）已定稿，不能修改；如需更正，请“修订”生成第 ${report.info.revision + 1} 版`,
        `This report (revision ${report.info.revision}) is final and cannot change; to correct it, make revision ${report.info.revision + 1}`,
      ),
      { id: report.info.id, status: 'final' },
    );
  }
}

export function saveTexts(db: Database, id: number, texts: Partial<ReportTexts>, at: string): StoredReport {
  const report = readReport(db, id);
  refuseFinal(report);
  const merged = { ...report.texts, ...texts };
  db.prepare('UPDATE analysis_reports SET texts = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(merged), at, id);
  return readReport(db, id);
}

export function finalise(db: Database, id: number, facts: ReportFacts, at: string, actor: string): StoredReport {
  const report = readReport(db, id);
  refuseFinal(report);
  if (report.info.superseded) {
    throw new AppError(
      'CONFLICT',
      bi('该草稿已有更新的版本，不能定稿', 'A later revision of this report exists: this draft cannot be finalised'),
      { id },
    );
  }
  const snapshot: ReportSnapshot = {
    period: report.info.period,
    unit: facts.unit,
    revision: report.info.revision,
    finalisedAt: at,
    texts: report.texts,
    facts,
  };
  const text = JSON.stringify(snapshot);
  // The audit chain's head before this finalising's own row (DOMAIN-DECISIONS "Audit log").
  const head = readAuditHead(db);
  db.prepare(
    `UPDATE analysis_reports SET status = 'final', snapshot = ?, hash = ?, policy_version = ?, run_id = ?,
       finalised_at = ?, finalised_by = ?, updated_at = ?, audit_head_id = ?, audit_head_hash = ? WHERE id = ?`,
  ).run(text, sha256(text), facts.policyVersion, facts.tierBasis?.runId ?? null, at, actor, at, head.id, head.hash, id);
  return readReport(db, id);
}

export function revise(db: Database, id: number, at: string, actor: string): StoredReport {
  const report = readReport(db, id);
  if (report.info.status !== 'final') {
    throw new AppError(
      'CONFLICT',
      bi('草稿可以直接修改，无需修订', 'A draft can be edited as it is: no revision is needed'),
      {
        id,
      },
    );
  }
  if (report.info.superseded) {
    throw new AppError(
      'CONFLICT',
      bi('该报告已有更新的版本，请在最新版本上修订', 'A later revision exists: revise the latest one'),
      { id },
    );
  }
  const newId = createDraft(
    db,
    report.info.period,
    report.info.unit?.id ?? null,
    report.info.revision + 1,
    report.texts,
    at,
    actor,
  );
  return readReport(db, newId);
}
