/**
 * A stand-in for the `electron` module, enough to run the built main bundle (out/main/index.js)
 * under plain Node: the Electron binary cannot be had on the build machines. Each fake records what
 * the shell asked of it, so a test can check the window's settings, the IPC handler, the
 * single-instance lock and the quit sequence as Electron would drive them.
 */
import { EventEmitter } from 'node:events';
import Module from 'node:module';

export interface FakeElectronOptions {
  /** What `app.requestSingleInstanceLock()` answers: false for a second instance. */
  singleInstanceLock: boolean;
  /** `app.getAppPath()`: where the shell looks for its development files (.electron-native). */
  appPath: string;
  /** The primary display's work area (the screen less the taskbar). */
  workArea: { x: number; y: number; width: number; height: number };
  /** `app.isPackaged`: an installed app (true) or `electron-vite dev` (false, the default). */
  packaged?: boolean;
}

/** What the officer does in the next native dialog: picks these paths, or cancels (an empty list). */
export type DialogAnswer = string[];

/** `will-frame-navigate`'s argument: the navigation's details, preventable (Electron's Event<…>). */
export interface FrameNavigation {
  url: string;
  isMainFrame: boolean;
  preventDefault(): void;
}

export interface FakeFrame {
  url: string;
}

export class FakeWebContents extends EventEmitter {
  readonly mainFrame: FakeFrame = { url: '' };
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static readonly all: FakeBrowserWindow[] = [];
  static fromWebContents(contents: FakeWebContents): FakeBrowserWindow | null {
    return FakeBrowserWindow.all.find((w) => w.webContents === contents) ?? null;
  }

  readonly webContents = new FakeWebContents();
  readonly calls: string[] = [];
  loadedFile: string | null = null;
  loadedUrl: string | null = null;
  minimized = false;
  visible = false;

  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.all.push(this);
    fake?.app.emit('web-contents-created', {}, this.webContents);
  }
  loadFile(path: string): Promise<void> {
    this.loadedFile = path;
    this.webContents.mainFrame.url = new URL(`file://${path}`).href;
    return Promise.resolve();
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    this.webContents.mainFrame.url = url;
    return Promise.resolve();
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  minimize(): void {
    this.minimized = true;
    this.calls.push('minimize');
  }
  restore(): void {
    this.minimized = false;
    this.calls.push('restore');
  }
  show(): void {
    this.visible = true;
    this.calls.push('show');
  }
  focus(): void {
    this.calls.push('focus');
  }
  close(): void {
    FakeBrowserWindow.all.splice(FakeBrowserWindow.all.indexOf(this), 1);
    this.emit('closed');
    if (FakeBrowserWindow.all.length === 0) fake?.app.emit('window-all-closed');
  }
}

type IpcHandler = (event: unknown, ...args: unknown[]) => unknown;

class FakeApp extends EventEmitter {
  readonly paths = new Map<string, string>();
  readonly isPackaged: boolean;
  quitRequests = 0;
  quitted = false;
  lockRequested = false;
  private readyResolve: (() => void) | null = null;
  private readonly readyPromise = new Promise<void>((resolve) => {
    this.readyResolve = resolve;
  });

  constructor(private readonly options: FakeElectronOptions) {
    super();
    this.isPackaged = options.packaged ?? false;
  }
  setPath(name: string, path: string): void {
    this.paths.set(name, path);
  }
  getPath(name: string): string {
    const p = this.paths.get(name);
    if (!p) throw new Error(`fake electron: no path for ${name}`);
    return p;
  }
  getAppPath(): string {
    return this.options.appPath;
  }
  requestSingleInstanceLock(): boolean {
    this.lockRequested = true;
    return this.options.singleInstanceLock;
  }
  whenReady(): Promise<void> {
    return this.readyPromise;
  }
  /** What Electron does once it has started: the shell's `whenReady` callbacks run. */
  ready(): void {
    this.readyResolve?.();
    this.emit('ready');
  }
  /** As Electron: `will-quit` may be prevented (the shell does, to close its database first). */
  quit(): void {
    this.quitRequests++;
    if (this.quitted) return;
    let prevented = false;
    this.emit('will-quit', {
      preventDefault: () => {
        prevented = true;
      },
    });
    if (prevented) return;
    this.quitted = true;
    this.emit('quit');
  }
}

export interface FakeElectron {
  module: Record<string, unknown>;
  app: FakeApp;
  ipcHandlers: Map<string, IpcHandler>;
  errorBoxes: { title: string; content: string }[];
  permissionHandler: ((wc: unknown, permission: string, callback: (allowed: boolean) => void) => void) | null;
  /** `session.setPermissionCheckHandler`'s handler: Chromium asks it synchronously. */
  permissionCheckHandler:
    | ((wc: unknown, permission: string, requestingOrigin: string, details: Record<string, unknown>) => boolean)
    | null;
  /** Answers for the next native open/save/folder dialogs, in order; none left is a cancel. */
  dialogAnswers: DialogAnswer[];
  /** Each native dialog shown: which kind and its options. */
  dialogs: { kind: 'open' | 'save'; options: Record<string, unknown> }[];
  /** Paths the shell showed in the file manager (shell.showItemInFolder). */
  shownInFolder: string[];
}

let fake: FakeElectron | null = null;

export function createFakeElectron(options: FakeElectronOptions): FakeElectron {
  FakeBrowserWindow.all.length = 0;
  const ipcHandlers = new Map<string, IpcHandler>();
  const made: FakeElectron = {
    app: new FakeApp(options),
    ipcHandlers,
    errorBoxes: [],
    permissionHandler: null,
    permissionCheckHandler: null,
    dialogAnswers: [],
    dialogs: [],
    shownInFolder: [],
    module: {},
  };
  // Electron's signature: (options) or (parentWindow, options).
  const optionsOf = (a: unknown, b: unknown) => (b ?? a) as Record<string, unknown>;
  const nextAnswer = () => made.dialogAnswers.shift() ?? [];
  made.module = {
    app: made.app,
    BrowserWindow: FakeBrowserWindow,
    ipcMain: {
      handle: (channel: string, handler: IpcHandler) => {
        if (ipcHandlers.has(channel)) throw new Error(`fake electron: second handler for ${channel}`);
        ipcHandlers.set(channel, handler);
      },
    },
    dialog: {
      showErrorBox: (title: string, content: string) => made.errorBoxes.push({ title, content }),
      showOpenDialog: (a: unknown, b?: unknown) => {
        made.dialogs.push({ kind: 'open', options: optionsOf(a, b) });
        const filePaths = nextAnswer();
        return Promise.resolve({ canceled: filePaths.length === 0, filePaths });
      },
      showSaveDialog: (a: unknown, b?: unknown) => {
        made.dialogs.push({ kind: 'save', options: optionsOf(a, b) });
        const [filePath] = nextAnswer();
        return Promise.resolve(
          filePath === undefined ? { canceled: true, filePath: '' } : { canceled: false, filePath },
        );
      },
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: FakeElectron['permissionHandler']) => {
          made.permissionHandler = handler;
        },
        setPermissionCheckHandler: (handler: FakeElectron['permissionCheckHandler']) => {
          made.permissionCheckHandler = handler;
        },
      },
    },
    screen: {
      getPrimaryDisplay: () => ({
        workArea: options.workArea,
        workAreaSize: { width: options.workArea.width, height: options.workArea.height },
      }),
    },
    shell: { showItemInFolder: (path: string) => made.shownInFolder.push(path) },
  };
  fake = made;
  return made;
}

type LoadFn = (request: string, parent: unknown, isMain: boolean) => unknown;
const moduleWithLoad = Module as unknown as { _load: LoadFn };

/**
 * Loads a CommonJS bundle with `require('electron')` answered by the fake, fresh each time (the
 * bundle and its chunks are dropped from the require cache first, so a second load is a second
 * process start as far as the bundle can tell).
 */
export function loadWithFakeElectron(bundle: string, electron: FakeElectron, freshUnder: string): void {
  const require = Module.createRequire(bundle);
  for (const key of Object.keys(require.cache)) if (key.startsWith(freshUnder)) delete require.cache[key];
  const original = moduleWithLoad._load;
  moduleWithLoad._load = function load(this: unknown, request: string, parent: unknown, isMain: boolean) {
    if (request === 'electron') return electron.module;
    return original.call(this, request, parent, isMain);
  };
  try {
    require(bundle);
  } finally {
    moduleWithLoad._load = original;
  }
}
