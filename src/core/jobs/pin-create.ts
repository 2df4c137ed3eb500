import type { Lock } from '../../shared';
import type { CoreContext } from '../context';
import { awaitConfirmation } from '../locks/confirm';
import { pinName, type LockPin, type LockProvider } from '../locks/provider';
import { LockstepError } from '../errors';
import { pinField, type PinRecord, type Reservation } from '../store/records';
import type { PinJobData } from './ids';
import { generatePin } from './pin-code';
import { locksFor } from './schedule';
import { sameWindow, pinWindow, type PinWindow } from './window';

export type JobOutcome = { outcome: string; lateByMs?: number };

/**
 * Puts the stay's PIN on the lock with its window. Idempotent: a PIN already
 * on the lock for this reservation (in our record or found by name on the
 * lock) is adopted, never duplicated. When the window changed, the new window
 * is created first and the old one deleted after, so the guest is never left
 * without a working PIN. Caller holds the (reservation, lock) mutex.
 */
export async function createPinForStay(
  ctx: CoreContext,
  data: PinJobData,
): Promise<JobOutcome> {
  const target = await loadTarget(ctx, data);
  if ('outcome' in target) return target;
  const { reservation, lock, window } = target;
  const field = pinField(reservation.id, lock.id);
  const lateByMs = Math.max(0, ctx.now() - data.runAtMs);

  if (ctx.now() >= window.validToMs) {
    const record = await ctx.stores.pins.get(field);
    if (record && !record.onLock) {
      const reason = `The stay had ended when the job ran (${Math.round(lateByMs / 60_000)} min late).`;
      await ctx.stores.pins.put(field, {
        ...record,
        state: 'skipped',
        lastError: reason,
        updatedAtMs: ctx.now(),
      });
    }
    return { outcome: 'skipped: stay already over', lateByMs };
  }

  const provider = ctx.providerFor(lock);
  const named = (await provider.listPins(lock)).filter(
    (p) => p.name === pinName(reservation.id) && p.state !== 'missing',
  );
  let record = await ensurePinCode(ctx, reservation, lock, provider);

  const fitting = named.find((p) => sameWindow(p, window));
  let placed: LockPin;
  if (fitting) {
    placed = fitting;
  } else {
    placed = await place(ctx, provider, lock, record, window, reservation.id);
    if (
      placed.state === 'failed' &&
      placed.isDuplicateCode &&
      named.length > 0
    ) {
      record = await replaceCode(ctx, reservation, lock, provider, record);
      placed = await place(ctx, provider, lock, record, window, reservation.id);
    }
  }

  if (placed.state === 'failed') {
    // A refused PIN must not leave a dead entry on the lock, and the old
    // window (if any) stays: the guest keeps a working PIN.
    await provider.deletePin(lock, placed.passwordId);
    await saveOutcome(ctx, field, record, {
      state: 'failed',
      lastError: placed.detail ?? `${lock.name} refused the PIN.`,
    });
    throw new LockstepError(
      'lock_rejected',
      placed.detail ?? `${lock.name} refused the PIN.`,
    );
  }

  // Create first, delete after: an old window leaves only once the lock has
  // confirmed the new one, so the guest is never without a working code.
  const stale = named
    .filter((p) => p.passwordId !== placed.passwordId)
    .map((p) => p.passwordId);
  const isConfirmed = placed.state === 'active';
  if (isConfirmed) {
    for (const passwordId of stale) await provider.deletePin(lock, passwordId);
  }
  await saveOutcome(ctx, field, record, {
    state: isConfirmed ? 'active' : 'pending',
    onLock: {
      passwordId: placed.passwordId,
      validFromMs: window.validFromMs,
      validToMs: window.validToMs,
    },
    ...(placed.detail ? { lastError: placed.detail } : {}),
    ...(!isConfirmed && stale.length > 0 ? { retiringPasswordIds: stale } : {}),
  });
  await revokeIfCancelledMeanwhile(ctx, reservation.id, lock.id);
  return {
    outcome: `${fitting ? 'adopted' : 'created'} (${placed.state})`,
    lateByMs,
  };
}

/**
 * A change that landed while this job was talking to the lock (the stay was
 * cancelled, or no longer uses this lock) saw no PIN to revoke; now there is
 * one, so it gets its revoke job here.
 */
async function revokeIfCancelledMeanwhile(
  ctx: CoreContext,
  reservationId: string,
  lockId: string,
): Promise<void> {
  const current = await ctx.stores.reservations.get(reservationId);
  if (!current) return;
  const property = await ctx.stores.properties.get(current.propertyId);
  const usesLock =
    property !== undefined &&
    (await locksFor(ctx, current, property)).some((l) => l.id === lockId);
  if (current.status !== 'cancelled' && usesLock) return;
  const data = {
    reservationId,
    lockId,
    version: current.version,
    runAtMs: ctx.now(),
  };
  await ctx.queues.add('pin-revoke', data, ctx.now());
}

async function place(
  ctx: CoreContext,
  provider: LockProvider,
  lock: Lock,
  record: PinRecord,
  window: PinWindow,
  reservationId: string,
): Promise<LockPin> {
  const pin = ctx.sealer.open(record.sealedPin ?? '');
  const placed = await provider.createPin(lock, {
    name: pinName(reservationId),
    pin,
    ...window,
  });
  return awaitConfirmation(ctx, provider, lock, placed);
}

// LIMITATION: keeping the code would need Tuya's modify-password call, not used because its contract could not be checked here.
/**
 * Some locks refuse a second copy of a code they hold, so a moved window
 * cannot reuse the guest's code; the guest gets a new one and the host is
 * told to pass it on.
 */
async function replaceCode(
  ctx: CoreContext,
  reservation: Reservation,
  lock: Lock,
  provider: LockProvider,
  record: PinRecord,
): Promise<PinRecord> {
  const taken = await livePinsOnLock(ctx, lock.id, reservation.id);
  if (record.sealedPin) taken.add(ctx.sealer.open(record.sealedPin));
  const next = {
    ...record,
    sealedPin: ctx.sealer.seal(generatePin(provider.pinLength(lock), taken)),
    updatedAtMs: ctx.now(),
  };
  await ctx.stores.pins.put(pinField(reservation.id, lock.id), next);
  await ctx.stores.journal.problem({
    kind: 'lock',
    subject: `${lock.name}: PIN for ${reservation.guestName}`,
    message:
      'The stay changed and this lock refuses to hold the same code twice, so the guest has a new PIN. Reveal it in Stays and send it to the guest.',
  });
  return next;
}

/**
 * Records what the lock now holds. The scheduler may have moved the stay
 * meanwhile, so its version and window are kept from the latest record.
 */
async function saveOutcome(
  ctx: CoreContext,
  field: string,
  record: PinRecord,
  outcome: Pick<PinRecord, 'state'> &
    Partial<Pick<PinRecord, 'onLock' | 'lastError' | 'retiringPasswordIds'>>,
): Promise<void> {
  const latest = (await ctx.stores.pins.get(field)) ?? record;
  const next: PinRecord = { ...latest, ...outcome, updatedAtMs: ctx.now() };
  if (record.sealedPin) next.sealedPin = record.sealedPin;
  if (!outcome.lastError) delete next.lastError;
  if (!outcome.retiringPasswordIds) delete next.retiringPasswordIds;
  await ctx.stores.pins.put(field, next);
  ctx.notify('reservations', 'locks');
}

type Target =
  { reservation: Reservation; lock: Lock; window: PinWindow } | JobOutcome;

async function loadTarget(ctx: CoreContext, data: PinJobData): Promise<Target> {
  const reservation = await ctx.stores.reservations.get(data.reservationId);
  if (
    !reservation ||
    reservation.status !== 'confirmed' ||
    reservation.version !== data.version
  ) {
    return { outcome: 'skipped: superseded by a newer version of the stay' };
  }
  const lock = await ctx.stores.locks.get(data.lockId);
  const property = await ctx.stores.properties.get(reservation.propertyId);
  if (!lock || !property)
    return { outcome: 'skipped: lock or property no longer exists' };
  return { reservation, lock, window: pinWindow(reservation, property) };
}

/** The record with a sealed PIN code, generating and saving one before any lock call. */
async function ensurePinCode(
  ctx: CoreContext,
  reservation: Reservation,
  lock: Lock,
  provider: LockProvider,
): Promise<PinRecord> {
  const field = pinField(reservation.id, lock.id);
  const property = await ctx.stores.properties.get(reservation.propertyId);
  const existing = await ctx.stores.pins.get(field);
  const length = provider.pinLength(lock);
  if (
    existing?.sealedPin &&
    ctx.sealer.open(existing.sealedPin).length === length
  )
    return existing;

  const taken = await livePinsOnLock(ctx, lock.id, reservation.id);
  const window = property
    ? pinWindow(reservation, property)
    : { validFromMs: 0, validToMs: 0 };
  const record: PinRecord = {
    reservationId: reservation.id,
    lockId: lock.id,
    version: reservation.version,
    state: 'scheduled',
    ...window,
    ...existing,
    sealedPin: ctx.sealer.seal(generatePin(length, taken)),
    updatedAtMs: ctx.now(),
  };
  await ctx.stores.pins.put(field, record);
  return record;
}

/** Plain PINs of other stays that are (or are about to be) on this lock. */
export async function livePinsOnLock(
  ctx: CoreContext,
  lockId: string,
  exceptReservationId?: string,
): Promise<Set<string>> {
  const records = await ctx.stores.pins.all();
  const live = records.filter(
    (r) =>
      r.lockId === lockId &&
      r.reservationId !== exceptReservationId &&
      r.sealedPin &&
      r.state !== 'revoked' &&
      r.state !== 'skipped',
  );
  return new Set(live.map((r) => ctx.sealer.open(r.sealedPin ?? '')));
}
