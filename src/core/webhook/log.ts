import { createHash } from 'node:crypto';
import type { WebhookEventView } from '../../shared';
import type { CoreContext } from '../context';

const KEEP = 2000;

/** A delivery as stored: its view plus the exact body, for replay. */
export interface StoredWebhook extends WebhookEventView {
  body: string;
}

/** Deliveries of the same bytes share one id, which makes them idempotent. */
export function deliveryId(rawBody: Buffer): string {
  return `w${createHash('sha256').update(rawBody).digest('hex').slice(0, 23)}`;
}

/**
 * Stores a new delivery before anything is done with it. Returns undefined
 * for a new one; for a body stored before, counts the duplicate and returns
 * the stored entry.
 */
export async function storeDelivery(
  ctx: CoreContext,
  entry: StoredWebhook,
): Promise<StoredWebhook | undefined> {
  const isNew = await ctx.redis.hsetnx(
    ctx.keys.webhookEvents,
    entry.id,
    JSON.stringify(entry),
  );
  if (isNew === 1) {
    await ctx.redis.lpush(ctx.keys.webhookLog, entry.id);
    await forgetOldest(ctx);
    return undefined;
  }
  const previous = await readDelivery(ctx, entry.id);
  if (!previous) return entry;
  const counted = { ...previous, duplicates: previous.duplicates + 1 };
  await writeDelivery(ctx, counted);
  return counted;
}

/** Keeps the log and the stored bodies to the newest KEEP deliveries. */
async function forgetOldest(ctx: CoreContext): Promise<void> {
  const overflow = await ctx.redis.lrange(ctx.keys.webhookLog, KEEP, -1);
  if (overflow.length === 0) return;
  await ctx.redis
    .multi()
    .hdel(ctx.keys.webhookEvents, ...overflow)
    .ltrim(ctx.keys.webhookLog, 0, KEEP - 1)
    .exec();
}

export async function readDelivery(
  ctx: CoreContext,
  id: string,
): Promise<StoredWebhook | undefined> {
  const raw = await ctx.redis.hget(ctx.keys.webhookEvents, id);
  return raw === null ? undefined : (JSON.parse(raw) as StoredWebhook);
}

export async function writeDelivery(
  ctx: CoreContext,
  entry: StoredWebhook,
): Promise<void> {
  await ctx.redis.hset(ctx.keys.webhookEvents, entry.id, JSON.stringify(entry));
}

/** Newest first, without bodies. */
export async function listDeliveries(
  ctx: CoreContext,
  limit = 200,
): Promise<StoredWebhook[]> {
  const ids = await ctx.redis.lrange(ctx.keys.webhookLog, 0, limit - 1);
  if (ids.length === 0) return [];
  const raw = await ctx.redis.hmget(ctx.keys.webhookEvents, ...ids);
  return raw
    .filter((r): r is string => r !== null)
    .map((r) => JSON.parse(r) as StoredWebhook);
}
