import { z } from 'zod';
import {
  FEED_SOURCES,
  LOCK_LINKS,
  LOCK_PROVIDERS,
  PIN_STATES,
  RESERVATION_SOURCES,
} from '../../shared';

/**
 * Schemas of what Lockstep keeps in Redis. Everything read back is parsed
 * with these, so a record written by an older or broken version is reported
 * instead of trusted.
 */
export const propertyRecord = z.object({
  id: z.string(),
  name: z.string(),
  timeZone: z.string(),
  checkInTime: z.string(),
  checkOutTime: z.string(),
  leadMinutes: z.number(),
  graceMinutes: z.number(),
});

export const lockRecord = z.object({
  id: z.string(),
  propertyId: z.string(),
  name: z.string(),
  provider: z.enum(LOCK_PROVIDERS),
  link: z.enum(LOCK_LINKS),
  deviceId: z.string().optional(),
});

export const feedRecord = z.object({
  id: z.string(),
  propertyId: z.string(),
  url: z.string(),
  source: z.enum(FEED_SOURCES),
  intervalMinutes: z.number(),
  rules: z
    .object({
      stay: z.array(z.string()).optional(),
      skip: z.array(z.string()).optional(),
      otherwise: z.enum(['stay', 'skip']).optional(),
    })
    .optional(),
});

export const reservationRecord = z.object({
  id: z.string(),
  propertyId: z.string(),
  source: z.enum(RESERVATION_SOURCES),
  /** Identity at the source: `feed:<feedId>:<uid>`, `pms:<id>`, `manual:<id>`. */
  sourceKey: z.string(),
  guestName: z.string(),
  phoneLast4: z.string().optional(),
  /** The feed event's SUMMARY, kept to recognise a stay whose UID changed. */
  summary: z.string().optional(),
  checkInMs: z.number(),
  checkOutMs: z.number(),
  /** Per-stay overrides of the property's lead and grace (walk-ins use 0). */
  leadMinutes: z.number().int().min(0).optional(),
  graceMinutes: z.number().int().min(0).optional(),
  /** Locks this stay opens; omitted means every lock of the property. */
  lockIds: z.array(z.string()).optional(),
  status: z.enum(['confirmed', 'cancelled']),
  /** Who cancelled it: a feed may reopen only what a feed cancelled. */
  cancelledBy: z.string().optional(),
  /** Bumped on every change of dates, locks, property or status. */
  version: z.number().int(),
  createdAtMs: z.number(),
  updatedAtMs: z.number(),
});
export type Reservation = z.infer<typeof reservationRecord>;

export const pinRecord = z.object({
  reservationId: z.string(),
  lockId: z.string(),
  /** Reservation version whose window this record holds. */
  version: z.number().int(),
  state: z.enum(PIN_STATES),
  /** The PIN, sealed with the installation key; absent until generated. */
  sealedPin: z.string().optional(),
  /** Window the stay needs, for `version`. Ms since the epoch, UTC. */
  validFromMs: z.number(),
  validToMs: z.number(),
  /** What the lock holds for this stay, as last created or confirmed. */
  onLock: z
    .object({
      passwordId: z.string(),
      validFromMs: z.number(),
      validToMs: z.number(),
    })
    .optional(),
  lastError: z.string().optional(),
  /**
   * Earlier windows of this stay still on the lock, deleted once the lock
   * confirms the new one (a sleeping Wi-Fi lock may take hours).
   */
  retiringPasswordIds: z.array(z.string()).optional(),
  /** When the host was warned that the lock had not confirmed by check-in. */
  pendingWarnedAtMs: z.number().optional(),
  updatedAtMs: z.number(),
});
export type PinRecord = z.infer<typeof pinRecord>;

/** Field of the pins hash for one (reservation, lock) pair. */
export function pinField(reservationId: string, lockId: string): string {
  return `${reservationId}/${lockId}`;
}
