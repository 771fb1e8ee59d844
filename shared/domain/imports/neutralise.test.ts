import { describe, expect, it } from 'vitest';
import { neutraliseText } from './neutralise';

describe('formula-like text cells are neutralised', () => {
  it.each([
    ['=HYPERLINK("http://x","点我")', `'=HYPERLINK("http://x","点我")`],
    ['+86 754 1234', `'+86 754 1234`],
    ['-1+2', `'-1+2`],
    ['@SUM(A1)', `'@SUM(A1)`],
    ['\tcmd', `'\tcmd`],
    ['\rcmd', `'\rcmd`],
    ['＝1+1', `'＝1+1`],
    ['＋1', `'＋1`],
    ['－1', `'－1`],
    ['＠x', `'＠x`],
    ['﹦1+1', `'﹦1+1`],
    ['﹢1', `'﹢1`],
    ['﹣1', `'﹣1`],
    ['﹫x', `'﹫x`],
  ])('%j becomes %j', (input, output) => {
    expect(neutraliseText(input)).toBe(output);
  });

  it.each(['汕头市宏达电子有限公司', '44051500001000', 'a=b', ' =x', ''])('%j is left as it is', (input) => {
    expect(neutraliseText(input)).toBe(input);
  });
});
