import type { WalkInInput } from '../../../../shared';
import { localInputToMs, msToLocalInput } from '../../lib/zone';

/** What the walk-in form holds; times are `datetime-local` values. */
export interface WalkInValues {
  propertyId: string;
  guestName: string;
  startMode: 'now' | 'later';
  /** Wall time in the property's zone; used when startMode is "later". */
  startsAt: string;
  /** Check-out wall time in the property's zone. */
  endsAt: string;
}

/** Contract field paths mapped to the form's own field names. */
export const WALK_IN_ALIASES = { startsAtMs: 'startsAt', endsAtMs: 'endsAt' };

export type WalkInBuild =
  | { ok: true; input: WalkInInput }
  | { ok: false; errors: Record<string, string> };

/**
 * Turns the form into a `reservations:addWalkIn` input, reading the wall
 * times in the property's IANA `zone` (never the browser's). `nowMs` is the
 * current instant, ms UTC, used to check that check-out is still ahead.
 */
export function buildWalkIn(
  values: WalkInValues,
  zone: string | undefined,
  nowMs: number,
): WalkInBuild {
  if (!values.propertyId || !zone) {
    return { ok: false, errors: { propertyId: 'choose a property' } };
  }
  const errors: Record<string, string> = {};

  let startsAtMs: number | undefined;
  if (values.startMode === 'later') {
    startsAtMs = localInputToMs(values.startsAt, zone) ?? undefined;
    if (startsAtMs === undefined) errors.startsAt = 'choose a date and time';
  }

  const endsAtMs = localInputToMs(values.endsAt, zone);
  if (endsAtMs === null) {
    errors.endsAt = 'choose a check-out date and time';
  } else if (endsAtMs <= (startsAtMs ?? nowMs)) {
    errors.endsAt = 'check-out must be after the PIN starts';
  }

  if (Object.keys(errors).length > 0 || endsAtMs === null) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    input: {
      propertyId: values.propertyId,
      guestName: values.guestName,
      endsAtMs,
      ...(startsAtMs === undefined ? {} : { startsAtMs }),
    },
  };
}

/**
 * The check-out a walk-in starts with: tomorrow, in the property's zone, at
 * its usual check-out time ("HH:MM"). `nowMs` is ms UTC.
 */
export function defaultCheckOut(
  nowMs: number,
  zone: string,
  checkOutTime: string,
): string {
  const tomorrow = msToLocalInput(nowMs + 24 * 3_600_000, zone);
  return `${tomorrow.slice(0, 10)}T${checkOutTime}`;
}
