import { shell, type WebContents } from 'electron';
import type { Logger } from '../core/log';

/**
 * True when `target` is the panel itself: the same origin as the dev server,
 * or the same built `index.html` (query and hash may differ).
 */
export function isPanelUrl(target: string, panelUrl: string): boolean {
  const to = parseUrl(target);
  const panel = parseUrl(panelUrl);
  if (!to || !panel) return false;
  if (panel.protocol === 'file:') {
    return to.protocol === 'file:' && to.pathname === panel.pathname;
  }
  return to.origin === panel.origin;
}

/** Only web links may leave the app, and only to the system browser. */
export function isExternalWebUrl(target: string): boolean {
  const url = parseUrl(target);
  return url?.protocol === 'https:' || url?.protocol === 'http:';
}

/**
 * Keeps the window on the panel: navigation and redirects elsewhere are
 * stopped, every `window.open` is denied, and web links open in the system
 * browser instead.
 */
export function setupNavigationGuard(
  contents: WebContents,
  panelUrl: string,
  log: Logger,
): void {
  const guard = (event: { url: string; preventDefault(): void }) => {
    if (isPanelUrl(event.url, panelUrl)) return;
    event.preventDefault();
    log.warn('blocked navigation away from the panel', { url: event.url });
  };
  contents.on('will-navigate', guard);
  contents.on('will-redirect', guard);

  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalWebUrl(url)) {
      shell.openExternal(url).catch((error: unknown) => {
        log.warn('could not open link in the browser', {
          url,
          error: String(error),
        });
      });
    }
    return { action: 'deny' };
  });
}

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}
