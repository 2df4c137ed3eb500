import type { Lock, Property } from '../../shared';
import type { CoreContext } from '../context';
import { pinField, type PinRecord, type Reservation } from '../store/records';
import { pinJobId, type PinQueueName } from './ids';
import { pinWindow, sameWindow } from './window';

/**
 * Makes the queues match one reservation's current version: for every lock it
 * opens, a create job at check-in minus lead and a revoke job at check-out
 * plus grace. New jobs are added before the superseded ones are removed, so
 * at no moment is neither stored. Scheduling the same version twice is a
 * no-op (job ids are deterministic).
 */
export async function scheduleReservation(
  ctx: CoreContext,
  reservation: Reservation,
): Promise<void> {
  if (reservation.status === 'cancelled')
    return unscheduleReservation(ctx, reservation);

  const property = await ctx.stores.properties.get(reservation.propertyId);
  if (!property) return;
  const locks = await locksFor(ctx, reservation, property);
  const records = await pinRecordsOf(ctx, reservation.id);
  const window = pinWindow(reservation, property);
  const now = ctx.now();

  for (const lock of locks) {
    const previous = records.get(lock.id);
    if (window.validToMs <= now && !previous?.onLock) continue;

    const record: PinRecord = {
      ...previous,
      reservationId: reservation.id,
      lockId: lock.id,
      version: reservation.version,
      state: previous?.onLock ? previous.state : 'scheduled',
      ...window,
      updatedAtMs: now,
    };
    if (!previous?.onLock) delete record.lastError;
    await ctx.stores.pins.put(pinField(reservation.id, lock.id), record);

    const base = {
      reservationId: reservation.id,
      lockId: lock.id,
      version: reservation.version,
    };
    // A PIN already on the lock with another window is moved now, not at the
    // new start: until then the old window would keep opening the door.
    const isMovingPin =
      previous?.onLock !== undefined && !sameWindow(previous.onLock, window);
    const createAtMs = isMovingPin
      ? Math.min(window.validFromMs, now)
      : window.validFromMs;
    await ctx.queues.add('pin-create', { ...base, runAtMs: createAtMs }, now);
    await ctx.queues.add(
      'pin-revoke',
      { ...base, runAtMs: window.validToMs },
      now,
    );
    if (previous && previous.version !== reservation.version) {
      await removeJobs(ctx, reservation.id, lock.id, previous.version);
    }
    records.delete(lock.id);
  }

  // Locks the stay no longer opens: drop their jobs and take any PIN off.
  for (const left of records.values()) {
    await retire(ctx, reservation, left, 'The stay no longer uses this lock.');
  }
  ctx.notify('reservations', 'jobs');
}

/** Removes a cancelled stay's jobs; a PIN already on a lock gets a revoke now. */
export async function unscheduleReservation(
  ctx: CoreContext,
  reservation: Reservation,
): Promise<void> {
  for (const record of (await pinRecordsOf(ctx, reservation.id)).values()) {
    await retire(ctx, reservation, record, 'The stay was cancelled.');
  }
  ctx.notify('reservations', 'jobs');
}

async function retire(
  ctx: CoreContext,
  reservation: Reservation,
  record: PinRecord,
  reason: string,
): Promise<void> {
  const now = ctx.now();
  if (record.onLock) {
    const base = {
      reservationId: reservation.id,
      lockId: record.lockId,
      version: reservation.version,
    };
    await ctx.queues.add('pin-revoke', { ...base, runAtMs: now }, now);
  } else if (record.state === 'scheduled' || record.state === 'failed') {
    await ctx.stores.pins.put(pinField(reservation.id, record.lockId), {
      ...record,
      state: 'skipped',
      lastError: reason,
      updatedAtMs: now,
    });
  }
  if (record.version !== reservation.version) {
    await removeJobs(ctx, reservation.id, record.lockId, record.version);
  } else {
    await removeJob(
      ctx,
      'pin-create',
      pinJobId('pin-create', {
        reservationId: reservation.id,
        lockId: record.lockId,
        version: record.version,
      }),
    );
  }
}

/** Removes the create and revoke jobs of one version; running ones are left to see they are stale. */
export async function removeJobs(
  ctx: CoreContext,
  reservationId: string,
  lockId: string,
  version: number,
): Promise<void> {
  for (const queue of ['pin-create', 'pin-revoke'] as const) {
    await removeJob(
      ctx,
      queue,
      pinJobId(queue, { reservationId, lockId, version }),
    );
  }
}

async function removeJob(
  ctx: CoreContext,
  queue: PinQueueName,
  jobId: string,
): Promise<void> {
  try {
    await ctx.queues.byName(queue).remove(jobId);
  } catch (error) {
    // An active job holds a lock and cannot be removed; it checks its version when it runs.
    ctx.log.debug('job not removed', { jobId, error: String(error) });
  }
}

export async function locksFor(
  ctx: CoreContext,
  reservation: Reservation,
  property: Property,
): Promise<Lock[]> {
  const all = await ctx.stores.locks.all();
  return all.filter((lock) =>
    reservation.lockIds
      ? reservation.lockIds.includes(lock.id)
      : lock.propertyId === property.id,
  );
}

/**
 * This reservation's PIN records, by lock id. Reads only the fields of
 * existing locks (a handful), never every stay's records.
 */
export async function pinRecordsOf(
  ctx: CoreContext,
  reservationId: string,
): Promise<Map<string, PinRecord>> {
  const locks = await ctx.stores.locks.all();
  const records = await ctx.stores.pins.many(
    locks.map((lock) => pinField(reservationId, lock.id)),
  );
  return new Map(records.map((r) => [r.lockId, r]));
}
