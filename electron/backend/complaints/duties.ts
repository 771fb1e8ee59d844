/**
 * 待办 for complaints (R33): every open complaint with its next deadline (complaint_due), or, once
 * it missed one before the day began, complaint_overdue dated by the first deadline missed. Judged
 * at the start of the day, so the list is the same all day (it is kept while nothing is written).
 */
import type { Database } from 'better-sqlite3';
import type { WorkItem } from '../../../shared/domain/worklist';
import { complaintViews } from './service';

export function complaintDuties(db: Database, today: string): WorkItem[] {
  return complaintViews(db, { open: true, customerId: null }, `${today}T00:00`).map((c) => {
    const missed = [
      c.breaches.log ? c.deadlines.log : null,
      c.breaches.contact ? c.deadlines.contact.slice(0, 10) : null,
      c.breaches.close ? c.deadlines.close : null,
    ].filter((d): d is string => d !== null);
    const next = c.contactedAt === null ? c.deadlines.contact.slice(0, 10) : c.deadlines.close;
    const due = c.breached ? missed.sort()[0] : next;
    return {
      kind: c.breached ? 'complaint_overdue' : 'complaint_due',
      unit: c.unit,
      customerId: c.customerId,
      ...(due ? { due } : {}),
      notes: [`投诉 #${c.id}：${c.content.length > 40 ? `${c.content.slice(0, 40)}…` : c.content}`],
    };
  });
}
