/**
 * 转办 (R33): the first receiver passes a complaint to another unit to handle (the line's bureau,
 * the customer's unit) and still owns it to the end — its clock, breaches and closing stay with
 * the receiver; the unit routed to is shown beside it. Null takes the routing back. Closed
 * complaints are not routed. DOMAIN-DECISIONS "Complaints (R33)".
 */
import { AppError } from '../../../shared/api/errors';
import type { ComplaintView } from '../../../shared/api/types-complaints';
import { bi } from '../../../shared/domain/bilingual';
import type { HandlerContext } from '../context';
import { getActiveUnitRow } from '../organisation/rows';
import { getComplaint, localMinute, row } from './service';

export function routeComplaint(
  ctx: Pick<HandlerContext, 'db' | 'now'>,
  input: { id: number; unitId: number | null },
): ComplaintView {
  const { db } = ctx;
  const r = row(db, input.id);
  if (r.status === 'closed')
    throw new AppError('CONFLICT', bi(`投诉 #${r.id} 已结案，不能转办`, `Complaint #${r.id} is closed`));
  if (input.unitId !== null) {
    getActiveUnitRow(db, input.unitId);
    if (input.unitId === r.receiving_unit_id)
      throw new AppError(
        'VALIDATION',
        bi('不能转办给受理单位本身：首问单位负责到底', 'It cannot be routed to the receiving unit itself'),
        { issues: [{ path: 'unitId', message: '请选择其他单位', messageEn: 'Choose another unit' }] },
      );
  }
  db.prepare('UPDATE complaints SET routed_to_unit_id = ?, updated_at = ? WHERE id = ?').run(
    input.unitId,
    ctx.now().toISOString(),
    r.id,
  );
  return getComplaint(db, r.id, localMinute(ctx.now()));
}
