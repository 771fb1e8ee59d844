import { describe, expect, it } from 'vitest';
import { errorsByField, fieldForIssue } from './useSchemaForm';

const values = { name: '', unitId: null, thresholds: { gold: 80, silver: 60 }, lines: [{ code: 'x' }] };

describe('fieldForIssue: the form path a schema issue lands on', () => {
  it.each([
    ['name', 'name'],
    ['unitId', 'unitId'],
    ['thresholds.gold', 'thresholds.gold'],
    // A path deeper than the form holds lands on its nearest parent.
    ['thresholds.gold.min', 'thresholds.gold'],
    ['lines.0.code', 'lines.0.code'],
    ['lines.3.code', 'lines'],
    ['id', null],
    ['', null],
  ])('%s → %s', (path, field) => {
    expect(fieldForIssue(path, values)).toBe(field);
  });
});

describe('errorsByField', () => {
  it('keeps the first message per field and returns the rest apart', () => {
    const { byField, other } = errorsByField(
      [
        { path: 'name', message: '请填写姓名' },
        { path: 'name', message: '姓名不能超过 20 个字' },
        { path: 'unitId', message: '请选择单位' },
        { path: 'id', message: '请选择客户经理' },
      ],
      values,
    );
    expect(byField).toEqual({ name: '请填写姓名', unitId: '请选择单位' });
    expect(other).toEqual(['请选择客户经理']);
  });

  it('maps an input path to a differently named form field', () => {
    const { byField } = errorsByField([{ path: 'toUnitId', message: '请选择调入单位' }], { unit: null }, (p) =>
      p === 'toUnitId' ? 'unit' : p,
    );
    expect(byField).toEqual({ unit: '请选择调入单位' });
  });
});
