/** 经营分析 (R31): the unit's analysis read by its 项目 labels, blanks not written, long cells refused. */
import { describe, expect, it } from 'vitest';
import type { SheetCell, SheetInput } from '../imports/revenue-sheet';
import { ANALYSIS_INSTRUCTION, ANALYSIS_MAX_CHARS } from './layout';
import { readUnitAnalysis } from './side-sheets';

const s = (v: string): SheetCell => ({ t: 's', v });
const sheet = (rows: (SheetCell | null)[][]): SheetInput => ({ name: '经营分析', rows, merges: [] });
const HEAD = [s('项目'), s('内容')];

describe('readUnitAnalysis', () => {
  it('finds the header under the instruction line and the items by label, in any order', () => {
    const r = readUnitAnalysis(
      sheet([
        [s(ANALYSIS_INSTRUCTION), null],
        HEAD,
        [s('存在问题及本月计划'), s('  计划走访 3 家  ')],
        [s('竞争情况'), s('顺丰在澄海降价\r\n约 10%')],
        [s('波动原因补充说明'), s('')],
        [s('上月工作及好的做法'), null],
      ]),
    );
    expect(r.issues).toEqual([]);
    expect(r.analysis).toEqual({
      competition: '顺丰在澄海降价\n约 10%',
      fluctuationNotes: null,
      practice: null,
      plan: '计划走访 3 家',
    });
    expect(r.written).toBe(2);
  });

  it('columns in another order, and 内容 left of 项目', () => {
    const r = readUnitAnalysis(
      sheet([
        [s('内容'), s('项目')],
        [s('客户流失两家'), s('竞争情况')],
      ]),
    );
    expect(r.analysis?.competition).toBe('客户流失两家');
  });

  it('a blank sheet writes nothing', () => {
    const r = readUnitAnalysis(sheet([HEAD, [s('竞争情况'), null], [s('存在问题及本月计划'), s('   ')]]));
    expect(r).toEqual({ analysis: null, written: 0, issues: [] });
  });

  it.each([
    [ANALYSIS_MAX_CHARS, 0],
    [ANALYSIS_MAX_CHARS + 1, 1],
  ])('a cell of %i characters: %i error(s) naming sheet, row and column', (length, errors) => {
    // Characters, not UTF-16 units: 𠀀 is one character of two units.
    const text = '𠀀'.repeat(length);
    const r = readUnitAnalysis(sheet([HEAD, [s('竞争情况'), s('ok')], [s('存在问题及本月计划'), s(text)]]));
    expect(r.issues.filter((i) => i.severity === 'error')).toHaveLength(errors);
    if (errors === 0) expect(r.analysis?.plan).toBe(text);
    else {
      expect(r.issues[0]).toMatchObject({ sheet: '经营分析', row: 3, column: 'B' });
      expect(r.issues[0]?.message).toContain(`不能超过 ${ANALYSIS_MAX_CHARS} 字`);
      expect(r.issues[0]?.messageEn).toContain(`at most ${ANALYSIS_MAX_CHARS} characters`);
      // The refused item is left out; the others stand.
      expect(r.analysis).toEqual({ competition: 'ok', fluctuationNotes: null, practice: null, plan: null });
    }
  });

  it('text under an unknown label, or an item twice, is a problem naming the row', () => {
    const r = readUnitAnalysis(
      sheet([HEAD, [s('其他'), s('随便写写')], [s('竞争情况'), s('一')], [s('竞争'), s('二')]]),
    );
    expect(r.issues.map((i) => [i.row, i.column, i.severity])).toEqual([
      [2, 'A', 'warning'],
      [4, 'A', 'error'],
    ]);
    expect(r.analysis?.competition).toBe('一');
  });

  it('no 项目/内容 header: an error, nothing read', () => {
    const r = readUnitAnalysis(sheet([[s('竞争情况'), s('写了')]]));
    expect(r.analysis).toBeNull();
    expect(r.issues).toHaveLength(1);
    expect(r.issues[0]).toMatchObject({ sheet: '经营分析', severity: 'error' });
  });
});
