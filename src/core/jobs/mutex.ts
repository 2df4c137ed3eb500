import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';

const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

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

  /** True when this token still held the lock and released it. */
  async release(key: string, token: string): Promise<boolean> {
    const deleted = await this.redis.eval(RELEASE, 1, key, token);
    return deleted === 1;
  }
}
