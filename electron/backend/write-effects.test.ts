import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/api/contract';
import { areaOf, isWriteChannel, READ_AREAS, WRITE_EFFECTS } from '../../shared/api/effects';
import { HANDLER_GROUPS } from './handlers';

const defs = HANDLER_GROUPS.flatMap(([, group]) => Object.entries(group)) as [string, { kind: string }][];

describe('WRITE_EFFECTS: the renderer refreshes what a write changed', () => {
  it('lists every write handler of the registry and no read', () => {
    const writes = defs
      .filter(([, d]) => d.kind !== 'read')
      .map(([c]) => c)
      .sort();
    expect(Object.keys(WRITE_EFFECTS).sort()).toEqual(writes);
    for (const [channel, def] of defs) expect(isWriteChannel(channel), channel).toBe(def.kind !== 'read');
  });

  it('names only areas that have read channels, and each write refreshes its own area', () => {
    const readAreas = new Set(defs.filter(([, d]) => d.kind === 'read').map(([c]) => areaOf(c)));
    for (const area of READ_AREAS) expect(readAreas.has(area), area).toBe(true);
    for (const [channel, areas] of Object.entries(WRITE_EFFECTS)) {
      expect(areas as readonly string[], channel).toContain(areaOf(channel));
    }
  });

  it('areaOf takes the first path segment', () => {
    expect(areaOf('customers/list')).toBe('customers');
    expect(areaOf('app')).toBe('app');
    expect(CHANNELS.every((c) => areaOf(c).length > 0)).toBe(true);
  });
});
