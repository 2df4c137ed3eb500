import { randomUUID } from 'node:crypto';
import type {
  Lock,
  LockstepHandlers,
  PinView,
  Property,
  ReservationView,
} from '../../shared';
import type { CoreContext } from '../context';
import { LockstepError } from '../errors';
import { cancelReservation } from '../reservations/cancel';
import { upsertReservation } from '../reservations/upsert';
import { pinField, type PinRecord, type Reservation } from '../store/records';

type StayHandlers = Pick<
  LockstepHandlers,
  | 'reservations:list'
  | 'reservations:addWalkIn'
  | 'reservations:cancel'
  | 'pins:reveal'
>;

/** Upcoming stays, walk-ins, cancellations and PIN reveal. */
export function stayHandlers(ctx: CoreContext, actor: string): StayHandlers {
  return {
    async 'reservations:list'() {
      const now = ctx.now();
      const all = await ctx.stores.reservations.all();
      const upcoming = all
        .filter((r) => r.checkOutMs > now - 24 * 3600_000)
        .sort((a, b) => a.checkInMs - b.checkInMs);
      const shared = await loadViewContext(ctx);
      return upcoming.map((r) => toView(shared, r));
    },

    async 'reservations:addWalkIn'(input) {
      const property = await ctx.stores.properties.get(input.propertyId);
      if (!property)
        throw new LockstepError(
          'not_found',
          `No property ${input.propertyId}.`,
          { fields: [{ field: 'propertyId', message: 'unknown property' }] },
        );
      // A walk-in's PIN works from the moment the host chose to check-out, exactly.
      const startsAtMs = input.startsAtMs ?? ctx.now();
      if (input.endsAtMs <= startsAtMs) {
        throw new LockstepError(
          'invalid_input',
          'Check-out must be after the PIN starts.',
          {
            fields: [{ field: 'endsAtMs', message: 'must be after the start' }],
          },
        );
      }
      if (input.lockIds) await requireLocksOf(ctx, property.id, input.lockIds);
      const { reservation } = await upsertReservation(ctx, {
        propertyId: property.id,
        source: 'manual',
        sourceKey: `manual:${randomUUID()}`,
        guestName: input.guestName,
        checkInMs: startsAtMs,
        checkOutMs: input.endsAtMs,
        leadMinutes: 0,
        graceMinutes: 0,
        ...(input.lockIds ? { lockIds: input.lockIds } : {}),
      });
      await ctx.stores.journal.audit(
        actor,
        'reservation.walk-in',
        `${reservation.guestName} (${reservation.id})`,
      );
      return viewOf(ctx, reservation);
    },

    async 'reservations:cancel'({ id }) {
      return viewOf(ctx, await cancelReservation(ctx, id, actor));
    },

    async 'pins:reveal'({ reservationId, lockId }) {
      if (!(await ctx.stores.locks.get(lockId))) {
        throw new LockstepError('not_found', `No lock ${lockId}.`, {
          fields: [{ field: 'lockId', message: 'unknown lock' }],
        });
      }
      const record = await ctx.stores.pins.get(pinField(reservationId, lockId));
      if (!record?.sealedPin) {
        throw new LockstepError(
          'not_found',
          'This stay has no PIN on that lock yet.',
          {
            fields: [
              { field: 'reservationId', message: 'no PIN generated yet' },
            ],
          },
        );
      }
      await ctx.stores.journal.audit(
        actor,
        'pin.reveal',
        `${reservationId} on ${lockId}`,
      );
      return { pin: ctx.sealer.open(record.sealedPin) };
    },
  };
}

interface ViewContext {
  properties: Map<string, Property>;
  locks: Map<string, Lock>;
  pinsByStay: Map<string, PinRecord[]>;
}

/** Everything views need, read once per list rather than once per stay. */
async function loadViewContext(ctx: CoreContext): Promise<ViewContext> {
  const [properties, locks, pins] = await Promise.all([
    ctx.stores.properties.all(),
    ctx.stores.locks.all(),
    ctx.stores.pins.all(),
  ]);
  const pinsByStay = new Map<string, PinRecord[]>();
  for (const pin of pins) {
    pinsByStay.set(pin.reservationId, [
      ...(pinsByStay.get(pin.reservationId) ?? []),
      pin,
    ]);
  }
  return {
    properties: new Map(properties.map((p) => [p.id, p])),
    locks: new Map(locks.map((l) => [l.id, l])),
    pinsByStay,
  };
}

async function viewOf(
  ctx: CoreContext,
  r: Reservation,
): Promise<ReservationView> {
  return toView(await loadViewContext(ctx), r);
}

function toView(shared: ViewContext, r: Reservation): ReservationView {
  const property = shared.properties.get(r.propertyId);
  const records = shared.pinsByStay.get(r.id) ?? [];
  const pins: PinView[] = records.map((p) => ({
    lockId: p.lockId,
    lockName: shared.locks.get(p.lockId)?.name ?? p.lockId,
    state: p.state,
    masked: '•'.repeat(6),
    validFromMs: p.validFromMs,
    validToMs: p.validToMs,
    ...(p.lastError ? { lastError: p.lastError } : {}),
  }));
  return {
    id: r.id,
    propertyId: r.propertyId,
    propertyName: property?.name ?? r.propertyId,
    timeZone: property?.timeZone ?? 'UTC',
    source: r.source,
    guestName: r.guestName,
    ...(r.phoneLast4 ? { phoneLast4: r.phoneLast4 } : {}),
    checkInMs: r.checkInMs,
    checkOutMs: r.checkOutMs,
    status: r.status,
    version: r.version,
    pins,
  };
}

/** A walk-in may name only existing locks of its own property, at least one. */
async function requireLocksOf(
  ctx: CoreContext,
  propertyId: string,
  lockIds: string[],
): Promise<void> {
  const locks = await ctx.stores.locks.all();
  const foreign = lockIds.filter(
    (id) => locks.find((l) => l.id === id)?.propertyId !== propertyId,
  );
  if (lockIds.length === 0 || foreign.length > 0) {
    const message =
      lockIds.length === 0
        ? 'choose at least one lock'
        : `not a lock of this property: ${foreign.join(', ')}`;
    throw new LockstepError('invalid_input', `lockIds: ${message}`, {
      fields: [{ field: 'lockIds', message }],
    });
  }
}
