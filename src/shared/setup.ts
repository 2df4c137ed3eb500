import { z } from 'zod';

/**
 * What a host configures: properties, locks, feeds and walk-ins, as zod
 * schemas both ends of the boundary parse with.
 */

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;

export const idSchema = z
  .string()
  .regex(ID, 'use letters, digits, "-" or "_" (at most 64)');

export const timeOfDaySchema = z
  .string()
  .regex(HHMM, 'use 24-hour HH:MM, for example 15:00');

/** Accepts any IANA zone name the runtime's ICU knows. */
export const timeZoneSchema = z.string().refine(isKnownTimeZone, {
  message: 'unknown IANA time zone (for example Europe/Lisbon)',
});

export function isKnownTimeZone(zone: string): boolean {
  if (!zone.includes('/') && zone !== 'UTC') return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** An http(s) or webcal address, a file:// URL or an absolute file path. */
export function isFeedAddress(value: string): boolean {
  if (value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value)) return true;
  return /^(https?|webcal|file):\/\/\S+$/i.test(value);
}

export const propertyInputSchema = z.object({
  id: idSchema.optional(),
  name: z.string().trim().min(1, 'name is required').max(120),
  timeZone: timeZoneSchema,
  checkInTime: timeOfDaySchema.default('15:00'),
  checkOutTime: timeOfDaySchema.default('11:00'),
  leadMinutes: z
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(60),
  graceMinutes: z
    .number()
    .int()
    .min(0)
    .max(24 * 60)
    .default(0),
});
export type PropertyInput = z.input<typeof propertyInputSchema>;
export type Property = z.output<typeof propertyInputSchema> & { id: string };

export const LOCK_PROVIDERS = ['simulated', 'tuya'] as const;
export type LockProviderKind = (typeof LOCK_PROVIDERS)[number];

/** How the lock reaches the cloud; decides PIN length and confirmation. */
export const LOCK_LINKS = ['wifi', 'zigbee', 'bluetooth'] as const;
export type LockLink = (typeof LOCK_LINKS)[number];

export const lockInputSchema = z.object({
  id: idSchema.optional(),
  propertyId: idSchema,
  name: z.string().trim().min(1, 'name is required').max(120),
  provider: z.enum(LOCK_PROVIDERS).default('simulated'),
  link: z.enum(LOCK_LINKS).default('wifi'),
  deviceId: z.string().trim().max(64).optional(),
});
export type LockInput = z.input<typeof lockInputSchema>;
export type Lock = z.output<typeof lockInputSchema> & { id: string };

export const FEED_SOURCES = ['airbnb', 'vrbo', 'booking', 'other'] as const;
export type FeedSource = (typeof FEED_SOURCES)[number];

export const feedInputSchema = z.object({
  id: idSchema.optional(),
  propertyId: idSchema,
  /** An http(s) URL or an absolute file path on the machine running workers. */
  url: z
    .string()
    .trim()
    .min(1, 'url or file path is required')
    .max(2000)
    .refine(isFeedAddress, {
      message: 'use an http(s) address or an absolute file path',
    }),
  source: z.enum(FEED_SOURCES).default('other'),
  intervalMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
  /**
   * The host's own rules for which events are stays, layered over the
   * source's defaults: case-insensitive patterns matched against SUMMARY.
   */
  rules: z
    .object({
      stay: z.array(z.string().min(1).max(200)).max(20).optional(),
      skip: z.array(z.string().min(1).max(200)).max(20).optional(),
      otherwise: z.enum(['stay', 'skip']).optional(),
    })
    .strict()
    .optional(),
});
export type FeedInput = z.input<typeof feedInputSchema>;
export type Feed = z.output<typeof feedInputSchema> & { id: string };

export const walkInInputSchema = z.object({
  propertyId: idSchema,
  guestName: z.string().trim().min(1, 'guest name is required').max(120),
  /** Instant the PIN should start working; omitted means now. */
  startsAtMs: z.number().int().positive().optional(),
  endsAtMs: z.number().int().positive(),
  lockIds: z.array(idSchema).optional(),
});
export type WalkInInput = z.input<typeof walkInInputSchema>;
