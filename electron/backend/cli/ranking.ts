/**
 * `kam ranking show|factors|add|register` (R21 steps 2–3): an industry's ranking worksheet through
 * the app's channels. Units by their code (`--unit 440515`); factor values by factor key or name
 * (`--values "postal=80,业务发展潜力=60"`); `--date D` stands in for today.
 */

import { AppError } from '../../../shared/api/errors';
import type { RankingView } from '../../../shared/api/types-classification';
import { echo } from '../../../shared/domain/bilingual';
import { nextFactorKey, type RankingFactor } from '../../../shared/domain/classification/ranking';
import { REGISTRATION_STATE_NAMES_ZH, type RegistrationState } from '../../../shared/domain/registration/states';
import { withExisting } from './backend';
import { type Command, opt, recordId, required } from './command';
import { unitId } from './registrations';

/** `a=1,b=2` (full-width commas and equals too) as pairs. */
function pairs(text: string): [string, string][] {
  return text
    .split(/[,，]/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => {
      const [k, v, ...rest] = p.split(/[=＝]/).map((s) => s.trim());
      if (!k || v === undefined || v === '' || rest.length > 0)
        throw new AppError('VALIDATION', {
          zh: `无法识别 ${echo(p)}：应为 名称=数值`,
          en: `Cannot read ${echo(p)}: use name=number`,
        });
      return [k, v];
    });
}

function wholeValue(raw: string, what: string): number {
  if (!/^-?\d+$/.test(raw))
    throw new AppError('VALIDATION', {
      zh: `${what} ${echo(raw)} 不是整数`,
      en: `${what} ${echo(raw)} is not a whole number`,
    });
  return Number(raw);
}

function valuesOf(text: string | null, factors: readonly RankingFactor[]): Record<string, number> {
  const values: Record<string, number> = {};
  for (const [k, v] of pairs(text ?? '')) {
    const f = factors.find((x) => x.key === k) ?? factors.find((x) => x.name === k);
    if (!f)
      throw new AppError('VALIDATION', {
        zh: `本行业没有排序因素 ${echo(k)}`,
        en: `The worksheet has no factor ${echo(k)}`,
      });
    values[f.key] = wholeValue(v, f.name);
  }
  return values;
}

function sheetText(v: RankingView): string {
  const head = `${v.industry.code} ${v.industry.name} 行业排序工作表${v.saved ? '' : '（默认因素，尚未保存）'}`;
  const factors = v.factors.map((f) => `  ${f.key} ${f.name} ${f.weight}%`);
  const rows = v.prospects.map((p) => {
    const values = v.factors.map((f) => (p.values[f.key] === undefined ? '—' : String(p.values[f.key]))).join(' / ');
    const reg = p.registration
      ? `  → 注册申报 #${p.registration.id}（${REGISTRATION_STATE_NAMES_ZH[p.registration.state as RegistrationState] ?? p.registration.state}）`
      : '';
    return `${String(p.rank).padStart(3)}. #${p.id} ${p.name}  ${p.score} 分  [${values}]${reg}`;
  });
  return [head, '因素与权重：', ...factors, ...(rows.length > 0 ? ['排序：', ...rows] : ['（还没有企业）'])].join('\n');
}

export const RANKING_COMMANDS: Command[] = [
  {
    name: 'ranking show',
    summary: '行业排序工作表：因素权重、企业得分与名次 / an industry’s ranking worksheet',
    usage: 'kam ranking show --industry CODE [--db PATH] [--json]',
    options: { industry: { type: 'string' } },
    run: async (values, db) =>
      withExisting(db, async (b) => {
        const v = await b.registry.call('ranking/get', { industryCode: required(values, 'industry') });
        return { json: v, text: sheetText(v) };
      }),
  },
  {
    name: 'ranking factors',
    summary: '设置排序因素及权重（整数，合计 100）/ set the factors and their weights (sum 100)',
    usage:
      'kam ranking factors --industry CODE --set "用邮规模（预计年用邮量）=40,企业收入规模=30,新因素=30" [--db PATH] [--json]',
    options: { industry: { type: 'string' }, set: { type: 'string' } },
    run: async (values, db) =>
      withExisting(db, async (b) => {
        const industryCode = required(values, 'industry');
        const current = await b.registry.call('ranking/get', { industryCode });
        const factors: RankingFactor[] = [];
        for (const [name, weight] of pairs(required(values, 'set'))) {
          const known = current.factors.find((f) => f.name === name || f.key === name);
          factors.push({
            key: known?.key ?? nextFactorKey([...current.factors, ...factors]),
            name: known?.name ?? name,
            weight: wholeValue(weight, '权重'),
          });
        }
        const v = await b.registry.call('ranking/set-factors', { industryCode, factors });
        return { json: v, text: sheetText(v) };
      }),
  },
  {
    name: 'ranking add',
    summary: '在行业排序表中新增企业 / add an enterprise to the worksheet',
    usage:
      'kam ranking add --industry CODE --name NAME --area CODE --unit CODE [--credit-code C] [--values "postal=80,…"] [--note T] [--db PATH] [--json]',
    options: {
      industry: { type: 'string' },
      name: { type: 'string' },
      area: { type: 'string' },
      unit: { type: 'string' },
      'credit-code': { type: 'string' },
      values: { type: 'string' },
      note: { type: 'string' },
    },
    run: async (values, db) =>
      withExisting(db, async (b) => {
        const industryCode = required(values, 'industry');
        const current = await b.registry.call('ranking/get', { industryCode });
        const r = await b.registry.call('ranking/add-prospect', {
          industryCode,
          name: required(values, 'name'),
          areaCode: required(values, 'area'),
          unitId: await unitId(b, required(values, 'unit')),
          creditCode: opt(values, 'credit-code'),
          values: valuesOf(opt(values, 'values'), current.factors),
          note: opt(values, 'note'),
        });
        return { json: r, text: `已新增企业 #${r.id}\n${sheetText(r.view)}` };
      }),
  },
  {
    name: 'ranking register',
    summary: '把排序表中的企业转为注册申报（先查重，R19a）/ register a ranked enterprise (R19)',
    usage: 'kam ranking register ID [--reason T] [--date YYYY-MM-DD] [--db PATH] [--json]',
    options: { reason: { type: 'string' }, date: { type: 'string' } },
    positionals: true,
    run: async (values, db, io) =>
      withExisting(db, async (b) => {
        const id = recordId(io.positionals, { zh: '企业', en: 'enterprise' }, 'kam ranking register 3');
        const r = await b.registry.call('ranking/register', {
          id,
          reason: opt(values, 'reason'),
          date: opt(values, 'date'),
        });
        const warn = r.registration.conflicts.map((m) => `  ${m.message}`).join('\n');
        return {
          json: r,
          text: `已转为注册申报 #${r.registration.id}（${REGISTRATION_STATE_NAMES_ZH[r.registration.state]}）${warn ? `\n${warn}` : ''}`,
        };
      }),
  },
];
