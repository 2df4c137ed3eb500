import type { Lock } from '../../shared';
import type { CoreContext } from '../context';
import { describeUnknown } from '../dispatch';
import { formatInZone } from '../time/zone';
import { pinField } from '../store/records';
import type { LockPin, LockProvider } from './provider';

/** The host is warned when a PIN is still unconfirmed this close to check-in. */
export const PENDING_WARNING_MS = 15 * 60_000;

/**
 * Reads a just-created PIN back until the lock confirms it. Gateway locks
 * (Zigbee, Bluetooth) confirm within seconds, so the job waits up to
 * `confirmWaitMs`; a Wi-Fi lock takes the PIN when it next wakes, which may
 * be hours away, so its PIN is left pending for `checkPendingPins`.
 */
export async function awaitConfirmation(
  ctx: CoreContext,
  provider: LockProvider,
  lock: Lock,
  placed: LockPin,
): Promise<LockPin> {
  if (placed.state !== 'pending' || lock.link === 'wifi') return placed;
  const deadline = ctx.now() + ctx.options.confirmWaitMs;
  let current = placed;
  while (current.state === 'pending' && Date.now() < deadline) {
    await new Promise((resolve) =>
      setTimeout(resolve, ctx.options.confirmPollMs),
    );
    current = await provider.readPin(lock, placed.passwordId);
  }
  return current;
}

/**
 * Re-reads every PIN still pending on its lock, records what the lock now
 * says, and warns the host once when one is still pending 15 minutes before
 * check-in. Never throws; a lock that cannot be read keeps its state.
 */
export async function checkPendingPins(ctx: CoreContext): Promise<void> {
  const pending = (await ctx.stores.pins.all()).filter(
    (r) => r.state === 'pending' && r.onLock,
  );
  for (const record of pending) {
    const lock = await ctx.stores.locks.get(record.lockId);
    const reservation = await ctx.stores.reservations.get(record.reservationId);
    if (!lock || !reservation || !record.onLock) continue;
    let read: LockPin;
    try {
      read = await ctx
        .providerFor(lock)
        .readPin(lock, record.onLock.passwordId);
    } catch (error) {
      ctx.log.info('pending PIN not read', {
        lockId: lock.id,
        error: describeUnknown(error),
      });
      continue;
    }

    const next = { ...record, updatedAtMs: ctx.now() };
    if (read.state === 'active') {
      next.state = 'active';
      delete next.lastError;
      await ctx.stores.journal.resolve(
        `pending:${record.reservationId}:${record.lockId}`,
      );
      // The new window is confirmed: the stay's earlier windows may go now.
      try {
        for (const passwordId of record.retiringPasswordIds ?? []) {
          await ctx.providerFor(lock).deletePin(lock, passwordId);
        }
        delete next.retiringPasswordIds;
      } catch (error) {
        // Kept for the next round; the lock's own window still ends it.
        ctx.log.info('old window not deleted yet', {
          lockId: lock.id,
          error: describeUnknown(error),
        });
      }
    } else if (read.state === 'failed' || read.state === 'missing') {
      next.state = 'failed';
      next.lastError = read.detail ?? 'The lock no longer holds this PIN.';
      // The lock does not hold it: the record must not claim it does, and
      // the host must hear of it before the guest arrives.
      delete next.onLock;
      await ctx.stores.journal.problem({
        kind: 'lock',
        key: `pin-lost:${record.reservationId}:${record.lockId}`,
        subject: `${lock.name}: PIN for ${reservation.guestName}`,
        message: `${next.lastError} Check the lock, then cancel this stay and add the guest as a walk-in to give them a new PIN.`,
      });
    } else if (
      ctx.now() >= reservation.checkInMs - PENDING_WARNING_MS &&
      next.pendingWarnedAtMs === undefined
    ) {
      next.pendingWarnedAtMs = ctx.now();
      const property = await ctx.stores.properties.get(reservation.propertyId);
      const checkIn = formatInZone(
        reservation.checkInMs,
        property?.timeZone ?? 'UTC',
      );
      await ctx.stores.journal.problem({
        kind: 'lock',
        key: `pending:${record.reservationId}:${record.lockId}`,
        subject: `${lock.name}: PIN for ${reservation.guestName}`,
        message: `The lock has still not confirmed the PIN and check-in is at ${checkIn}. A Wi-Fi lock takes new PINs when it wakes: open the app or press the keypad to wake it, or give the guest another way in.`,
      });
    }
    if (
      next.state !== record.state ||
      next.pendingWarnedAtMs !== record.pendingWarnedAtMs
    ) {
      await ctx.stores.pins.put(
        pinField(record.reservationId, record.lockId),
        next,
      );
      ctx.notify('reservations', 'problems');
    }
  }
}
