/**
 * `kam call <channel> [--input JSON | JSON on standard input]`: any channel of the registry, as
 * the app calls it, so every handler the window uses can also be driven by a script. The answer
 * is the channel's result as JSON; a refusal is the backend's error (code, Chinese message,
 * field issues) and exit code 1. Desktop-only `host/…` dialogs are not registry channels.
 */

import { CHANNELS, isChannel } from '../../../shared/api/contract';
import { AppError } from '../../../shared/api/errors';
import { openBackend } from '../index';
import { printPdf } from '../reports/pdf';
import { cliActor } from './actor';
import type { Command } from './command';
import { requireExistingDb } from './reports';

function parseInput(raw: string): unknown {
  const text = raw.trim();
  if (text === '') return {};
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new AppError('VALIDATION', `输入不是有效的 JSON：${(e as Error).message}`);
  }
}

export const callCommand: Command = {
  name: 'call',
  summary: '调用任一后台通道（与界面相同）/ call any backend channel as the app does',
  usage: 'kam call <channel> [--input JSON] [--db PATH] [--json]   （不给 --input 时从标准输入读 JSON）',
  options: { input: { type: 'string' } },
  positionals: true,
  run: async (values, db, io) => {
    const [channel, ...extra] = io.positionals ?? [];
    if (channel === undefined || extra.length > 0 || !isChannel(channel)) {
      throw new AppError(
        'VALIDATION',
        `${channel === undefined ? '缺少通道名' : `未知通道：${[channel, ...extra].join(' ')}`}\n可用通道：${CHANNELS.join('、')}`,
      );
    }
    const input = parseInput(typeof values.input === 'string' ? values.input : await io.stdin());
    requireExistingDb(db);
    const backend = openBackend({ databasePath: db, ...cliActor(), printPdf: (html) => printPdf(html) });
    try {
      const response = await backend.registry.invoke(channel, input);
      if (!response.ok) throw AppError.fromJSON(response.error);
      return { json: response.value, text: JSON.stringify(response.value, null, 2) };
    } finally {
      await backend.close();
    }
  },
};
