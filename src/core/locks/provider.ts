import type { Lock } from '../../shared';

/** What the lock says about one PIN it was given. */
export type LockPinState =
  /** Sent, but the lock has not confirmed it (Wi-Fi asleep, Zigbee delivering). */
  | 'pending'
  /** The lock holds it and will open with it inside its window. */
  | 'active'
  /** The lock refused or could not store it. */
  | 'failed'
  /** The lock no longer holds it. */
  | 'missing';

export interface LockPin {
  /** The provider's id of the stored password. */
  passwordId: string;
  /** Name given at creation; Lockstep names PINs after the reservation. */
  name: string;
  state: LockPinState;
  validFromMs: number;
  validToMs: number;
  /** A reason a host can act on when `state` is 'failed' or 'pending'. */
  detail?: string;
  /** Set when the lock refused the code because it already holds it. */
  isDuplicateCode?: boolean;
}

export interface CreatePinRequest {
  /** Name stored on the lock; `pinName(reservationId)` so it can be adopted. */
  name: string;
  /** Digits only; length is checked against the lock before any call. */
  pin: string;
  /** Window start, ms since the epoch. Sent to the lock, rounded to seconds. */
  validFromMs: number;
  validToMs: number;
}

export interface LockHealth {
  online: boolean;
  batteryPercent: number | null;
  name?: string;
}

/**
 * One interface over every kind of lock. Methods throw `LockstepError` with a
 * provider code (lock_offline, provider_rate_limited, ...) on failure.
 */
export interface LockProvider {
  readonly kind: 'simulated' | 'tuya';
  /** PIN length the lock accepts. */
  pinLength(lock: Lock): number;
  createPin(lock: Lock, request: CreatePinRequest): Promise<LockPin>;
  readPin(lock: Lock, passwordId: string): Promise<LockPin>;
  deletePin(lock: Lock, passwordId: string): Promise<void>;
  listPins(lock: Lock): Promise<LockPin[]>;
  health(lock: Lock): Promise<LockHealth>;
}

/** The name Lockstep gives a reservation's PIN on a lock. */
export function pinName(reservationId: string): string {
  return `ls-${reservationId}`;
}
