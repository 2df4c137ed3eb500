import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../src/shared';
import {
  FakeBrowserWindow,
  fake,
  fakeCore,
  memoryLogger,
  resetFakeElectron,
} from '../helpers/fake-electron';

vi.mock(
  'electron',
  async () => (await import('../helpers/fake-electron')).electronModule,
);
const { runDesktopApp } = await import('../../src/main/lifecycle');

const paths = {
  preload: '/app/out/preload/index.js',
  rendererHtml: '/app/out/renderer/index.html',
};

function start(startCore: () => Promise<ReturnType<typeof fakeCore>['core']>) {
  const logger = memoryLogger();
  runDesktopApp({ startCore, paths, log: logger.log });
  return logger;
}

describe('runDesktopApp', () => {
  beforeEach(() => resetFakeElectron());
  afterEach(() => {
    process.exitCode = undefined;
  });

  it('starts the core only once Electron is ready, then wires IPC before the window', async () => {
    const { core } = fakeCore();
    const startCore = vi.fn(() => Promise.resolve(core));
    start(startCore);
    expect(startCore).not.toHaveBeenCalled();

    fake.app.becomeReady();
    await vi.waitFor(() => expect(FakeBrowserWindow.all).toHaveLength(1));

    expect(startCore).toHaveBeenCalledTimes(1);
    expect(FakeBrowserWindow.all[0]?.ipcHandlersWhenCreated).toBe(
      CHANNELS.length,
    );
  });

  it('closes the core exactly once however often quit is asked, then quits', async () => {
    const { core } = fakeCore();
    start(() => Promise.resolve(core));
    fake.app.becomeReady();
    await vi.waitFor(() => expect(FakeBrowserWindow.all).toHaveLength(1));

    fake.app.quit();
    fake.app.quit();
    await vi.waitFor(() => expect(fake.app.hasQuit).toBe(true));

    expect(core.close).toHaveBeenCalledTimes(1);
    expect(fake.handlers.size).toBe(0);
  });

  it('still quits when closing the core fails, and logs why', async () => {
    const { core } = fakeCore();
    core.close.mockRejectedValue(new Error('redis stuck'));
    const { entries } = start(() => Promise.resolve(core));
    fake.app.becomeReady();
    await vi.waitFor(() => expect(FakeBrowserWindow.all).toHaveLength(1));

    fake.app.quit();
    await vi.waitFor(() => expect(fake.app.hasQuit).toBe(true));

    expect(entries).toContainEqual({
      level: 'error',
      message: 'closing the core failed',
    });
  });

  it('tells the user and quits with a failure code when the core cannot start', async () => {
    start(() => Promise.reject(new Error('no redis-server found')));
    fake.app.becomeReady();

    await vi.waitFor(() => expect(fake.app.hasQuit).toBe(true));
    expect(fake.showErrorBox).toHaveBeenCalledWith(
      'Lockstep could not start',
      'no redis-server found',
    );
    expect(process.exitCode).toBe(1);
    expect(FakeBrowserWindow.all).toHaveLength(0);
  });

  it('a second launch quits without starting another core', async () => {
    fake.app.requestSingleInstanceLock.mockReturnValue(false);
    const startCore = vi.fn(() => Promise.resolve(fakeCore().core));
    start(startCore);
    fake.app.becomeReady();

    await vi.waitFor(() => expect(fake.app.hasQuit).toBe(true));
    expect(startCore).not.toHaveBeenCalled();
  });

  it('a second launch brings the existing window forward', async () => {
    const { core } = fakeCore();
    start(() => Promise.resolve(core));
    fake.app.becomeReady();
    await vi.waitFor(() => expect(FakeBrowserWindow.all).toHaveLength(1));

    fake.app.emit('second-instance');

    expect(FakeBrowserWindow.all).toHaveLength(1);
    expect(FakeBrowserWindow.all[0]?.focus).toHaveBeenCalled();
  });
});
