import { app, BrowserWindow, dialog } from 'electron';
import type { LockstepCore } from '../core/app';
import { describeUnknown } from '../core/dispatch';
import type { Logger } from '../core/log';
import { setupIpc } from './ipc';
import {
  createWindow,
  setupContentSecurityPolicy,
  type WindowPaths,
} from './window';

export interface DesktopAppOptions {
  /** Starts the core; called once, after Electron is ready. */
  startCore: () => Promise<LockstepCore>;
  paths: WindowPaths;
  log: Logger;
  /** How long quitting waits for the core to close, in ms. */
  closeTimeoutMs?: number;
}

/**
 * Runs the desktop app: one instance per user; once Electron is ready the
 * core starts, then IPC, then the window. Quitting closes the core exactly
 * once (workers, queues, Redis) before the process exits.
 */
export function runDesktopApp(options: DesktopAppOptions): void {
  const { paths, log } = options;
  if (!app.requestSingleInstanceLock()) {
    log.info('Lockstep is already running; focusing that window');
    app.quit();
    return;
  }

  let core: Promise<LockstepCore> | undefined;
  let disposeIpc: (() => void) | undefined;
  let closing: Promise<void> | undefined;
  let isClosed = false;

  const showWindow = () => {
    const [existing] = BrowserWindow.getAllWindows();
    if (!existing) return void createWindow(paths, log);
    if (existing.isMinimized()) existing.restore();
    existing.focus();
  };

  const closeCore = async () => {
    disposeIpc?.();
    const started = await core?.catch(() => undefined);
    if (!started) return;
    await withTimeout(started.close(), options.closeTimeoutMs ?? 10_000);
  };

  // A window opened before IPC is wired would find no handlers.
  const showIfStarted = () => {
    if (disposeIpc && !closing) showWindow();
  };
  app.on('second-instance', showIfStarted);
  app.on('activate', showIfStarted);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  // Electron does not wait for async work here, so the first quit is held
  // back until the core has closed and then repeated.
  app.on('before-quit', (event) => {
    if (isClosed) return;
    event.preventDefault();
    closing ??= closeCore()
      .catch((error: unknown) => {
        log.error('closing the core failed', { error: describeUnknown(error) });
      })
      .finally(() => {
        isClosed = true;
        app.quit();
      });
  });

  app
    .whenReady()
    .then(async () => {
      if (closing) return;
      setupContentSecurityPolicy(paths);
      core = options.startCore();
      disposeIpc = setupIpc(await core, log);
      createWindow(paths, log);
    })
    .catch((error: unknown) => {
      const message = describeUnknown(error);
      log.error('Lockstep could not start', { error: message });
      dialog.showErrorBox('Lockstep could not start', message);
      process.exitCode = 1;
      app.quit();
    });
}

async function withTimeout(work: Promise<void>, timeoutMs: number) {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`core did not close within ${timeoutMs} ms`)),
      timeoutMs,
    );
  });
  try {
    await Promise.race([work, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
