import { describe, expect, it } from 'vitest';
import {
  GOLD_HEADING,
  PART_HEADINGS,
  reportDocumentFixture,
} from '../../../../../shared/domain/report/document-fixture';
import { partsOf, quoted } from './parts';

describe('the editor’s parts', () => {
  it('cuts the document at each level-1 heading, in R28’s order, each part keeping its own blocks', () => {
    const doc = reportDocumentFixture({ status: 'draft' });
    const parts = partsOf(doc.blocks);
    expect(parts.map((p) => p.heading.text)).toEqual([...PART_HEADINGS, GOLD_HEADING]);
    // Every block is in exactly one part, none lost, none repeated, in order.
    expect(parts.flatMap((p) => [p.heading, ...p.blocks])).toEqual(doc.blocks);
    // The judgement boxes sit in their parts: 三 competition, 四 the note, 六, 七, and the gold section.
    const fieldsOf = (i: number) => parts[i]?.blocks.flatMap((b) => (b.kind === 'writing' ? [b.field] : []));
    expect(fieldsOf(2)).toEqual(['competition']);
    expect(fieldsOf(5)).toEqual(['practice']);
    expect(fieldsOf(6)).toEqual(['problems']);
  });

  it('quotes a unit’s text as a new line after what is written, named by the unit', () => {
    expect(quoted('', '金平区分公司', '  价格竞争激烈。\n')).toBe('金平区分公司：价格竞争激烈。');
    expect(quoted('全市情况良好。\n\n', '澄海分局', '客户转移。')).toBe('全市情况良好。\n澄海分局：客户转移。');
    expect(quoted('   ', '澄海分局', '客户转移。')).toBe('澄海分局：客户转移。');
  });
});
