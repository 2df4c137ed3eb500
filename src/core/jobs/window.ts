import type { Property } from '../../shared';
import type { Reservation } from '../store/records';

export interface PinWindow {
  /** When the PIN starts opening the door: check-in minus lead. Ms, UTC. */
  validFromMs: number;
  /** When it stops: check-out plus grace. Ms, UTC. */
  validToMs: number;
}

/** The window a stay's PIN is valid for, which is also when its jobs run. */
export function pinWindow(reservation: Reservation, property: Property): PinWindow {
  return {
    validFromMs: reservation.checkInMs - property.leadMinutes * 60_000,
    validToMs: reservation.checkOutMs + property.graceMinutes * 60_000,
  };
}

export function sameWindow(a: PinWindow, b: PinWindow): boolean {
  return a.validFromMs === b.validFromMs && a.validToMs === b.validToMs;
}
