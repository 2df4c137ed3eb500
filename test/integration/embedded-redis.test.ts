import {
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
} from 'node:fs';
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

  it('stops a redis-server left running by a killed Lockstep before starting on the same data', async () => {
    const dataDir = tempDir();
    const first = await startEmbeddedRedis(dataDir, log);
    const firstClient = new Redis(first.url);
    await firstClient.set('kept', 'yes');
    const pid = Number(
      readFileSync(join(dataDir, 'redis', 'redis.pid'), 'utf8'),
    );
    firstClient.disconnect();
    // Lockstep was killed: nobody calls first.stop().
    const second = await startEmbeddedRedis(dataDir, log);
    expect(() => process.kill(pid, 0)).toThrow();
    const client = new Redis(second.url);
    expect(await client.get('kept')).toBe('yes');
    await client.quit();
    await second.stop();
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
