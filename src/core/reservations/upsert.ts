import { createHash } from 'node:crypto';
import type { CoreContext } from '../context';
import { LockstepError } from '../errors';
import { withReservationLock } from './lock';
import { scheduleReservation } from '../jobs/schedule';
import type { Reservation } from '../store/records';

/** What an intake channel knows about a stay. Instants in ms, UTC. */
export type IncomingStay = Pick<
  Reservation,
  | 'propertyId'
  | 'source'
  | 'sourceKey'
  | 'guestName'
  | 'checkInMs'
  | 'checkOutMs'
> &
  Partial<
    Pick<
      Reservation,
      | 'phoneLast4'
      | 'summary'
      | 'lockIds'
      | 'status'
      | 'leadMinutes'
      | 'graceMinutes'
    >
  >;

export type UpsertOutcome = 'created' | 'updated' | 'unchanged';

/** Stable reservation id for a source identity; short, in BullMQ-safe characters. */
export function reservationIdFor(sourceKey: string): string {
  return `r${createHash('sha256').update(sourceKey).digest('hex').slice(0, 15)}`;
}

/**
 * Stores a stay from any source and makes its jobs match. A change of dates,
 * property, locks or status bumps the version, which supersedes the old jobs;
 * a change of name or phone alone does not. `existingId` re-keys a stay
 * whose source identity changed (feed UID churn).
 */
export async function upsertReservation(
  ctx: CoreContext,
  incoming: IncomingStay,
  existingId?: string,
): Promise<{ reservation: Reservation; outcome: UpsertOutcome }> {
  if (incoming.checkOutMs <= incoming.checkInMs) {
    // Every channel checks this first; this is the last line before a job
    // with an inverted window could exist.
    throw new LockstepError(
      'invalid_input',
      'Check-out must be after check-in.',
      {
        fields: [{ field: 'checkOutMs', message: 'must be after check-in' }],
      },
    );
  }
  const known =
    existingId ??
    (await ctx.redis.hget(ctx.keys.reservationBySource, incoming.sourceKey)) ??
    reservationIdFor(incoming.sourceKey);
  return withReservationLock(ctx, known, () =>
    upsertLocked(ctx, incoming, known),
  );
}

async function upsertLocked(
  ctx: CoreContext,
  incoming: IncomingStay,
  known: string,
): Promise<{ reservation: Reservation; outcome: UpsertOutcome }> {
  const previous = await ctx.stores.reservations.get(known);
  const now = ctx.now();

  const next: Reservation = {
    ...previous,
    ...withoutUndefined(incoming),
    id: previous?.id ?? reservationIdFor(incoming.sourceKey),
    status: incoming.status ?? 'confirmed',
    version: previous?.version ?? 1,
    createdAtMs: previous?.createdAtMs ?? now,
    updatedAtMs: now,
  };
  if (next.status === 'confirmed') delete next.cancelledBy;
  const isMoved = previous !== undefined && movesJobs(previous, next);
  if (isMoved) next.version = previous.version + 1;

  const outcome: UpsertOutcome = !previous
    ? 'created'
    : isMoved || detailsDiffer(previous, next)
      ? 'updated'
      : 'unchanged';
  if (outcome === 'unchanged')
    return { reservation: previous ?? next, outcome };

  await ctx.redis
    .multi()
    .hset(ctx.keys.reservations, next.id, JSON.stringify(next))
    .hset(ctx.keys.reservationBySource, next.sourceKey, next.id)
    .exec();
  if (!previous || isMoved) await scheduleReservation(ctx, next);
  ctx.notify('reservations');
  return { reservation: next, outcome };
}

function movesJobs(a: Reservation, b: Reservation): boolean {
  return (
    a.checkInMs !== b.checkInMs ||
    a.checkOutMs !== b.checkOutMs ||
    a.propertyId !== b.propertyId ||
    a.status !== b.status ||
    a.leadMinutes !== b.leadMinutes ||
    a.graceMinutes !== b.graceMinutes ||
    JSON.stringify(a.lockIds ?? null) !== JSON.stringify(b.lockIds ?? null)
  );
}

function detailsDiffer(a: Reservation, b: Reservation): boolean {
  return (
    a.guestName !== b.guestName ||
    a.phoneLast4 !== b.phoneLast4 ||
    a.summary !== b.summary ||
    a.sourceKey !== b.sourceKey
  );
}

function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as T;
}
