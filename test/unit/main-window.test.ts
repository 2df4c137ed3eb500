import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  FakeBrowserWindow,
  fake,
  fakeEvent,
  memoryLogger,
  resetFakeElectron,
} from '../helpers/fake-electron';

vi.mock(
  'electron',
  async () => (await import('../helpers/fake-electron')).electronModule,
);
const { createWindow, setupContentSecurityPolicy } =
  await import('../../src/main/window');

const builtPaths = {
  preload: '/app/out/preload/index.js',
  rendererHtml: '/app/out/renderer/index.html',
};

function openWindow(paths: Parameters<typeof createWindow>[0] = builtPaths) {
  createWindow(paths, memoryLogger().log);
  const window = FakeBrowserWindow.all.at(-1);
  if (!window) throw new Error('no window was created');
  return window;
}

function navigate(window: FakeBrowserWindow, event: string, url: string) {
  const e = fakeEvent(url);
  window.webContents.emit(event, e);
  return e.isDefaultPrevented;
}

describe('createWindow', () => {
  beforeEach(() => resetFakeElectron());

  it('isolates and sandboxes the panel and gives it only the preload', () => {
    const window = openWindow();

    expect(window.options.webPreferences).toEqual({
      preload: builtPaths.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(window.loadFile).toHaveBeenCalledWith(builtPaths.rendererHtml);
  });

  it('stays on the built panel: other pages and redirects are stopped', () => {
    const window = openWindow();

    expect(navigate(window, 'will-navigate', 'https://evil.example/')).toBe(
      true,
    );
    expect(navigate(window, 'will-navigate', 'file:///etc/passwd')).toBe(true);
    expect(navigate(window, 'will-redirect', 'https://evil.example/')).toBe(
      true,
    );
    expect(
      navigate(
        window,
        'will-navigate',
        'file:///app/out/renderer/index.html#/jobs',
      ),
    ).toBe(false);
  });

  it('allows the dev server origin only, when one is given', () => {
    const window = openWindow({
      ...builtPaths,
      devServerUrl: 'http://localhost:5173',
    });

    expect(window.loadURL).toHaveBeenCalledWith('http://localhost:5173');
    expect(
      navigate(window, 'will-navigate', 'http://localhost:5173/jobs'),
    ).toBe(false);
    expect(navigate(window, 'will-navigate', 'http://localhost:6000/')).toBe(
      true,
    );
  });

  it('denies every window.open and sends only web links to the browser', () => {
    const window = openWindow();
    const open = window.webContents.windowOpenHandler;
    if (!open) throw new Error('no window open handler');

    expect(open({ url: 'https://help.example/pins' })).toEqual({
      action: 'deny',
    });
    expect(open({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(open({ url: 'javascript:alert(1)' })).toEqual({ action: 'deny' });

    expect(fake.openExternal.mock.calls).toEqual([
      ['https://help.example/pins'],
    ]);
  });
});

describe('setupContentSecurityPolicy', () => {
  beforeEach(() => resetFakeElectron());

  it('adds a policy that forbids inline and foreign scripts to responses', () => {
    setupContentSecurityPolicy(builtPaths);
    const callback = vi.fn();

    expect(fake.headerListener).toBeDefined();
    fake.headerListener?.({ responseHeaders: { 'X-Other': ['1'] } }, callback);

    const headers = (
      callback.mock.calls[0]?.[0] as {
        responseHeaders: Record<string, string[]>;
      }
    ).responseHeaders;
    expect(headers['X-Other']).toEqual(['1']);
    const policy = headers['Content-Security-Policy']?.[0] ?? '';
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe-inline/);
  });
});
