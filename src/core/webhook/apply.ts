import type { Property } from '../../shared';
import type { CoreContext } from '../context';
import { LockstepError } from '../errors';
import { cancelReservation } from '../reservations/cancel';
import { upsertReservation } from '../reservations/upsert';
import { wallTimeToMs } from '../time/zone';
import {
  actionOf,
  eventTimeMs,
  isDateOnly,
  type WebhookPayload,
} from './payload';
import type { StoredWebhook } from './log';

export type ApplyResult = Pick<
  StoredWebhook,
  'status' | 'reason' | 'reservationId'
>;

/**
 * Applies one verified, stored PMS event. A webhook is authoritative: a
 * cancellation revokes a PIN even during the stay. An event older than one
 * already applied to the same reservation is ignored, so late deliveries
 * never undo newer ones. An unknown accommodation is held for the host.
 */
export async function applyWebhook(
  ctx: CoreContext,
  payload: WebhookPayload,
): Promise<ApplyResult> {
  const { data } = payload;
  const property = await propertyFor(ctx, data.accommodationId);
  if (!property) {
    await ctx.stores.journal.problem({
      kind: 'webhook',
      subject: `PMS accommodation ${data.accommodationId}`,
      field: 'data.accommodationId',
      key: `pms-unmapped:${data.accommodationId}`,
      message:
        'No property is mapped to this accommodation. Map it in Problems; its held events will then be applied.',
    });
    return {
      status: 'held',
      reason: `accommodation ${data.accommodationId} is not mapped to a property`,
    };
  }

  const orderMs = eventTimeMs(payload);
  const lastMs =
    Number(await ctx.redis.hget(ctx.keys.webhookOrder, data.id)) || 0;
  if (orderMs !== undefined && orderMs < lastMs) {
    return {
      status: 'stale',
      reason: 'a newer event for this reservation was already applied',
    };
  }

  const sourceKey = `pms:${data.id}`;
  const existingId = await ctx.redis.hget(
    ctx.keys.reservationBySource,
    sourceKey,
  );
  const existing = existingId
    ? await ctx.stores.reservations.get(existingId)
    : undefined;
  // An undated event cannot be ordered, so it never reopens a cancelled stay.
  if (
    orderMs === undefined &&
    existing?.status === 'cancelled' &&
    actionOf(payload) !== 'cancelled'
  ) {
    return {
      status: 'stale',
      reason: 'an undated event cannot reopen a cancelled reservation',
      reservationId: existing.id,
    };
  }

  let reservationId: string | undefined;
  if (actionOf(payload) === 'cancelled') {
    if (existingId)
      reservationId = (await cancelReservation(ctx, existingId, 'pms-webhook'))
        .id;
  } else {
    const checkInMs = toInstant(
      data.checkInDate,
      property.checkInTime,
      property,
    );
    const checkOutMs = toInstant(
      data.checkOutDate,
      property.checkOutTime,
      property,
    );
    if (checkOutMs <= checkInMs) {
      throw new LockstepError(
        'invalid_input',
        'data.checkOutDate: check-out must be after check-in',
        {
          fields: [
            { field: 'data.checkOutDate', message: 'must be after check-in' },
          ],
        },
      );
    }
    const { reservation } = await upsertReservation(ctx, {
      propertyId: property.id,
      source: 'webhook',
      sourceKey,
      guestName: data.guestName ?? 'Guest',
      checkInMs,
      checkOutMs,
      status: 'confirmed',
      ...(data.guestPhone
        ? { phoneLast4: data.guestPhone.replace(/\D/g, '').slice(-4) }
        : {}),
    });
    reservationId = reservation.id;
  }
  if (orderMs !== undefined)
    await ctx.redis.hset(ctx.keys.webhookOrder, data.id, String(orderMs));
  return { status: 'applied', ...(reservationId ? { reservationId } : {}) };
}

/**
 * A date alone takes the property's default time in its zone; a date-time
 * with an offset is absolute; one without is the property's wall time.
 */
function toInstant(
  value: string,
  defaultTime: string,
  property: Property,
): number {
  const date = value.slice(0, 10).split('-').map(Number) as [
    number,
    number,
    number,
  ];
  const day = { year: date[0], month: date[1], day: date[2] };
  if (isDateOnly(value))
    return wallTimeToMs(day, defaultTime, property.timeZone);
  if (/(Z|[+-]\d{2}:?\d{2})$/.test(value)) return Date.parse(value);
  return wallTimeToMs(day, value.slice(11, 16), property.timeZone);
}

async function propertyFor(
  ctx: CoreContext,
  accommodationId: string,
): Promise<Property | undefined> {
  const mapped = await ctx.redis.hget(ctx.keys.pmsProperties, accommodationId);
  return ctx.stores.properties.get(mapped ?? accommodationId);
}
