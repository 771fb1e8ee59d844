/**
 * 营销日志 (R22, 附件5): each contact with a customer — date, stage, method, content, both sides'
 * participants, needs, cooperation, satisfaction. An entry on a development takes its current stage
 * unless an earlier one is named (a contact recorded late); a general customer's quarterly summary
 * (R22) belongs to no development. DOMAIN-DECISIONS "Developments and marketing logs (R21–R22)".
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import type { MarketingLogView } from '../../../shared/api/types-marketing';
import { bi } from '../../../shared/domain/bilingual';
import {
  type DevelopmentStage,
  type LogMethod,
  STAGE_NAMES,
  stageIndex,
} from '../../../shared/domain/marketing/development';
import type { HandlerContext } from '../context';
import { getCustomerRow } from '../customers/rows';

type Ctx = Pick<HandlerContext, 'db' | 'now' | 'actor'>;

interface LogRow {
  id: number;
  customer_id: string;
  customer_name: string;
  development_id: number | null;
  log_on: string;
  stage: DevelopmentStage | null;
  method: LogMethod;
  content: string;
  our_participants: string | null;
  their_participants: string | null;
  needs: string | null;
  cooperation: string | null;
  satisfaction: number | null;
  summary: number;
  unit_code: string;
  unit_name: string;
  manager_id: number | null;
  manager_name: string | null;
  import_batch_id: number | null;
  recorded_by: string;
}

const SELECT = `SELECT l.*, c.name AS customer_name, u.code AS unit_code, u.name AS unit_name, m.name AS manager_name
  FROM marketing_logs l JOIN customers c ON c.id = l.customer_id JOIN units u ON u.id = l.unit_id
  LEFT JOIN managers m ON m.id = l.manager_id`;

const toView = (r: LogRow): MarketingLogView => ({
  id: r.id,
  customerId: r.customer_id,
  customerName: r.customer_name,
  developmentId: r.development_id,
  date: r.log_on,
  stage: r.stage,
  method: r.method,
  content: r.content,
  ourParticipants: r.our_participants,
  theirParticipants: r.their_participants,
  needs: r.needs,
  cooperation: r.cooperation,
  satisfaction: r.satisfaction,
  summary: r.summary === 1,
  unit: r.unit_code,
  unitName: r.unit_name,
  managerId: r.manager_id,
  managerName: r.manager_name,
  importBatchId: r.import_batch_id,
  recordedBy: r.recorded_by,
});

export interface LogInput {
  customerId: string;
  developmentId: number | null;
  date: string;
  stage: DevelopmentStage | null;
  method: LogMethod;
  content: string;
  ourParticipants?: string | null | undefined;
  theirParticipants?: string | null | undefined;
  needs?: string | null | undefined;
  cooperation?: string | null | undefined;
  satisfaction: number | null;
  summary: boolean;
  unitCode: string | null;
  managerId: number | null;
}

const issue = (path: string, zh: string, en: string) =>
  new AppError('VALIDATION', bi(zh, en), { issues: [{ path, message: zh, messageEn: en }] });

/** The checks an entry passes before it is written (the form, the CLI and a unit's sheet alike). */
export function checkLog(db: Database, input: LogInput): { unitId: number; stage: DevelopmentStage | null } {
  const customer = getCustomerRow(db, input.customerId);
  let unitId = customer.unit_id;
  if (input.unitCode !== null) {
    const unit = db.prepare('SELECT id FROM units WHERE code = ?').pluck().get(input.unitCode) as number | undefined;
    if (unit === undefined) throw issue('unitCode', `找不到单位 ${input.unitCode}`, `No unit ${input.unitCode}`);
    unitId = unit;
  }
  if (input.managerId !== null && !db.prepare('SELECT 1 FROM managers WHERE id = ?').get(input.managerId))
    throw issue('managerId', `找不到客户经理 #${input.managerId}`, `No manager #${input.managerId}`);
  if (input.developmentId === null) return { unitId, stage: input.stage };
  const dev = db
    .prepare('SELECT customer_id, stage, status, opened_on FROM developments WHERE id = ?')
    .get(input.developmentId) as
    | { customer_id: string; stage: DevelopmentStage; status: string; opened_on: string }
    | undefined;
  if (!dev)
    throw issue('developmentId', `找不到开发项目 #${input.developmentId}`, `No development #${input.developmentId}`);
  if (dev.customer_id !== input.customerId)
    throw issue('developmentId', '该开发项目不是这个客户的', 'The development is another customer’s');
  if (input.date < dev.opened_on)
    throw issue(
      'date',
      `日期不能早于项目开始日 ${dev.opened_on}`,
      `Not before the development opened (${dev.opened_on})`,
    );
  const stage = input.stage ?? dev.stage;
  if (stageIndex(stage) > stageIndex(dev.stage))
    throw issue(
      'stage',
      `项目目前在「${STAGE_NAMES[dev.stage].zh}」阶段，日志不能记在之后的「${STAGE_NAMES[stage].zh}」`,
      `The development is at ${STAGE_NAMES[dev.stage].en}; an entry cannot be at a later stage`,
    );
  return { unitId, stage };
}

/** Writes a checked entry; `batchId` when it came in a unit's template. */
export function insertLog(
  ctx: Ctx,
  input: LogInput,
  checked: { unitId: number; stage: DevelopmentStage | null },
  batchId: number | null = null,
): number {
  return Number(
    ctx.db
      .prepare(
        `INSERT INTO marketing_logs (customer_id, development_id, log_on, stage, method, content, our_participants,
           their_participants, needs, cooperation, satisfaction, summary, unit_id, manager_id, import_batch_id,
           recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.customerId,
        input.developmentId,
        input.date,
        checked.stage,
        input.method,
        input.content,
        input.ourParticipants ?? null,
        input.theirParticipants ?? null,
        input.needs ?? null,
        input.cooperation ?? null,
        input.satisfaction,
        input.summary ? 1 : 0,
        checked.unitId,
        input.managerId,
        batchId,
        ctx.now().toISOString(),
        ctx.actor,
      ).lastInsertRowid,
  );
}

export function getLog(db: Database, id: number): MarketingLogView {
  return toView(db.prepare(`${SELECT} WHERE l.id = ?`).get(id) as LogRow);
}

export function addLog(ctx: Ctx, input: LogInput, today: string): MarketingLogView {
  if (input.date > today) throw issue('date', '日志日期不能晚于今天', 'A log entry cannot be dated after today');
  const checked = checkLog(ctx.db, input);
  return getLog(ctx.db, insertLog(ctx, input, checked));
}

export function listLogs(
  db: Database,
  filter: {
    customerId: string | null;
    developmentId: number | null;
    unitCode: string | null;
    from: string | null;
    to: string | null;
  },
): MarketingLogView[] {
  return (
    db
      .prepare(
        `${SELECT} WHERE (@customerId IS NULL OR l.customer_id = @customerId)
           AND (@developmentId IS NULL OR l.development_id = @developmentId)
           AND (@unitCode IS NULL OR u.code = @unitCode)
           AND (@from IS NULL OR l.log_on >= @from) AND (@to IS NULL OR l.log_on <= @to)
         ORDER BY l.log_on DESC, l.id DESC LIMIT 2000`,
      )
      .all(filter) as LogRow[]
  ).map(toView);
}
