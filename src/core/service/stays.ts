import { randomUUID } from 'node:crypto';
import type { LockstepHandlers, PinView, ReservationView } from '../../shared';
import type { CoreContext } from '../context';
import { LockstepError } from '../errors';
import { cancelReservation } from '../reservations/cancel';
import { upsertReservation } from '../reservations/upsert';
import { pinField, type Reservation } from '../store/records';

type StayHandlers = Pick<LockstepHandlers, 'reservations:list' | 'reservations:addWalkIn' | 'reservations:cancel' | 'pins:reveal'>;

/** Upcoming stays, walk-ins, cancellations and PIN reveal. */
export function stayHandlers(ctx: CoreContext, actor: string): StayHandlers {
  return {
    async 'reservations:list'() {
      const now = ctx.now();
      const all = await ctx.stores.reservations.all();
      const upcoming = all.filter((r) => r.checkOutMs > now - 24 * 3600_000).sort((a, b) => a.checkInMs - b.checkInMs);
      return Promise.all(upcoming.map((r) => toView(ctx, r)));
    },

    async 'reservations:addWalkIn'(input) {
      const property = await ctx.stores.properties.get(input.propertyId);
      if (!property) throw new LockstepError('not_found', `No property ${input.propertyId}.`, { fields: [{ field: 'propertyId', message: 'unknown property' }] });
      // A walk-in's PIN works from the moment the host chose to check-out, exactly.
      const startsAtMs = input.startsAtMs ?? ctx.now();
      if (input.endsAtMs <= startsAtMs) {
        throw new LockstepError('invalid_input', 'Check-out must be after the PIN starts.', { fields: [{ field: 'endsAtMs', message: 'must be after the start' }] });
      }
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
      await ctx.stores.journal.audit(actor, 'reservation.walk-in', `${reservation.guestName} (${reservation.id})`);
      return toView(ctx, reservation);
    },

    async 'reservations:cancel'({ id }) {
      return toView(ctx, await cancelReservation(ctx, id, actor));
    },

    async 'pins:reveal'({ reservationId, lockId }) {
      const record = await ctx.stores.pins.get(pinField(reservationId, lockId));
      if (!record?.sealedPin) {
        throw new LockstepError('not_found', 'This stay has no PIN on that lock yet.', { fields: [{ field: 'reservationId', message: 'no PIN generated yet' }] });
      }
      await ctx.stores.journal.audit(actor, 'pin.reveal', `${reservationId} on ${lockId}`);
      return { pin: ctx.sealer.open(record.sealedPin) };
    },
  };
}

async function toView(ctx: CoreContext, r: Reservation): Promise<ReservationView> {
  const property = await ctx.stores.properties.get(r.propertyId);
  const locks = await ctx.stores.locks.all();
  const records = (await ctx.stores.pins.all()).filter((p) => p.reservationId === r.id);
  const pins: PinView[] = records.map((p) => ({
    lockId: p.lockId,
    lockName: locks.find((l) => l.id === p.lockId)?.name ?? p.lockId,
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
