import { vi } from 'vitest';
import {
  CHANNELS,
  type ChangeTopic,
  type Channel,
  type LockstepHandlers,
} from '../../src/shared';
import type { LockstepCore } from '../../src/core/app';
import type { Logger } from '../../src/core/log';

/**
 * A stand-in for the `electron` module that records what the main process
 * and the preload register. Use it with
 * `vi.mock('electron', async () => (await import('../helpers/fake-electron')).electronModule)`
 * and call `resetFakeElectron()` in `beforeEach`.
 */
type Listener = (...args: unknown[]) => unknown;

class Emitter {
  readonly listeners = new Map<string, Listener[]>();
  on(event: string, listener: Listener): this {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), listener]);
    return this;
  }
  once(event: string, listener: Listener): this {
    return this.on(event, listener);
  }
  removeListener(event: string, listener: Listener): this {
    const kept = (this.listeners.get(event) ?? []).filter(
      (l) => l !== listener,
    );
    this.listeners.set(event, kept);
    return this;
  }
  emit(event: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(event) ?? []) listener(...args);
  }
}

/** What Electron hands to 'will-navigate' and 'before-quit' listeners. */
export function fakeEvent(url = '') {
  return {
    url,
    isDefaultPrevented: false,
    preventDefault() {
      this.isDefaultPrevented = true;
    },
  };
}

class FakeWebContents extends Emitter {
  windowOpenHandler: ((details: { url: string }) => unknown) | undefined;
  readonly send = vi.fn();
  setWindowOpenHandler(handler: (details: { url: string }) => unknown) {
    this.windowOpenHandler = handler;
  }
}

export class FakeBrowserWindow extends Emitter {
  static readonly all: FakeBrowserWindow[] = [];
  static getAllWindows = () => [...FakeBrowserWindow.all];
  readonly webContents = new FakeWebContents();
  readonly loadURL = vi.fn(() => Promise.resolve());
  readonly loadFile = vi.fn(() => Promise.resolve());
  readonly focus = vi.fn();
  readonly show = vi.fn();
  readonly restore = vi.fn();
  isDestroyed = () => false;
  isMinimized = () => false;
  /** How many IPC handlers existed when the window was made (start order). */
  readonly ipcHandlersWhenCreated = fake.handlers.size;
  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.all.push(this);
  }
}

class FakeApp extends Emitter {
  isPackaged = false;
  userDataDir = '/nonexistent';
  hasQuit = false;
  private markReady: () => void = () => undefined;
  private readonly ready = new Promise<void>((resolve) => {
    this.markReady = resolve;
  });
  requestSingleInstanceLock = vi.fn(() => true);
  whenReady = () => this.ready;
  /** Fires `app.whenReady()`, as Electron does once it has started. */
  becomeReady(): void {
    this.markReady();
  }
  getPath = (name: string) => (name === 'userData' ? this.userDataDir : '');
  getVersion = () => '0.0.0-test';
  /** Like Electron: 'before-quit' listeners may hold the quit back. */
  quit = vi.fn(() => {
    const event = fakeEvent();
    this.emit('before-quit', event);
    if (!event.isDefaultPrevented) this.hasQuit = true;
  });
}

/** A sealing that is reversible but visibly not the plain text. */
const safeStorage = {
  isAvailable: true,
  backend: 'gnome_libsecret',
  isEncryptionAvailable: () => safeStorage.isAvailable,
  getSelectedStorageBackend: () => safeStorage.backend,
  encryptString: (text: string) =>
    Buffer.from(`sealed:${Buffer.from(text).toString('hex')}`),
  decryptString: (blob: Buffer) =>
    Buffer.from(blob.toString().replace(/^sealed:/, ''), 'hex').toString(),
};

function createState() {
  const handlers = new Map<string, Listener>();
  return {
    app: new FakeApp(),
    safeStorage,
    handlers,
    ipcMain: {
      handle: vi.fn((channel: string, fn: Listener) =>
        handlers.set(channel, fn),
      ),
      removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
    },
    ipcRenderer: Object.assign(new Emitter(), { invoke: vi.fn() }),
    exposed: new Map<string, unknown>(),
    headerListener: undefined as Listener | undefined,
    openExternal: vi.fn((_url: string) => Promise.resolve()),
    showErrorBox: vi.fn((_title: string, _message: string) => undefined),
  };
}

export let fake = createState();

export function resetFakeElectron(): void {
  fake = createState();
  FakeBrowserWindow.all.length = 0;
  safeStorage.isAvailable = true;
  safeStorage.backend = 'gnome_libsecret';
}

/** The module object `vi.mock('electron')` returns; reads the current fake. */
export const electronModule = {
  get app() {
    return fake.app;
  },
  get ipcMain() {
    return fake.ipcMain;
  },
  get ipcRenderer() {
    return fake.ipcRenderer;
  },
  BrowserWindow: FakeBrowserWindow,
  safeStorage,
  shell: { openExternal: (url: string) => fake.openExternal(url) },
  dialog: { showErrorBox: (t: string, m: string) => fake.showErrorBox(t, m) },
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) =>
      fake.exposed.set(key, api),
  },
  session: {
    defaultSession: {
      webRequest: {
        onHeadersReceived: (listener: Listener) => {
          fake.headerListener = listener;
        },
      },
    },
  },
};

/** Calls a registered `ipcMain.handle` handler as the renderer would. */
export function invokeHandler(
  channel: string,
  input: unknown,
): Promise<unknown> {
  const handler = fake.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  return Promise.resolve(handler({}, input));
}

/** A logger that keeps its entries, so tests can check what was reported. */
export function memoryLogger() {
  const entries: { level: string; message: string }[] = [];
  const log: Logger = {
    debug: (message) => entries.push({ level: 'debug', message }),
    info: (message) => entries.push({ level: 'info', message }),
    warn: (message) => entries.push({ level: 'warn', message }),
    error: (message) => entries.push({ level: 'error', message }),
    child: () => log,
  };
  return { log, entries };
}

/**
 * A core stand-in for the hosts' tests: every channel a `vi.fn()`, change
 * pushes driven by `emitChange`, webhook answers by `receiveWebhook`.
 */
export function fakeCore() {
  const listeners = new Set<(topics: ChangeTopic[]) => void>();
  const handlers = Object.fromEntries(
    CHANNELS.map((c) => [c, vi.fn(() => Promise.resolve(null))]),
  ) as unknown as LockstepHandlers & Record<Channel, ReturnType<typeof vi.fn>>;
  const unsubscribe = vi.fn();
  const core = {
    info: {
      version: '0.0.0-test',
      machine: 'test',
      machineTimeZone: 'UTC',
      isDemoMode: true,
      redis: 'embedded',
    },
    handlers,
    onChange: vi.fn((listener: (topics: ChangeTopic[]) => void) => {
      listeners.add(listener);
      return () => {
        unsubscribe();
        listeners.delete(listener);
      };
    }),
    receiveWebhook: vi.fn(
      (_rawBody: Buffer, _headers: Record<string, string | undefined>) =>
        Promise.resolve<{ status: number; body: unknown }>({
          status: 202,
          body: {},
        }),
    ),
    close: vi.fn(() => Promise.resolve()),
  } satisfies LockstepCore;
  const emitChange = (topics: ChangeTopic[]) => {
    for (const listener of listeners) listener(topics);
  };
  return { core, handlers, emitChange, listeners, unsubscribe };
}
