/** 设置 → 规则 (R0): policy versions, validation, new versions, and the what-if on stored data. */
import { AppError } from '../../../shared/api/errors';
import type { PolicyVersionInfo, TierOrNone, WhatIfChange, WhatIfResult } from '../../../shared/api/types';
import { localDate } from '../../../shared/domain/dates';
import { evaluateCustomer } from '../../../shared/domain/evaluation';
import { validatePolicy } from '../../../shared/domain/policy/validate';
import { entity } from '../audit/entities';
import type { HandlerContext } from '../context';
import { defineHandlers } from '../registry';
import { bureauRevenueFor, gatherInputs, windowOf } from '../tiering/inputs';
import { evaluateAll, policyForWindow } from '../tiering/run';
import { emptyMatrix } from '../tiering/summary';

const WHAT_IF_LIST = 200;

function infos(ctx: HandlerContext): PolicyVersionInfo[] {
  const current = ctx.policies.forDate(localDate(ctx.now())).version;
  return (
    ctx.db
      .prepare(
        'SELECT version, label, effective_from AS effectiveFrom, created_at AS createdAt, created_by AS createdBy FROM policies ORDER BY version',
      )
      .all() as Omit<PolicyVersionInfo, 'current'>[]
  ).map((p) => ({ ...p, current: p.version === current }));
}

function requireValid(document: unknown) {
  const check = validatePolicy(document);
  if (!check.ok) {
    throw new AppError(
      'VALIDATION',
      {
        zh: `政策无效：${check.issues.map((i) => i.message).join('；')}`,
        en: `Invalid policy: ${check.issues.map((i) => i.messageEn ?? i.message).join('; ')}`,
      },
      {
        issues: check.issues,
      },
    );
  }
  return check.policy;
}

export const policyHandlers = defineHandlers({
  'policies/list': { kind: 'read', run: (_input, ctx) => infos(ctx) },
  'policies/get': {
    kind: 'read',
    run: ({ version }, ctx) => {
      const document = ctx.policies.get(version);
      const info = infos(ctx).find((i) => i.version === version) as PolicyVersionInfo;
      return { info, document };
    },
  },
  'policies/validate': {
    kind: 'read',
    run: ({ document }) => {
      const check = validatePolicy(document);
      return check.ok ? { ok: true, issues: [] } : { ok: false, issues: check.issues };
    },
  },
  'policies/create': {
    kind: 'write',
    audit: { entity: (_, r) => (r ? entity('policy', r.version) : null) },
    run: ({ document }, ctx) => {
      const draft = requireValid(document);
      const latest = ctx.policies.latest();
      // Versions are allocated here: a draft copied from version N becomes N+1 whatever it says.
      const policy = { ...draft, version: latest.version + 1 };
      if (policy.effectiveFrom < latest.effectiveFrom) {
        throw new AppError(
          'VALIDATION',
          {
            zh: `新版本的生效日期 ${policy.effectiveFrom} 不能早于当前最新版本（${latest.version}）的生效日期 ${latest.effectiveFrom}`,
            en: `A new version cannot take effect (${policy.effectiveFrom}) before the latest version ${latest.version} does (${latest.effectiveFrom})`,
          },
          {
            issues: [
              {
                path: 'effectiveFrom',
                message: `不能早于 ${latest.effectiveFrom}`,
                messageEn: `Cannot be before ${latest.effectiveFrom}`,
              },
            ],
          },
        );
      }
      ctx.policies.insert(policy, ctx.now().toISOString(), ctx.actor);
      return infos(ctx).find((i) => i.version === policy.version) as PolicyVersionInfo;
    },
  },
  'policies/what-if': {
    kind: 'read',
    run: (input, ctx): WhatIfResult => {
      const draft = requireValid(input.document);
      const window = windowOf(
        input.kind === 'annual'
          ? { kind: 'annual', year: input.year as number }
          : { kind: 'monthly', period: input.period as string },
      );
      const base = policyForWindow(ctx, window);
      const bureau = bureauRevenueFor(ctx.db, window);
      const gathered = gatherInputs(ctx.db, window, bureau.amount);
      const nameStatement = ctx.db.prepare('SELECT name FROM customers WHERE id = ?');
      const nameOf = (id: string) => (nameStatement.get(id) as { name: string }).name;
      const before = evaluateAll(gathered, base);
      const after = evaluateAll(gathered, draft);
      // Explanations only for the changes listed (the text is the costly part of an evaluation).
      const explained = (e: (typeof before)[number], policy: typeof base) =>
        evaluateCustomer(e.input.evaluation, policy).explanation;
      const matrix = emptyMatrix();
      const changed: WhatIfChange[] = [];
      let changedTotal = 0;
      before.forEach((b, i) => {
        const a = after[i];
        if (!a) return;
        const from: TierOrNone = b.evaluation.tier ?? 'none';
        const to: TierOrNone = a.evaluation.tier ?? 'none';
        matrix[from][to]++;
        if (from === to) return;
        changedTotal++;
        if (changed.length < WHAT_IF_LIST) {
          changed.push({
            customerId: b.input.customerId,
            name: nameOf(b.input.customerId),
            from,
            to,
            totalBefore: b.evaluation.score.total,
            totalAfter: a.evaluation.score.total,
            explanationBefore: explained(b, base),
            explanationAfter: explained(a, draft),
          });
        }
      });
      return {
        basePolicyVersion: base.version,
        kind: window.kind,
        key: window.key,
        customers: before.length,
        matrix,
        changedTotal,
        changed,
      };
    },
  },
});
