import { z } from 'zod';
import type { Lock } from '../../shared';
import type { CoreContext } from '../context';
import { describeUnknown } from '../dispatch';

const healthSchema = z.object({
  online: z.boolean().nullable(),
  batteryPercent: z.number().nullable(),
  checkedAtMs: z.number(),
  /** PINs the lock itself reports holding, at the last check. */
  passwordsHeld: z.number().optional(),
  lastError: z.string().optional(),
});
export type StoredLockHealth = z.infer<typeof healthSchema>;

export async function readLockHealth(
  ctx: CoreContext,
  lockId: string,
): Promise<StoredLockHealth | undefined> {
  const raw = await ctx.redis.hget(ctx.keys.lockHealth, lockId);
  if (raw === null) return undefined;
  const parsed = healthSchema.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : undefined;
}

/**
 * Asks every lock's provider for its health and stores the answer. A lock
 * that cannot be reached is recorded with the reason, never thrown.
 */
export async function refreshLockHealth(ctx: CoreContext): Promise<void> {
  for (const lock of await ctx.stores.locks.all())
    await refreshOneLock(ctx, lock);
  ctx.notify('locks');
}

export async function refreshOneLock(
  ctx: CoreContext,
  lock: Lock,
): Promise<void> {
  let health: StoredLockHealth;
  try {
    const provider = ctx.providerFor(lock);
    const answer = await provider.health(lock);
    health = {
      online: answer.online,
      batteryPercent: answer.batteryPercent,
      checkedAtMs: ctx.now(),
    };
    if (answer.online) {
      health.passwordsHeld = (await provider.listPins(lock)).length;
    } else {
      health.lastError = `${lock.name} is offline.`;
    }
  } catch (error) {
    const previous = await readLockHealth(ctx, lock.id);
    health = {
      online: previous?.online ?? null,
      batteryPercent: previous?.batteryPercent ?? null,
      checkedAtMs: ctx.now(),
      lastError: describeUnknown(error),
    };
  }
  await ctx.redis.hset(ctx.keys.lockHealth, lock.id, JSON.stringify(health));
}

/** What a job learned about a lock it could not reach, shown until the next check. */
export async function noteLockOffline(
  ctx: CoreContext,
  lockId: string,
  message: string,
): Promise<void> {
  const previous = await readLockHealth(ctx, lockId);
  const health: StoredLockHealth = {
    online: false,
    batteryPercent: previous?.batteryPercent ?? null,
    checkedAtMs: ctx.now(),
    lastError: message,
  };
  await ctx.redis.hset(ctx.keys.lockHealth, lockId, JSON.stringify(health));
  ctx.notify('locks');
}
