import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../shared/api/contract';
import { DEMO_CHANNEL, TRIGGERS_REPAIRED } from '../../../shared/domain/audit/system';
import { auditLabels, changeLines, channelName, entityText, parseEntity } from './labels';

const zh = auditLabels('zh-CN');
const en = auditLabels('en');
const CJK = /[\u4e00-\u9fff]/;

describe('audit labels', () => {
  it('names every channel of the contract, and the app’s own rows, in both languages', () => {
    for (const channel of [...CHANNELS, TRIGGERS_REPAIRED, DEMO_CHANNEL]) {
      const chinese = channelName(zh, channel);
      const english = channelName(en, channel);
      expect(chinese, channel).not.toBe(channel);
      expect(chinese, channel).toMatch(CJK);
      expect(english, channel).not.toBe(channel);
      expect(english, channel).not.toMatch(CJK);
    }
    // No label left for a channel the contract dropped.
    expect(Object.keys(zh.messages.channels).sort()).toEqual([...CHANNELS, TRIGGERS_REPAIRED, DEMO_CHANNEL].sort());
  });

  it('shows a channel it does not know as recorded', () => {
    expect(channelName(zh, 'future/thing')).toBe('future/thing');
  });

  it('reads records in words, with the customer they belong to', () => {
    expect(parseEntity('revenue:44051500001000:2026-10')).toEqual({
      kind: 'revenue',
      key: '44051500001000',
      month: '2026-10',
      customerId: '44051500001000',
    });
    expect(parseEntity('batch:3').customerId).toBeNull();
    expect(entityText(zh, 'customer:44051500001000')).toBe('客户 44051500001000');
    expect(entityText(zh, 'revenue:44051500001000:2026-10')).toBe('收入 44051500001000 · 2026年10月');
    expect(entityText(en, 'revenue:44051500001000:2026-10')).toBe('Revenue 44051500001000 · Oct 2026');
    expect(entityText(zh, 'batch:3')).toBe('收入导入批次 #3');
    expect(entityText(zh, 'mystery:1')).toBe('mystery:1');
    // On the customer's own page, without its ID; another customer's keeps it.
    expect(entityText(zh, 'revenue:44051500001000:2026-10', '44051500001000')).toBe('收入 · 2026年10月');
    expect(entityText(zh, 'customer:44051500001000', '44051500001000')).toBe('客户资料');
    expect(entityText(zh, 'customer:44051500002000', '44051500001000')).toBe('客户 44051500002000');
    expect(entityText(zh, 'batch:3', '44051500001000')).toBe('收入导入批次 #3');
  });

  it('shows a change before → after, a revenue line in yuan, and a personal field only as changed', () => {
    expect(
      changeLines(zh, 'customer:44051500001000', [
        { field: 'name', before: '甲公司', after: '乙公司' },
        { field: 'industry', before: null, after: '制造业' },
        { field: 'phone', personal: true },
      ]),
    ).toEqual([
      { field: 'name', name: '名称', text: '甲公司 → 乙公司', personal: false },
      { field: 'industry', name: '行业', text: '（空） → 制造业', personal: false },
      { field: 'phone', name: '电话', text: '已更改', personal: true },
    ]);
    expect(
      changeLines(zh, 'revenue:44051500001000:2026-10', [{ field: 'letters', before: 10000, after: 12345 }]),
    ).toEqual([{ field: 'letters', name: '函件', text: '¥100.00 → ¥123.45', personal: false }]);
  });
});
