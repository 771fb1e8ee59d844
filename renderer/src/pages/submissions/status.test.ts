import { describe, expect, it } from 'vitest';
import {
  batchKind,
  DEADLINE_COLORS,
  deadlineTone,
  receivedPercent,
  STATUS_COLORS,
  STATUS_ORDER,
  statusVariant,
  TRACKER_FORMS,
} from './status';

describe('tracker status colours', () => {
  it('maps on time green, late orange, pending gray, overdue red', () => {
    expect(STATUS_COLORS).toEqual({ on_time: 'green', late: 'orange', pending: 'gray', overdue: 'red' });
    expect(STATUS_ORDER).toEqual(['on_time', 'late', 'pending', 'overdue']);
  });

  it('fills received forms and outlines owed ones', () => {
    expect(statusVariant('on_time')).toBe('light');
    expect(statusVariant('late')).toBe('light');
    expect(statusVariant('pending')).toBe('outline');
    expect(statusVariant('overdue')).toBe('outline');
  });

  it('has the five forms in template order', () => {
    expect(TRACKER_FORMS).toEqual([
      'revenue',
      'registrations',
      'manager_changes',
      'fluctuation_reasons',
      'unit_analysis',
    ]);
  });
});

describe('deadlineTone (R32)', () => {
  it('is red once due or passed, orange within three days', () => {
    expect(deadlineTone(-2)).toBe('passed');
    expect(deadlineTone(0)).toBe('today');
    expect(deadlineTone(1)).toBe('soon');
    expect(deadlineTone(3)).toBe('soon');
    expect(deadlineTone(4)).toBe('later');
    expect(DEADLINE_COLORS[deadlineTone(0)]).toBe('red');
  });
});

describe('receivedPercent', () => {
  it('counts on time and late as received', () => {
    expect(receivedPercent({ expected: 8, onTime: 3, late: 1 })).toBe(50);
    expect(receivedPercent({ expected: 3, onTime: 1, late: 0 })).toBe(33);
    expect(receivedPercent({ expected: 0, onTime: 0, late: 0 })).toBe(0);
  });
});

describe('batchKind', () => {
  it('tells a unit template from a hand-made revenue workbook', () => {
    expect(batchKind('unit-monthly')).toBe('template');
    expect(batchKind('revenue')).toBe('revenue');
    expect(batchKind('x')).toBe('other');
  });
});
