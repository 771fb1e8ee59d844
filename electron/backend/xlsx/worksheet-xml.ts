/**
 * Editing a SheetJS-written worksheet's XML (SheetJS community edition writes no styles, page
 * setup or data validation): escaping, and inserting an element where the OOXML schema orders it.
 * Used by the templates' drop-downs and the exports' print setup.
 */

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** CT_Worksheet's children from dataValidations on, in schema order (Excel rejects any other). */
const WORKSHEET_TAIL = [
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
] as const;

export type WorksheetTailElement = (typeof WORKSHEET_TAIL)[number];

/**
 * Puts `xml` (the element `slot`, or a run of elements ending with it) where `slot` belongs:
 * before the first element present that the schema orders after it (or before `</worksheet>`).
 */
export function insertInSchemaOrder(sheetXml: string, slot: WorksheetTailElement, xml: string): string {
  const later = [...WORKSHEET_TAIL.slice(WORKSHEET_TAIL.indexOf(slot) + 1).map((t) => `<${t}`), '</worksheet>'];
  const at = later
    .map((tag) => sheetXml.indexOf(tag))
    .filter((i) => i >= 0)
    .reduce((a, b) => Math.min(a, b), Number.POSITIVE_INFINITY);
  if (!Number.isFinite(at)) throw new Error('工作表 XML 不完整：没有 </worksheet>');
  return sheetXml.slice(0, at) + xml + sheetXml.slice(at);
}
