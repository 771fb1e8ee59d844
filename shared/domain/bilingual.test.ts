import { describe, expect, it } from 'vitest';
import { ECHO_LIMIT, echo } from './bilingual';

describe('echo: a cell repeated back in a message', () => {
  it.each([
    ['', ''],
    ['邮票', '邮票'],
    ['函'.repeat(ECHO_LIMIT), '函'.repeat(ECHO_LIMIT)],
    ['函'.repeat(ECHO_LIMIT + 1), `${'函'.repeat(ECHO_LIMIT)}…`],
    ['函'.repeat(32_767), `${'函'.repeat(ECHO_LIMIT)}…`],
    // Characters outside the BMP count as one and are never split in half.
    ['𠀀'.repeat(ECHO_LIMIT + 5), `${'𠀀'.repeat(ECHO_LIMIT)}…`],
  ])('case %#', (value, echoed) => {
    expect(echo(value)).toBe(echoed);
  });
});
