import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, session } from 'electron';
import type { Logger } from '../core/log';
import { contentSecurityPolicy } from '../serve/http/csp';
import { setupNavigationGuard } from './navigation';

/** Where the built bundles sit relative to out/main/index.js. */
export interface WindowPaths {
  preload: string;
  rendererHtml: string;
  /** The Vite dev server, honoured only when the app is not packaged. */
  devServerUrl?: string;
}

export function defaultWindowPaths(env = process.env): WindowPaths {
  const devServerUrl = app.isPackaged ? undefined : env.ELECTRON_RENDERER_URL;
  return {
    preload: join(__dirname, '../preload/index.js'),
    rendererHtml: join(__dirname, '../renderer/index.html'),
    ...(devServerUrl ? { devServerUrl } : {}),
  };
}

/** The panel's URL: the dev server in development, else the built file. */
export function panelUrl(paths: WindowPaths): string {
  return paths.devServerUrl ?? pathToFileURL(paths.rendererHtml).href;
}

/**
 * Adds the panel's Content-Security-Policy to every response the default
 * session receives; the window can only ever show the panel, so every
 * document it loads is ours.
 */
export function setupContentSecurityPolicy(paths: WindowPaths): void {
  const devServerOrigin = paths.devServerUrl
    ? new URL(paths.devServerUrl).origin
    : undefined;
  const policy = contentSecurityPolicy(
    devServerOrigin ? { devServerOrigin } : {},
  );
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: {
        ...details.responseHeaders,
        'Content-Security-Policy': [policy],
      },
    });
  });
}

/** Opens the panel window, isolated and sandboxed, and loads the panel. */
export function createWindow(paths: WindowPaths, log: Logger): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Lockstep',
    icon: join(__dirname, '../../resources/icon.png'),
    webPreferences: {
      preload: paths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    },
  });
  // Showing only once painted avoids a blank white flash.
  window.once('ready-to-show', () => window.show());

  const url = panelUrl(paths);
  setupNavigationGuard(window.webContents, url, log);
  const loading = paths.devServerUrl
    ? window.loadURL(url)
    : window.loadFile(paths.rendererHtml);
  loading.catch((error: unknown) => {
    log.error('panel failed to load', { url, error: String(error) });
  });
  return window;
}
