import { describe, expect, it } from 'vitest';
import { isChannel } from './contract';
import { hostSchemas, isHostChannel, XLSX_FILTERS } from './host';

describe('host channels', () => {
  it('are told apart from registry channels, and never collide with one', () => {
    expect(isHostChannel('host/open-file')).toBe(true);
    expect(isHostChannel('host/format-disk')).toBe(false);
    expect(isHostChannel('imports/preview')).toBe(false);
    expect(isHostChannel('__proto__')).toBe(false);
    for (const c of Object.keys(hostSchemas)) expect(isChannel(c)).toBe(false);
  });

  it('validate their options strictly', () => {
    expect(hostSchemas['host/open-file'].parse({ title: '选择文件', filters: XLSX_FILTERS })).toEqual({
      title: '选择文件',
      filters: XLSX_FILTERS,
      multiple: false,
    });
    expect(hostSchemas['host/open-file'].safeParse({ title: 'x', extra: 1 }).success).toBe(false);
    expect(
      hostSchemas['host/save-file'].safeParse({
        title: 'x',
        defaultName: 'a.xlsx',
        filters: [{ name: 'x', extensions: ['../'] }],
      }).success,
    ).toBe(false);
    expect(hostSchemas['host/show-in-folder'].safeParse({ path: '' }).success).toBe(false);
  });
});
