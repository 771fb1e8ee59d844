/**
 * R21–R22: a development (开发项目) moves 初次接触 → 协谈方案 → 报价 → 达成协议/签合同 (won), or is
 * closed lost with a reason at any stage. What each tier owes in marketing logs (R22): diamond —
 * every contact in every stage, so a development cannot move on without an entry in its current
 * stage unless the officer gives a reason that is kept; gold and silver — the key contacts (no
 * gate); general — a summary entry per quarter. Pure; DOMAIN-DECISIONS "Developments and marketing
 * logs (R21–R22)".
 */
import { addDays } from '../dates';
import type { Tier } from '../tiers';

export const DEVELOPMENT_STAGES = ['contact', 'proposal', 'quotation', 'agreement'] as const;
export type DevelopmentStage = (typeof DEVELOPMENT_STAGES)[number];

export const STAGE_NAMES: Record<DevelopmentStage, { zh: string; en: string }> = {
  contact: { zh: '初次接触', en: 'Initial contact' },
  proposal: { zh: '协谈方案', en: 'Proposal' },
  quotation: { zh: '报价', en: 'Quotation' },
  agreement: { zh: '达成协议/签合同', en: 'Agreement / contract' },
};

export const LOG_METHODS = ['visit', 'phone', 'meeting', 'message'] as const;
export type LogMethod = (typeof LOG_METHODS)[number];
export const LOG_METHOD_NAMES: Record<LogMethod, { zh: string; en: string }> = {
  visit: { zh: '上门拜访', en: 'Visit' },
  phone: { zh: '电话', en: 'Phone' },
  meeting: { zh: '会议', en: 'Meeting' },
  message: { zh: '信息/函件', en: 'Message' },
};

export type DevelopmentStatus = 'open' | 'won' | 'lost';

export const stageIndex = (s: DevelopmentStage): number => DEVELOPMENT_STAGES.indexOf(s);

/** Where a development may go from `from`: the next stages (skipping is allowed), or lost. */
export type Move = { to: DevelopmentStage } | { to: 'lost' };

export type MoveCheck =
  | { ok: true; won: boolean; needsReason: false }
  /** R22 diamond: no entry in the current stage. Allowed only with a kept reason. */
  | { ok: true; won: boolean; needsReason: true }
  | { ok: false; problem: { zh: string; en: string } };

/**
 * Whether a development in `from` (still open) may move to `to`, for a customer of `tier` (the
 * tier in force; null when not a key customer, treated as general), given how many log entries
 * its current stage has. A move goes forward only: a stage is a fact that happened.
 */
export function checkMove(
  from: DevelopmentStage,
  status: DevelopmentStatus,
  to: DevelopmentStage | 'lost',
  tier: Tier | null,
  entriesInStage: number,
): MoveCheck {
  if (status !== 'open')
    return {
      ok: false,
      problem: {
        zh: status === 'won' ? '该开发项目已签约，不能再推进' : '该开发项目已关闭（未成），不能再推进',
        en: status === 'won' ? 'The development is won; it cannot move' : 'The development is closed lost',
      },
    };
  if (to !== 'lost' && stageIndex(to) <= stageIndex(from))
    return {
      ok: false,
      problem: {
        zh: `只能向后推进：当前阶段为「${STAGE_NAMES[from].zh}」`,
        en: `A development only moves forward: it is at ${STAGE_NAMES[from].en}`,
      },
    };
  const won = to === 'agreement';
  // Closing lost is not "moving on": the reason it was lost is required on its own.
  const gated = tier === 'diamond' && to !== 'lost' && entriesInStage === 0;
  return gated ? { ok: true, won, needsReason: true } : { ok: true, won, needsReason: false };
}

/** R22 diamond gate's words: the stage that has no entry. */
export function missingEntryWarning(from: DevelopmentStage): { zh: string; en: string } {
  return {
    zh: `钻石客户每个阶段的每次接触都须记营销日志：「${STAGE_NAMES[from].zh}」阶段还没有日志。请先记日志，或写明理由后推进`,
    en: `Diamond customers log every contact in every stage: ${STAGE_NAMES[from].en} has no entry. Log one first, or give a reason to move on`,
  };
}

/**
 * An open development is stuck when nothing happened on it (no entry, no stage move) for the
 * tier's number of days; due that day. Returns the due date, or null when it is not stuck on `today`.
 */
export function stuckSince(lastActivity: string, tier: Tier | null, today: string, stuckDays: Record<Tier, number>) {
  const due = addDays(lastActivity, stuckDays[tier ?? 'general']);
  return due <= today ? due : null;
}

/** The calendar quarter of a date, as "YYYY-Qn". */
export function quarterOf(date: string): string {
  return `${date.slice(0, 4)}-Q${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
}
