import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/core/log';
import { startEmbeddedRedis } from '../../src/core/redis/embedded';

const log = createLogger('test', { level: 'error' });
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'lockstep-embedded-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0))
    rmSync(dir, { recursive: true, force: true });
});

describe('embedded redis-server', () => {
  it('starts on 127.0.0.1 with append-only persistence in the data directory and stops on close', async () => {
    const dataDir = tempDir();
    const embedded = await startEmbeddedRedis(dataDir, log);
    expect(embedded.url).toMatch(/^redis:\/\/127\.0\.0\.1:\d+$/);
    const client = new Redis(embedded.url);
    expect(await client.config('GET', 'appendonly')).toEqual([
      'appendonly',
      'yes',
    ]);
    await client.set('survives', 'restart');
    await client.quit();
    await embedded.stop();
    await embedded.stop();

    // The same data directory brings the data back.
    const again = await startEmbeddedRedis(dataDir, log);
    const second = new Redis(again.url);
    expect(await second.get('survives')).toBe('restart');
    await second.quit();
    await again.stop();
    expect(existsSync(join(dataDir, 'redis'))).toBe(true);
    expect(
      readdirSync(join(dataDir, 'redis')).some((f) =>
        f.startsWith('appendonly'),
      ),
    ).toBe(true);
  });

  it('says in one sentence what to install when redis-server is not on the PATH', async () => {
    const path = process.env.PATH;
    process.env.PATH = tempDir();
    try {
      await expect(startEmbeddedRedis(tempDir(), log)).rejects.toThrow(
        /^Lockstep needs Redis: install redis-server .* or set REDIS_URL/,
      );
    } finally {
      process.env.PATH = path;
    }
  });
});
