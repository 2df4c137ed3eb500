import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

/**
 * The desktop app end to end: the built main process starts the core, the
 * sandboxed preload exposes the contract, and a call travels over IPC.
 * Needs the Electron binary and a build (`npm run build`).
 */
function electronBinary(): string | undefined {
  const require = createRequire(__filename);
  try {
    const pathFile = join(
      dirname(require.resolve('electron/package.json')),
      'path.txt',
    );
    if (!existsSync(pathFile)) return undefined;
    const binary: unknown = require('electron');
    return typeof binary === 'string' && existsSync(binary)
      ? binary
      : undefined;
  } catch {
    return undefined;
  }
}

const binary = electronBinary();

/** What the preload puts on the page's global object. */
type PanelGlobal = {
  lockstep?: Record<string, ((input: object) => Promise<unknown>) | undefined>;
};

test('the desktop window answers contract calls over IPC', async () => {
  test.skip(!binary, 'skipped: no Electron binary');
  if (!binary) return;
  const userDataDir = mkdtempSync(join(tmpdir(), 'lockstep-electron-'));
  const app = await electron.launch({
    executablePath: binary,
    args: ['out/main/index.js'],
    env: { ...process.env, LOCKSTEP_USER_DATA_DIR: userDataDir, REDIS_URL: '' },
  });
  try {
    const page = await app.firstWindow();
    const call = (channel: string, input: object) =>
      page.evaluate(
        ([c, i]) => (globalThis as unknown as PanelGlobal).lockstep?.[c]?.(i),
        [channel, input] as const,
      );

    await expect
      .poll(() =>
        page.evaluate(() => typeof (globalThis as PanelGlobal).lockstep),
      )
      .toBe('object');
    expect(await call('app:info', {})).toMatchObject({
      ok: true,
      value: { redis: 'embedded' },
    });
    expect(await call('locks:save', { name: '' })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
  } finally {
    await app.close();
    rmSync(userDataDir, { recursive: true, force: true });
  }
});
