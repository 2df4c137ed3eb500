import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;
const EXTEND = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end`;

/**
 * A Redis lock with an owner token: `SET key token NX PX ttl` to take it and
 * compare-and-delete to release, so a worker whose lock expired can never
 * release the lock another worker now holds.
 */
export class RedisMutex {
  constructor(private readonly redis: Redis) {}

  /** Returns the owner token, or undefined when someone else holds the lock. */
  async acquire(key: string, ttlMs: number): Promise<string | undefined> {
    const token = randomUUID();
    const result = await this.redis.set(key, token, 'PX', ttlMs, 'NX');
    return result === 'OK' ? token : undefined;
  }

  /** Pushes the expiry out while the owner works; false when the lock was lost. */
  async extend(key: string, token: string, ttlMs: number): Promise<boolean> {
    const extended = await this.redis.eval(EXTEND, 1, key, token, ttlMs);
    return extended === 1;
  }

  /**
   * Holds the lock while `work` runs, renewing it every third of `ttlMs`, so
   * a crashed owner frees it within `ttlMs` while a slow one keeps it.
   * Returns undefined without running `work` when someone else holds it.
   */
  async withLock<T>(
    key: string,
    ttlMs: number,
    work: () => Promise<T>,
  ): Promise<{ value: T } | undefined> {
    const token = await this.acquire(key, ttlMs);
    if (!token) return undefined;
    const renew = setInterval(() => {
      void this.extend(key, token, ttlMs).catch(() => undefined);
    }, ttlMs / 3);
    try {
      return { value: await work() };
    } finally {
      clearInterval(renew);
      await this.release(key, token);
    }
  }

  /** True when this token still held the lock and released it. */
  async release(key: string, token: string): Promise<boolean> {
    const deleted = await this.redis.eval(RELEASE, 1, key, token);
    return deleted === 1;
  }
}
