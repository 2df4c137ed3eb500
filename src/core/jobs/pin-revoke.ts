import type { CoreContext } from '../context';
import { pinName } from '../locks/provider';
import { pinField } from '../store/records';
import type { PinJobData } from './ids';
import type { JobOutcome } from './pin-create';

/**
 * Takes the stay's PIN off the lock: the recorded password and any other
 * password named for this reservation. A revoke for an older version of a
 * stay that still goes on does nothing (its successor revokes later).
 * Caller holds the (reservation, lock) mutex.
 */
export async function revokePinForStay(
  ctx: CoreContext,
  data: PinJobData,
): Promise<JobOutcome> {
  const reservation = await ctx.stores.reservations.get(data.reservationId);
  const isCurrent =
    !reservation ||
    reservation.status === 'cancelled' ||
    reservation.version <= data.version;
  if (!isCurrent)
    return { outcome: 'skipped: superseded by a newer version of the stay' };

  const field = pinField(data.reservationId, data.lockId);
  const record = await ctx.stores.pins.get(field);
  const lock = await ctx.stores.locks.get(data.lockId);
  if (!lock) return { outcome: 'skipped: lock no longer exists' };

  const provider = ctx.providerFor(lock);
  const onLock = (await provider.listPins(lock)).filter(
    (p) =>
      p.name === pinName(data.reservationId) ||
      p.passwordId === record?.onLock?.passwordId,
  );
  for (const pin of onLock) await provider.deletePin(lock, pin.passwordId);

  if (record) {
    const next = {
      ...record,
      state:
        record.onLock || onLock.length > 0
          ? ('revoked' as const)
          : ('skipped' as const),
      updatedAtMs: ctx.now(),
    };
    delete next.onLock;
    delete next.lastError;
    await ctx.stores.pins.put(field, next);
  }
  ctx.notify('reservations', 'locks');
  return {
    outcome: `revoked ${onLock.length} PIN(s)`,
    lateByMs: Math.max(0, ctx.now() - data.runAtMs),
  };
}
