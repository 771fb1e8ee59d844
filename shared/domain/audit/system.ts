/**
 * The audit rows no officer writes (DOMAIN-DECISIONS "Audit log"): the app's own repair on open
 * and `kam demo`. Here, not in the backend, because 设置 → 审计 names them too (the 系统 actor in
 * its filter, a label for each channel).
 */

/** Who acts when the app itself writes (a repair on open), not an officer. */
export const SYSTEM_ACTOR = 'KAM Desk（系统）';
/** The channel of the row that records triggers put back on open. */
export const TRIGGERS_REPAIRED = 'system/triggers-repaired';
/** The channel of `kam demo`'s row: not a registry channel. */
export const DEMO_CHANNEL = 'demo';
