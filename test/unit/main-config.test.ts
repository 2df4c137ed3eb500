import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  fake,
  memoryLogger,
  resetFakeElectron,
} from '../helpers/fake-electron';

vi.mock(
  'electron',
  async () => (await import('../helpers/fake-electron')).electronModule,
);
const { desktopOptions } = await import('../../src/main/config');

describe('desktopOptions', () => {
  let dir: string;
  beforeEach(() => {
    resetFakeElectron();
    dir = mkdtempSync(join(tmpdir(), 'lockstep-config-'));
    fake.app.userDataDir = dir;
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps data in the per-user folder and uses embedded Redis by default', async () => {
    const { options, start } = await desktopOptions(memoryLogger().log, {});

    expect(options.dataDir).toBe(dir);
    expect(options.redisUrl).toBeUndefined();
    expect(start.installKey).toHaveLength(32);
  });

  it('joins a shared Redis when REDIS_URL is set', async () => {
    const { options } = await desktopOptions(memoryLogger().log, {
      REDIS_URL: 'redis://10.0.0.5:6380/0',
    });

    expect(options.redisUrl).toBe('redis://10.0.0.5:6380/0');
  });

  it('rejects a REDIS_URL that is not a URL, naming the field when it is not a URL', async () => {
    await expect(
      desktopOptions(memoryLogger().log, { REDIS_URL: 'not a url' }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
      options: { fields: [expect.objectContaining({ field: 'redisUrl' })] },
    });
  });
});
