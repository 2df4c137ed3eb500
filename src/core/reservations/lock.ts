import { LockstepError } from '../errors';
import type { CoreContext } from '../context';
import { RedisMutex } from '../jobs/mutex';

const TTL_MS = 30_000;
const WAIT_MS = 15_000;

/**
 * Runs `change` alone for one reservation, on every machine: reading the
 * version, writing the next one and adding its jobs happen under one Redis
 * lock, so two changes arriving together cannot both claim one version.
 */
export async function withReservationLock<T>(
  ctx: CoreContext,
  reservationId: string,
  change: () => Promise<T>,
): Promise<T> {
  const mutex = new RedisMutex(ctx.redis);
  const key = `${ctx.keys.tag}:reservation-lock:${reservationId}`;
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const held = await mutex.withLock(key, TTL_MS, change);
    if (held) return held.value;
    if (Date.now() > deadline) {
      throw new LockstepError(
        'conflict',
        `Reservation ${reservationId} is being changed elsewhere; try again.`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
