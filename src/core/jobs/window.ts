import type { Property } from '../../shared';
import type { Reservation } from '../store/records';

export interface PinWindow {
  /** When the PIN starts opening the door: check-in minus lead. Ms, UTC. */
  validFromMs: number;
  /** When it stops: check-out plus grace. Ms, UTC. */
  validToMs: number;
}

/**
 * The window a stay's PIN is valid for, which is also when its jobs run.
 * A stay's own lead or grace wins over the property's.
 */
export function pinWindow(
  reservation: Reservation,
  property: Property,
): PinWindow {
  const lead = reservation.leadMinutes ?? property.leadMinutes;
  const grace = reservation.graceMinutes ?? property.graceMinutes;
  return {
    validFromMs: reservation.checkInMs - lead * 60_000,
    validToMs: reservation.checkOutMs + grace * 60_000,
  };
}

/**
 * Equal as a lock sees them: locks keep whole seconds, the start rounded up
 * and the end rounded down, so a window read back from a lock still matches.
 */
export function sameWindow(a: PinWindow, b: PinWindow): boolean {
  const from = (w: PinWindow) => Math.ceil(w.validFromMs / 1000);
  const to = (w: PinWindow) => Math.floor(w.validToMs / 1000);
  return from(a) === from(b) && to(a) === to(b);
}
