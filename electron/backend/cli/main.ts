/** Entry of `npm run kam -- <command>`: parses arguments, runs one command, prints, sets the exit code. */
import { parseArgs } from 'node:util';
import { AppError, isApiError } from '../../../shared/api/errors';
import { echo } from '../../../shared/domain/bilingual';
import { asKnownFault } from '../db/faults';
import type { Values } from './command';
import { COMMANDS, resolveDb } from './commands';

function usage(): string {
  return [
    '用法 / usage: kam <command> [--db PATH] [--json]',
    '',
    ...COMMANDS.map((c) => `  ${c.usage}\n      ${c.summary}`),
  ].join('\n');
}

/**
 * A command line the command cannot take (unknown option, option without its value, a stray
 * argument): exit 2 with the command's usage, as README "Command line" promises, in Chinese.
 */
class UsageError extends Error {}

/** Node's parseArgs refusal (`ERR_PARSE_ARGS_*`, English) said in Chinese, naming the option. */
function usageErrorOf(e: unknown): UsageError | null {
  const code = (e as { code?: unknown } | null)?.code;
  if (!(e instanceof TypeError) || typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS_')) return null;
  // The option as the officer typed it, cut short: an argument may be arbitrarily long.
  const option = echo(/'(-[^' ]*)/.exec(e.message)?.[1] ?? '');
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return new UsageError(`未知的选项：${option}`);
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    if (e.message.includes('does not take an argument')) return new UsageError(`选项 ${option} 不带值`);
    return new UsageError(
      `选项 ${option} 缺少值${e.message.includes('ambiguous') ? `（值以“-”开头时请写成 ${option}=值）` : ''}`,
    );
  }
  return new UsageError(`命令行参数有误：${echo(e.message)}`);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function runCli(
  argv: string[],
  out: (s: string) => void,
  err: (s: string) => void,
  stdin: () => Promise<string> = readStdin,
): Promise<number> {
  const words: string[] = [];
  for (const a of argv) {
    if (a.startsWith('-')) break;
    words.push(a);
  }
  const command = COMMANDS.filter((c) => {
    const parts = c.name.split(' ');
    return parts.every((p, i) => words[i] === p);
  }).sort((a, b) => b.name.length - a.name.length)[0];
  if (!command) {
    err(words.length === 0 ? usage() : `未知命令：${echo(words.join(' '))}\n\n${usage()}`);
    return 2;
  }
  const rest = argv.slice(command.name.split(' ').length);
  let json = false;
  let parsed: { values: Values; positionals: string[] };
  try {
    parsed = parseArgs({
      args: rest,
      options: { ...command.options, db: { type: 'string' }, json: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
    if (parsed.positionals.length > 0 && !command.positionals) {
      throw new UsageError(`多余的参数：${echo(parsed.positionals.join(' '))}`);
    }
  } catch (e) {
    const usageError = e instanceof UsageError ? e : usageErrorOf(e);
    if (usageError === null) {
      err(`错误：${(e as Error).message}`);
      return 1;
    }
    const message = `${usageError.message}\n用法：${command.usage}`;
    err(rest.includes('--json') ? JSON.stringify({ error: { code: 'VALIDATION', message } }) : `错误：${message}`);
    return 2;
  }
  try {
    const { values, positionals } = parsed;
    json = values.json === true;
    const result = await command.run(values, resolveDb(values), { stdin, positionals });
    out(json ? JSON.stringify(result.json, null, 2) : result.text);
    return result.exitCode ?? 0;
  } catch (caught) {
    // Commands that write without the registry (kam demo) meet database faults directly.
    const e = asKnownFault(caught);
    const message = e instanceof AppError || isApiError(e) ? e.message : (e as Error).message;
    if (json) err(JSON.stringify({ error: e instanceof AppError ? e.toJSON() : { code: 'INTERNAL', message } }));
    else err(`错误：${message}`);
    return 1;
  }
}

if (require.main === module) {
  runCli(
    process.argv.slice(2),
    (s) => process.stdout.write(`${s}\n`),
    (s) => process.stderr.write(`${s}\n`),
  ).then((code) => {
    process.exitCode = code;
  });
}
