/**
 * The centre's inbox (DOMAIN-DECISIONS "Template intake"): the 新客户申报 and 营销申报 rows units
 * sent in their monthly templates, received with each import batch (inbox-store.ts). The centre
 * files a row — it becomes a registration (R19, the review chain and duplicate check as if typed,
 * its source naming the batch) or a marketing application — or declines it with a reason the
 * unit's receipt tells. Filing several is one transaction: one that cannot be filed stops them
 * all, naming its sheet and row.
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type {
  ApplicationSubmissionFields,
  RegistrationSubmissionFields,
  SubmissionState,
  SubmissionsFiled,
  SubmissionView,
} from '../../../shared/api/registration-types';
import { registrationsAdd } from '../../../shared/api/schemas';
import { bi, issueEnglish } from '../../../shared/domain/bilingual';
import type { HandlerContext } from '../context';
import { addApplication } from './applications';
import { addRegistration, dupcheck } from './service';

type Ctx = Parameters<typeof addRegistration>[0];

interface SubmissionDbRow {
  id: number;
  kind: 'registration' | 'application';
  state: SubmissionState;
  unit_id: number;
  unit_code: string;
  unit_name: string;
  batch_id: number;
  file_name: string;
  period: string | null;
  sheet: string;
  row_no: number;
  fields: string;
  received_at: string;
  registration_id: number | null;
  application_id: number | null;
  reason: string | null;
  decided_by: string | null;
  decided_at: string | null;
}

const SELECT = `SELECT s.*, u.code AS unit_code, u.name AS unit_name, b.file_name, b.period
  FROM template_submissions s JOIN units u ON u.id = s.unit_id JOIN import_batches b ON b.id = s.batch_id`;

function toView(ctx: Pick<HandlerContext, 'db' | 'identityIndex'>, r: SubmissionDbRow): SubmissionView {
  const fields = JSON.parse(r.fields) as RegistrationSubmissionFields | ApplicationSubmissionFields;
  const registration = r.kind === 'registration' ? (fields as RegistrationSubmissionFields) : null;
  return {
    id: r.id,
    kind: r.kind,
    state: r.state,
    unit: r.unit_code,
    unitName: r.unit_name,
    batchId: r.batch_id,
    fileName: r.file_name,
    period: r.period,
    sheet: r.sheet,
    row: r.row_no,
    receivedAt: r.received_at,
    registration,
    application: r.kind === 'application' ? (fields as ApplicationSubmissionFields) : null,
    // R19a: shown before filing, so the centre sees a duplicate before it becomes a registration.
    matches: registration && r.state === 'pending' ? dupcheck(ctx, registration) : [],
    registrationId: r.registration_id,
    applicationId: r.application_id,
    reason: r.reason,
    decidedBy: r.decided_by,
    decidedAt: r.decided_at,
  };
}

export function listSubmissions(
  ctx: Pick<HandlerContext, 'db' | 'identityIndex'>,
  filter: {
    state: SubmissionState | null;
    kind: 'registration' | 'application' | null;
    unitId: number | null;
    batchId: number | null;
  },
): SubmissionView[] {
  const rows = ctx.db
    .prepare(
      `${SELECT} WHERE (@state IS NULL OR s.state = @state) AND (@kind IS NULL OR s.kind = @kind)
         AND (@unitId IS NULL OR s.unit_id = @unitId) AND (@batchId IS NULL OR s.batch_id = @batchId)
       ORDER BY s.state <> 'pending', s.id DESC LIMIT 500`,
    )
    .all(filter) as SubmissionDbRow[];
  return rows.map((r) => toView(ctx, r));
}

function pendingRows(db: Database, ids: readonly number[]): SubmissionDbRow[] {
  const rows: SubmissionDbRow[] = [];
  const one = db.prepare(`${SELECT} WHERE s.id = ?`);
  for (const id of new Set(ids)) {
    const r = one.get(id) as SubmissionDbRow | undefined;
    if (!r) throw new AppError('NOT_FOUND', bi(`找不到收件 #${id}`, `No submission #${id}`));
    if (r.state !== 'pending') {
      const was = { filed: '已受理', declined: '已不予受理', withdrawn: '已随导入批次撤回', pending: '' }[r.state];
      throw new AppError(
        'CONFLICT',
        bi(
          `${r.unit_name}${r.sheet}第 ${r.row_no} 行${was}，不能再处理`,
          `${r.unit_name}'s ${r.sheet} row ${r.row_no} is already ${r.state}`,
        ),
        { id, state: r.state },
      );
    }
    rows.push(r);
  }
  return rows;
}

/** Names the row a refusal came from, keeping the refusal's code and details. */
function fromRow(r: SubmissionDbRow, e: unknown): never {
  if (!(e instanceof AppError)) throw e;
  const zh = `${r.unit_name}${r.sheet}第 ${r.row_no} 行：${e.message}；未受理任何申报`;
  const en = `${r.unit_name} ${r.sheet} row ${r.row_no}: ${e.messageEn ?? e.message}; nothing was filed`;
  throw new AppError(e.code, bi(zh, en), { ...e.details, submissionId: r.id });
}

/** Files each pending row as a registration or application (R19), all or none. */
export function fileSubmissions(ctx: Ctx, input: { ids: readonly number[]; date: string | null }): SubmissionsFiled {
  const { db } = ctx;
  const at = ctx.now().toISOString();
  const mark = db.prepare(
    `UPDATE template_submissions SET state = 'filed', registration_id = ?, application_id = ?, decided_by = ?, decided_at = ?
     WHERE id = ? AND state = 'pending'`,
  );
  const filed: SubmissionsFiled['filed'] = [];
  for (const r of pendingRows(db, input.ids)) {
    try {
      if (r.kind === 'registration') {
        const f = JSON.parse(r.fields) as RegistrationSubmissionFields;
        // The same checks as a registration typed by the officer (lengths, phone, lines).
        const parsed = registrationsAdd.safeParse({
          unitId: r.unit_id,
          name: f.name,
          areaCode: f.areaCode,
          creditCode: f.creditCode,
          phone: f.phone,
          address: f.address,
          industry: f.industry,
          lines: f.lines,
          evidence:
            [f.evidence, f.agreementSigned === true ? '单位申报：已签协议' : null].filter(Boolean).join('；') || null,
          revenueFen: f.revenueFen ?? undefined,
          contact: f.contact,
          reason: f.reason,
          date: input.date,
        });
        if (!parsed.success) {
          const issue = parsed.error.issues[0];
          const zh = issue?.message ?? '内容有误';
          throw new AppError('VALIDATION', bi(zh, (issue && issueEnglish(issue)) ?? zh), {
            path: issue?.path.join('.'),
          });
        }
        const added = addRegistration(ctx, parsed.data, { source: 'template', sourceRef: `batch:${r.batch_id}` });
        mark.run(added.id, null, ctx.actor, at, r.id);
        filed.push({ id: r.id, registrationId: added.id, applicationId: null, state: added.state });
      } else {
        const f = JSON.parse(r.fields) as ApplicationSubmissionFields;
        const app = addApplication(ctx, {
          customerId: f.customerId,
          unitId: r.unit_id,
          plan: f.plan,
          startsOn: f.startsOn,
          untilOn: f.untilOn,
          expectedRevenueFen: f.expectedRevenueFen,
          date: input.date,
        });
        mark.run(null, app.id, ctx.actor, at, r.id);
        filed.push({ id: r.id, registrationId: null, applicationId: app.id, state: app.state });
      }
    } catch (e) {
      fromRow(r, e);
    }
  }
  return { filed };
}

/** Declines pending rows with the reason the unit's receipt tells. */
export function declineSubmissions(ctx: Ctx, input: { ids: readonly number[]; reason: string }): SubmissionView[] {
  const { db } = ctx;
  const rows = pendingRows(db, input.ids);
  const at = ctx.now().toISOString();
  const decline = db.prepare(
    "UPDATE template_submissions SET state = 'declined', reason = ?, decided_by = ?, decided_at = ? WHERE id = ?",
  );
  for (const r of rows) decline.run(input.reason, ctx.actor, at, r.id);
  const one = db.prepare(`${SELECT} WHERE s.id = ?`);
  return rows.map((r) => toView(ctx, one.get(r.id) as SubmissionDbRow));
}
