/** The editor's pure steps: the document cut into its parts, and a unit's text quoted into a box. */
import type { ReportBlock, ReportHeading } from '../../../../../shared/domain/report/document';

/** A part of the report: its 一、… heading and the blocks under it, up to the next part. */
export interface ReportPart {
  heading: ReportHeading;
  blocks: ReportBlock[];
}

/** The document's blocks cut at each level-1 heading (R28's parts and the gold section). */
export function partsOf(blocks: readonly ReportBlock[]): ReportPart[] {
  const parts: ReportPart[] = [];
  for (const block of blocks) {
    if (block.kind === 'heading' && block.level === 1) parts.push({ heading: block, blocks: [] });
    else parts.at(-1)?.blocks.push(block);
  }
  return parts;
}

/** Text + a quoted unit's text: a new paragraph after what is there, prefixed with the unit's name. */
export function quoted(current: string, unitName: string, text: string): string {
  const addition = `${unitName}：${text.trim()}`;
  return current.trim() === '' ? addition : `${current.replace(/\s+$/, '')}\n${addition}`;
}
