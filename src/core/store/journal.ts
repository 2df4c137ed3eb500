import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { AuditEntryView, ProblemView } from '../../shared';

const KEEP = 1000;

/**
 * Append-only lists the host browses: problems (rejected input, failed work)
 * and the audit log (who did what from which machine). Newest first.
 */
export class Journal {
  constructor(
    private readonly redis: Redis,
    private readonly keys: {
      problems: string;
      problemKeys: string;
      audit: string;
    },
    private readonly machine: string,
  ) {}

  /**
   * Records a problem. One with a `key` is recorded once while it lasts: a
   * second report of the same key adds nothing (a set of open keys makes
   * that check one round trip).
   */
  async problem(entry: Omit<ProblemView, 'id' | 'atMs'>): Promise<ProblemView> {
    const full: ProblemView = { id: randomUUID(), atMs: Date.now(), ...entry };
    if (entry.key) {
      const isNew = await this.redis.sadd(this.keys.problemKeys, entry.key);
      if (isNew === 0) return full;
    }
    await this.push(this.keys.problems, full);
    return full;
  }

  /** Removes the problem listed under `key`, once its condition is over. */
  async resolve(key: string): Promise<void> {
    const wasOpen = await this.redis.srem(this.keys.problemKeys, key);
    if (wasOpen === 0) return;
    const raw = await this.redis.lrange(this.keys.problems, 0, -1);
    for (const line of raw) {
      if ((JSON.parse(line) as ProblemView).key === key) {
        await this.redis.lrem(this.keys.problems, 1, line);
      }
    }
  }

  async audit(actor: string, action: string, detail: string): Promise<void> {
    const entry: AuditEntryView = {
      atMs: Date.now(),
      actor,
      machine: this.machine,
      action,
      detail,
    };
    await this.push(this.keys.audit, entry);
  }

  problems(limit = 200): Promise<ProblemView[]> {
    return this.read<ProblemView>(this.keys.problems, limit);
  }

  auditLog(limit = 200): Promise<AuditEntryView[]> {
    return this.read<AuditEntryView>(this.keys.audit, limit);
  }

  private async push(key: string, entry: object): Promise<void> {
    if (key === this.keys.problems) await this.forgetKeysOfOldest();
    await this.redis
      .multi()
      .lpush(key, JSON.stringify(entry))
      .ltrim(key, 0, KEEP - 1)
      .exec();
  }

  /** Entries about to fall off the list take their open keys with them. */
  private async forgetKeysOfOldest(): Promise<void> {
    const leaving = await this.redis.lrange(this.keys.problems, KEEP - 1, -1);
    const keys = leaving
      .map((line) => (JSON.parse(line) as ProblemView).key)
      .filter((k): k is string => k !== undefined);
    if (keys.length > 0) await this.redis.srem(this.keys.problemKeys, ...keys);
  }

  private async read<T>(key: string, limit: number): Promise<T[]> {
    const raw = await this.redis.lrange(key, 0, limit - 1);
    return raw.map((line) => JSON.parse(line) as T);
  }
}
