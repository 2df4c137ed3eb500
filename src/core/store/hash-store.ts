import type { Redis } from 'ioredis';
import type { z } from 'zod';
import type { Logger } from '../log';

/**
 * JSON records in one Redis hash, parsed on every read. A record that no
 * longer parses is logged and skipped rather than crashing a list.
 */
export class HashStore<S extends z.ZodType> {
  constructor(
    private readonly redis: Redis,
    private readonly key: string,
    private readonly schema: S,
    private readonly log: Logger,
  ) {}

  async get(field: string): Promise<z.infer<S> | undefined> {
    const raw = await this.redis.hget(this.key, field);
    return raw === null ? undefined : this.parse(field, raw);
  }

  async all(): Promise<z.infer<S>[]> {
    const entries = await this.redis.hgetall(this.key);
    const out: z.infer<S>[] = [];
    for (const [field, raw] of Object.entries(entries)) {
      const value = this.parse(field, raw);
      if (value !== undefined) out.push(value);
    }
    return out;
  }

  /** The records at `fields` that exist, in one round trip. */
  async many(fields: string[]): Promise<z.infer<S>[]> {
    if (fields.length === 0) return [];
    const raw = await this.redis.hmget(this.key, ...fields);
    const out: z.infer<S>[] = [];
    raw.forEach((value, i) => {
      const parsed =
        value === null ? undefined : this.parse(fields[i] ?? '', value);
      if (parsed !== undefined) out.push(parsed);
    });
    return out;
  }

  async put(field: string, value: z.infer<S>): Promise<void> {
    await this.redis.hset(this.key, field, JSON.stringify(value));
  }

  async remove(field: string): Promise<void> {
    await this.redis.hdel(this.key, field);
  }

  private parse(field: string, raw: string): z.infer<S> | undefined {
    try {
      const parsed = this.schema.safeParse(JSON.parse(raw));
      if (parsed.success) return parsed.data;
      this.log.warn('stored record does not parse', {
        key: this.key,
        field,
        error: parsed.error.message,
      });
    } catch (error) {
      this.log.warn('stored record is not JSON', {
        key: this.key,
        field,
        error: String(error),
      });
    }
    return undefined;
  }
}
