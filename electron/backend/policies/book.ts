/**
 * R0: the policy versions stored in the database. Version 1 is the seed's values; a run uses the
 * version in force at the end of its window, so last year's tiers reproduce after a change.
 */
import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/api/errors';
import { POLICY_V1, type Policy } from '../../../shared/domain/policy/policy';
import { validatePolicy } from '../../../shared/domain/policy/validate';

export class PolicyBook {
  private cache: Policy[] | null = null;

  constructor(private readonly db: Database) {}

  seedIfEmpty(at: string, actor: string): void {
    const n = (this.db.prepare('SELECT count(*) AS n FROM policies').get() as { n: number }).n;
    if (n > 0) return;
    this.insert(POLICY_V1, at, actor);
  }

  insert(policy: Policy, at: string, actor: string): void {
    this.db
      .prepare(
        'INSERT INTO policies (version, label, effective_from, document, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?)',
      )
      .run(policy.version, policy.label, policy.effectiveFrom, JSON.stringify(policy), at, actor);
    this.cache = null;
  }

  /** Every version, oldest first. A stored document that no longer validates is a hard error. */
  all(): Policy[] {
    if (this.cache) return this.cache;
    const rows = this.db.prepare('SELECT version, document FROM policies ORDER BY version').all() as {
      version: number;
      document: string;
    }[];
    this.cache = rows.map((r) => {
      const check = validatePolicy(JSON.parse(r.document));
      if (!check.ok) {
        throw new AppError('INTERNAL', {
          zh: `已保存的政策版本 ${r.version} 无法通过校验：${check.issues[0]?.message ?? ''}`,
          en: `Saved policy version ${r.version} fails its check: ${check.issues[0]?.message ?? ''}`,
        });
      }
      return check.policy;
    });
    return this.cache;
  }

  get(version: number): Policy {
    const p = this.all().find((x) => x.version === version);
    if (!p)
      throw new AppError(
        'NOT_FOUND',
        { zh: `找不到政策版本 ${version}`, en: `Policy version ${version} not found` },
        { version },
      );
    return p;
  }

  /** The latest version in force on `date`; before the first effective date, the first version. */
  forDate(date: string): Policy {
    const all = this.all();
    const inForce = all.filter((p) => p.effectiveFrom <= date).sort((a, b) => b.version - a.version)[0];
    const first = all[0];
    if (!first) return POLICY_V1;
    return inForce ?? first;
  }

  latest(): Policy {
    return this.all().at(-1) ?? POLICY_V1;
  }
}
