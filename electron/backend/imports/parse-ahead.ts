/**
 * Parsing the next file while this one is checked (issue 4 §7). When the officer imports several
 * workbooks picked together (the wizard's queue, `kam import A B C`), `imports/preview` names the
 * file that comes next; its parse starts in the worker as soon as this file's parse is done, so the
 * worker reads file k+1 while the main thread checks and commits file k. A parse depends only on the
 * file's bytes: at its own preview the file is read again and the parse is used only if the
 * SHA-256 is the same, so the checks (which read the database) always run at preview time, after
 * the previous file's commit. One parse is held at most, and dropped unused after a while.
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { type ParseOutcome, parseSpreadsheet } from './parse';

const KEEP_MS = 5 * 60 * 1000;

interface Ahead {
  path: string;
  sha256: string;
  outcome: Promise<ParseOutcome>;
  timer: NodeJS.Timeout;
}

export class ParseAhead {
  private ahead: Ahead | null = null;

  /** Starts parsing `path` now (a file that cannot be read is simply not parsed ahead). */
  start(path: string, read: (path: string) => Buffer): void {
    this.clear();
    let buf: Buffer;
    try {
      buf = read(path);
    } catch {
      return;
    }
    const sha256 = createHash('sha256').update(buf).digest('hex');
    const outcome = parseSpreadsheet(buf, basename(path));
    // Never taken, a failure must not surface as an unhandled rejection; a taker sees it as usual.
    outcome.catch(() => undefined);
    // An unused parse must not hold memory (or a CLI process) for long.
    const timer = setTimeout(() => this.clear(), KEEP_MS);
    timer.unref();
    this.ahead = { path, sha256, outcome, timer };
  }

  /** The parse started for this path and these exact bytes, or null (then parse as usual). */
  take(path: string, sha256: string): Promise<ParseOutcome> | null {
    const a = this.ahead;
    if (!a || a.path !== path) return null;
    this.clear();
    return a.sha256 === sha256 ? a.outcome : null;
  }

  private clear(): void {
    if (this.ahead) clearTimeout(this.ahead.timer);
    this.ahead = null;
  }
}
