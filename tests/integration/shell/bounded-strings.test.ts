/**
 * DOMAIN-DECISIONS "Bounded inputs": every string a channel accepts has a maximum length, checked
 * before any costly parsing, and no refusal repeats the input back. A 10 MB `period` or `amount`
 * held the main thread for seconds and came back in the error whole (10–21 MB). This walks every
 * channel's input schema (shared/api/contract.ts), puts a 1 MB string in each place a string is
 * accepted, and checks that the refusal there is the length one and that the whole error is short.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { CHANNELS, type Channel, inputSchemas } from '../../../shared/api/contract';
import { backendsForTests } from '../../support/backends';

const HUGE = '1'.repeat(1024 * 1024);

type Def = { type: string } & Record<string, unknown>;
const defOf = (schema: unknown): Def => (schema as { _zod: { def: Def } })._zod.def;

/** A place a string is accepted: its path and an input that puts HUGE there (literals filled in). */
interface Slot {
  path: (string | number)[];
  input: unknown;
}

/** Each input, built from `schema` down, with HUGE at one string place. */
function slots(schema: unknown, seen = new Set<unknown>()): Slot[] {
  if (seen.has(schema)) return [];
  const def = defOf(schema);
  const next = new Set(seen).add(schema);
  switch (def.type) {
    case 'string':
      return [{ path: [], input: HUGE }];
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return slots(def.innerType, next);
    case 'pipe':
      return slots(def.in, next);
    case 'union':
      return (def.options as unknown[]).flatMap((o) => slots(o, next));
    case 'array':
      return slots(def.element, next).map((s) => ({ path: [0, ...s.path], input: [s.input] }));
    case 'object': {
      const shape = def.shape as Record<string, unknown>;
      // Literal fields (a union's discriminator) as they must be, so the slot is reached.
      const literals: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(shape)) {
        const d = defOf(field);
        if (d.type === 'literal') literals[key] = (d.values as unknown[])[0];
      }
      return Object.entries(shape).flatMap(([key, field]) =>
        slots(field, next).map((s) => ({ path: [key, ...s.path], input: { ...literals, [key]: s.input } })),
      );
    }
    case 'record':
      return slots(def.valueType, next).map((s) => ({ path: ['k', ...s.path], input: { k: s.input } }));
    default:
      return [];
  }
}

const cases = CHANNELS.flatMap((channel: Channel) =>
  slots(inputSchemas[channel]).map((s) => ({ channel, field: s.path.join('.'), input: s.input })),
);

const openBackend = backendsForTests();

describe('every string field has a maximum length', () => {
  it('finds the string fields of the channels', () => {
    expect(cases.length).toBeGreaterThan(80);
    expect(cases.map((c) => `${c.channel} ${c.field}`)).toEqual(
      expect.arrayContaining(['revenue/set period', 'revenue/set amount', 'imports/preview path']),
    );
  });

  it.each(cases)(
    '$channel $field: 1 MB is refused by its length, the error short',
    async ({ channel, field, input }) => {
      const parsed = inputSchemas[channel].safeParse(input);
      expect(parsed.success).toBe(false);
      const issues = (parsed as z.ZodSafeParseError<unknown>).error.issues;
      const here = issues.filter((i) => i.path.join('.') === field);
      // The length check answered, and nothing after it (a parse, a regex) added its own refusal.
      expect(here.map((i) => i.code)).toEqual(['too_big']);
      const b = openBackend({ databasePath: ':memory:' });
      const r = await b.registry.invoke(channel, input);
      expect(r.ok).toBe(false);
      expect(JSON.stringify(r).length).toBeLessThan(2000);
    },
  );
});

describe('no refusal repeats a long input back', () => {
  it('an unknown channel or key of 1 MB is named by a short excerpt', async () => {
    const b = openBackend({ databasePath: ':memory:' });
    const channel = await b.registry.invoke(HUGE, {});
    expect(channel).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    expect(JSON.stringify(channel).length).toBeLessThan(500);
    const key = await b.registry.invoke('units/list', { [HUGE]: 1 });
    expect(key).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(JSON.stringify(key).length).toBeLessThan(2000);
  });
});
