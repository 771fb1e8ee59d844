/**
 * DOMAIN-DECISIONS "Bounded inputs", README "可靠性 / Reliability": seeded hostile inputs into every
 * channel of the contract (so a new channel is fuzzed without anyone adding it here). Each input is
 * either random JSON (wrong types, NUL, huge and odd strings, `__proto__` keys, deep nesting) or
 * the channel's own field names with such values, which reaches past the first check. Every
 * answer must be a typed envelope (never INTERNAL, never a long echo of the input), and a channel
 * that refused every input must have changed nothing in the database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Backend, openBackend } from '../../../electron/backend';
import { CHANNELS, inputSchemas } from '../../../shared/api/contract';
import { ERROR_CODES } from '../../../shared/api/errors';
import { dumpTables } from '../../support/db-dump';

const PER_CHANNEL = 150;
const SEED = 20261206;
const NOW = new Date('2026-11-10T02:00:00Z');

/** mulberry32: small, seeded, the same sequence on every machine. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// No string ends in a file type the app writes: a fuzzed export must not land a file anywhere.
const STRINGS = [
  '',
  ' ',
  'x',
  '\u0000',
  'a\u0000b',
  '2026-13',
  '0000-00',
  '99999-01',
  '1900-01',
  '-1',
  '1e308',
  'NaN',
  '¥1,234.5万',
  '=HYPERLINK("http://evil","x")',
  '@SUM(1)',
  '../../etc/passwd',
  '/dev/zero',
  '.',
  'C:\\CON',
  '44051500001000',
  '440515',
  '汕头市宏达电子有限公司',
  '😀'.repeat(50),
  'a'.repeat(70_000),
  '9'.repeat(400),
];
const NUMBERS = [0, -1, 1, 0.5, 2 ** 53, -(2 ** 63), 1e308, Number.NaN, Number.POSITIVE_INFINITY, 9999, 10000, 1900];
const KEYS = ['__proto__', 'constructor', 'prototype', 'toString', 'id', 'path', 'period', '', '\u0000'];

function value(next: () => number, depth: number): unknown {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(next() * xs.length)] as T;
  const r = next();
  if (r < 0.08) return null;
  if (r < 0.12) return undefined;
  if (r < 0.18) return next() < 0.5;
  if (r < 0.4) return pick(NUMBERS);
  if (r < 0.72 || depth >= 4) return pick(STRINGS);
  if (r < 0.86) return Array.from({ length: Math.floor(next() * 4) }, () => value(next, depth + 1));
  const o: Record<string, unknown> = {};
  for (let i = Math.floor(next() * 4); i > 0; i--) {
    Object.defineProperty(o, pick(KEYS), { value: value(next, depth + 1), enumerable: true, configurable: true });
  }
  return o;
}

/** The channel's own field names (a top-level object schema's), for inputs that pass the shape. */
function fieldsOf(schema: unknown): string[] {
  const def = (schema as { _zod: { def: { type: string; shape?: Record<string, unknown> } } })._zod.def;
  return def.type === 'object' && def.shape ? Object.keys(def.shape) : [];
}

function inputFor(channel: (typeof CHANNELS)[number], next: () => number): unknown {
  const fields = fieldsOf(inputSchemas[channel]);
  if (fields.length === 0 || next() < 0.3) return value(next, 0);
  const input: Record<string, unknown> = {};
  for (const f of fields) if (next() < 0.7) input[f] = value(next, 1);
  return input;
}

let dir: string;
let cwd: string;
let b: Backend;

beforeAll(async () => {
  // A relative path a fuzzed call might accept resolves here, not in the repository.
  dir = mkdtempSync(join(tmpdir(), 'kam-fuzz-'));
  cwd = process.cwd();
  process.chdir(dir);
  b = openBackend({ databasePath: join(dir, 'kam.sqlite'), now: () => NOW });
  const unitId = (await b.registry.call('units/list', {})).find((u) => u.code === '440515')?.id ?? 1;
  const c = await b.registry.call('customers/create', { name: '汕头市宏达电子有限公司', areaCode: '440515', unitId });
  await b.registry.call('revenue/set', { customerId: c.id, period: '2026-10', line: 'letters', amount: '1234.5' });
});

afterAll(async () => {
  await b?.close();
  process.chdir(cwd);
  rmSync(dir, { recursive: true, force: true });
});

describe('the registry under seeded hostile input', () => {
  it(`answers ${PER_CHANNEL} inputs to each channel with a typed envelope; a channel that refused them all changed nothing`, async () => {
    const next = random(SEED);
    const codes = new Set<string>(ERROR_CODES);
    let calls = 0;
    let refused = 0;
    const internal: string[] = [];
    for (const channel of CHANNELS) {
      const before = dumpTables(b.db);
      let accepted = 0;
      for (let i = 0; i < PER_CHANNEL; i++) {
        const input = inputFor(channel, next);
        const answer = await b.registry.invoke(channel, input);
        calls++;
        const text = JSON.stringify(answer) ?? '';
        if (answer.ok) {
          accepted++;
          if (process.env.FUZZ_DEBUG) console.log(channel, text.slice(0, 120), JSON.stringify(input)?.slice(0, 200));
          continue;
        }
        refused++;
        expect(codes.has(answer.error.code), `${channel}: ${answer.error.code}`).toBe(true);
        if (answer.error.code === 'INTERNAL') internal.push(`${channel}: ${answer.error.message}`);
        // A refusal names the field with a short excerpt, never the 70,000 characters sent.
        expect(text.length, `${channel} answered ${text.length} characters`).toBeLessThan(4000);
      }
      if (accepted === 0) expect(dumpTables(b.db), `${channel} refused everything yet wrote`).toEqual(before);
    }
    expect(internal).toEqual([]);
    expect(refused).toBeGreaterThan(calls / 2);
    console.log(
      `[registry fuzz] ${calls} calls over ${CHANNELS.length} channels (seed ${SEED}): ${refused} refused with a typed error, ${calls - refused} accepted, 0 internal errors`,
    );
  });
});
