/** Entry of `npm run kam -- <command>`: parses arguments, runs one command, prints, sets the exit code. */
import { parseArgs } from 'node:util';
import { AppError, isApiError } from '../../../shared/api/errors';
import { COMMANDS, resolveDb } from './commands';

function usage(): string {
  return [
    '用法 / usage: kam <command> [--db PATH] [--json]',
    '',
    ...COMMANDS.map((c) => `  ${c.usage}\n      ${c.summary}`),
  ].join('\n');
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
    err(words.length === 0 ? usage() : `未知命令：${words.join(' ')}\n\n${usage()}`);
    return 2;
  }
  const rest = argv.slice(command.name.split(' ').length);
  let json = false;
  try {
    const { values, positionals } = parseArgs({
      args: rest,
      options: { ...command.options, db: { type: 'string' }, json: { type: 'boolean' } },
      allowPositionals: true,
      strict: true,
    });
    json = values.json === true;
    if (positionals.length > 0 && !command.positionals) {
      throw new AppError('VALIDATION', `多余的参数：${positionals.join(' ')}\n用法：${command.usage}`);
    }
    const result = await command.run(values, resolveDb(values), { stdin, positionals });
    out(json ? JSON.stringify(result.json, null, 2) : result.text);
    return 0;
  } catch (e) {
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
