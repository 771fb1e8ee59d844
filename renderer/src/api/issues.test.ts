import { describe, expect, it } from 'vitest';
import { issuesByField } from './issues';

describe('issuesByField', () => {
  it('keeps the first message per known field and collects the rest', () => {
    const result = issuesByField(
      [
        { path: 'name', message: '请填写客户全称' },
        { path: 'name', message: '第二条' },
        { path: 'creditCode', message: '校验位错误' },
        { path: 'contacts.0.phone', message: '电话格式不对' },
        { path: '', message: '整体错误' },
      ],
      ['name', 'creditCode'],
    );
    expect(result.byField).toEqual({ name: '请填写客户全称', creditCode: '校验位错误' });
    expect(result.other).toEqual(['电话格式不对', '整体错误']);
  });
});
