import { runCli } from '../../electron/backend/cli/main';

/** What one `kam` run printed, and its exit code. */
export interface KamRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `kam` in this process with `stdin` as its standard input (empty unless given). */
export async function kam(argv: string[], stdin = ''): Promise<KamRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(
    argv,
    (s) => out.push(s),
    (s) => err.push(s),
    async () => stdin,
  );
  return { code, out: out.join('\n'), err: err.join('\n') };
}
