/**
 * A CSV file's bytes as a unit's computer writes them: UTF-8, UTF-8 with a BOM (Excel's "CSV UTF-8"),
 * UTF-16LE with a BOM (Excel's "Unicode text"), or GBK (Excel's plain "CSV" on a Chinese Windows).
 * Node's TextEncoder writes UTF-8 only, so GBK comes from a fixed table of the words the tests use.
 */
export type CsvEncoding = 'utf8' | 'utf8-bom' | 'utf16le-bom' | 'gbk';

const GBK: Record<string, string> = {
  客户: 'bfcdbba7',
  月份: 'd4c2b7dd',
  业务种类: 'd2b5cef1d6d6c0e0',
  收入: 'cad5c8eb',
  元: 'd4aa',
  名称: 'c3fbb3c6',
  储汇: 'b4a2bbe3',
  帐单: 'd5cab5a5',
  函件: 'baafbcfe',
  集邮: 'bcafd3ca',
  特快: 'ccd8bfec',
  物流: 'ceefc1f7',
  包件: 'b0fcbcfe',
  报刊: 'b1a8bfaf',
  其他: 'c6e4cbfb',
};

function gbkBytes(text: string): Buffer {
  const words = Object.keys(GBK).sort((a, b) => b.length - a.length);
  const parts: Buffer[] = [];
  let at = 0;
  outer: while (at < text.length) {
    for (const w of words) {
      if (text.startsWith(w, at)) {
        parts.push(Buffer.from(GBK[w] as string, 'hex'));
        at += w.length;
        continue outer;
      }
    }
    const ch = text.charCodeAt(at);
    if (ch > 0x7f) throw new Error(`csv-bytes: no GBK bytes for “${text[at]}”; add the word to the table`);
    parts.push(Buffer.from([ch]));
    at++;
  }
  return Buffer.concat(parts);
}

/** `lines` joined with CRLF (as Excel writes them) in `encoding`. */
export function csvBytes(encoding: CsvEncoding, lines: readonly string[]): Buffer {
  const text = `${lines.join('\r\n')}\r\n`;
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le-bom':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'gbk':
      return gbkBytes(text);
  }
}

export const CSV_HEADER = '客户ID,月份,业务种类,收入(元)';
