/**
 * Browser end-to-end harness: the built renderer in Debian's Chromium (playwright-core), with the
 * same `window.kam.invoke` bridge the preload provides, backed by the real registry on a real
 * temporary SQLite file. No Electron needed.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { type Backend, openBackend } from '../../electron/backend';
import { CHROMIUM_ARGS, findChromium } from '../../electron/backend/reports/chromium';
import { printPdf } from '../../electron/backend/reports/pdf';
import { isHostChannel } from '../../shared/api/host';
import { type StaticServer, serveStatic } from './static-server';

/**
 * What the native dialogs answer in a browser test: the test sets the file the officer "picks"
 * (or null for cancel) before clicking; every dialog shown is recorded.
 */
export interface HostStub {
  openFile: string[];
  saveFile: string | null;
  chooseFolder: string | null;
  shown: { channel: string; input: unknown }[];
}

/** A backend call the page made, with the envelope it was answered with. */
export interface BackendCall {
  channel: unknown;
  input: unknown;
  answer: unknown;
}

export interface Harness {
  backend: Backend;
  host: HostStub;
  /** Every backend call the page made that has been answered, in the order they were answered. */
  calls: BackendCall[];
  page: Page;
  context: BrowserContext;
  url: string;
  databasePath: string;
  /** Messages the page logged as errors, and uncaught page errors. */
  pageErrors: string[];
  open(hash?: string): Promise<void>;
  /**
   * Resolves once the page is at rest: every backend call answered, no loader shown, fonts
   * loaded, no finite animation (a modal or drawer opening) still running, for a few frames in a
   * row. For screenshots, and for checking that something did NOT change, which have no
   * condition of their own to wait on.
   */
  settled(): Promise<void>;
  close(): Promise<void>;
}

/**
 * The page-side check behind `settled()`. A loader's spin and other endless animations never end,
 * so only finite ones count. Consecutive frames, because a component can mount and ask for more
 * data a frame after the first answer arrived. A function, not a string: the app's CSP forbids
 * the page to evaluate strings; it names no inner function (tsx would add `__name` helpers).
 */
function pageSettled(): boolean {
  const w = window as unknown as { __kamPending: number; __kamQuietFrames?: number };
  const busy =
    w.__kamPending !== 0 ||
    document.fonts.status !== 'loaded' ||
    document.querySelector('.mantine-Loader-root') !== null ||
    document
      .getAnimations()
      .some(
        (a) =>
          a.playState === 'running' &&
          a.effect !== null &&
          a.effect.getComputedTiming().endTime !== Number.POSITIVE_INFINITY,
      );
  w.__kamQuietFrames = busy ? 0 : (w.__kamQuietFrames ?? 0) + 1;
  return w.__kamQuietFrames >= 5;
}

export interface HarnessOptions {
  now?: () => Date;
  prepare?: (backend: Backend) => Promise<void> | void;
  viewport?: { width: number; height: number };
  /**
   * Channels whose answers are held back this many milliseconds, to test a page against a backend
   * that answers late (a busy machine's order of answers, made certain).
   */
  slowChannels?: Readonly<Record<string, number>>;
  /**
   * Leave the session without an operator, so the page asks who is working (DOMAIN-DECISIONS
   * "Audit log"). Otherwise the harness starts one as the first active operator (信息主管 on a new
   * database), as an officer would before anything else, and tests begin at the shell.
   */
  chooser?: boolean;
}

/**
 * One Chromium for the whole run (the e2e project shares its module graph across files): each
 * harness gets a fresh context of its own — cookies, storage and pages are per context — and closes
 * only that. Launching and closing a browser per test was ~0.75 s of 91 tests. Playwright kills
 * the browser when the test process exits; a browser that died is launched again.
 */
let sharedBrowser: Promise<Browser> | null = null;
async function theBrowser(): Promise<Browser> {
  const current = sharedBrowser ? await sharedBrowser.catch(() => null) : null;
  if (current?.isConnected()) return current;
  sharedBrowser = chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
  return sharedBrowser;
}

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dir = mkdtempSync(join(tmpdir(), 'kam-e2e-'));
  const databasePath = join(dir, 'kam.sqlite');
  const backend = openBackend({
    databasePath,
    printPdf: (html) => printPdf(html),
    ...(options.now ? { now: options.now } : {}),
  });
  let server: StaticServer | undefined;
  let context: BrowserContext | undefined;
  try {
    await options.prepare?.(backend);
    if (!options.chooser) {
      const [first] = await backend.registry.call('operators/list', {});
      if (first) await backend.registry.call('session/start', { operatorId: first.id });
    }
    // KAM_OUT: a build made elsewhere (electron.vite.config.ts), for parallel work on one machine.
    server = await serveStatic(resolve(__dirname, '../..', process.env.KAM_OUT ?? 'out', 'renderer'));
    const browser = await theBrowser();
    context = await browser.newContext({
      viewport: options.viewport ?? { width: 1360, height: 860 },
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
    });
    // Playwright's 30 s default is short beside CPU-bound processes (CI runs two): a wait that
    // fails here fails because the page never got there, not because the machine was busy.
    context.setDefaultTimeout(90_000);
    const host: HostStub = { openFile: [], saveFile: null, chooseFolder: null, shown: [] };
    const calls: BackendCall[] = [];
    await context.exposeBinding('__kamInvoke', async (_source, channel: unknown, input: unknown) => {
      if (!isHostChannel(channel)) {
        const delay = typeof channel === 'string' ? options.slowChannels?.[channel] : undefined;
        if (delay) await new Promise((ok) => setTimeout(ok, delay));
        const answer = await backend.registry.invoke(channel, input);
        calls.push({ channel, input, answer });
        return answer;
      }
      host.shown.push({ channel, input });
      const value =
        channel === 'host/open-file'
          ? { paths: host.openFile }
          : channel === 'host/save-file'
            ? { path: host.saveFile }
            : channel === 'host/choose-folder'
              ? { path: host.chooseFolder }
              : channel === 'host/print'
                ? { printed: true }
                : { ok: true };
      return { ok: true, value };
    });
    // A string, not a function: tsx's transform would put helpers (`__name`) into a serialised function.
    // Calls in flight are counted so a test can wait until the page has its answers.
    await context.addInitScript({
      content: `(() => {
        const invoke = window.__kamInvoke;
        let pending = 0;
        Object.defineProperty(window, '__kamPending', { get: () => pending });
        Object.defineProperty(window, 'kam', {
          value: Object.freeze({
            invoke: (channel, input) => {
              pending++;
              return Promise.resolve(invoke(channel, input)).finally(() => {
                pending--;
              });
            },
          }),
        });
      })();`,
    });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') pageErrors.push(m.text());
    });
    const url = server.url;
    const openedServer = server;
    const openedContext = context;
    return {
      backend,
      host,
      calls,
      page,
      context,
      url,
      databasePath,
      pageErrors,
      open: async (hash = '') => {
        await page.goto(`${url}${hash ? `#${hash.replace(/^#/, '')}` : ''}`);
      },
      settled: async () => {
        await page.evaluate('window.__kamQuietFrames = 0');
        await page.waitForFunction(pageSettled, undefined, { polling: 'raf', timeout: 60_000 });
      },
      close: async () => {
        await openedContext.close();
        await openedServer.close();
        backend.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (e) {
    await context?.close();
    await server?.close();
    backend.close();
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}
