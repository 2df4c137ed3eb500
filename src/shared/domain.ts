import { z } from 'zod';

/**
 * Everything that crosses the IPC/HTTP boundary. Inputs are zod schemas so
 * both ends parse them; outputs are plain JSON view types (numbers for
 * instants, in ms since the epoch, UTC).
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

export const PIN_STATES = [
  'scheduled',
  'pending',
  'active',
  'failed',
  'revoked',
  'skipped',
] as const;
/**
 * scheduled: create job waiting; pending: sent, lock has not confirmed;
 * active: lock confirmed; failed: create gave up; revoked: removed;
 * skipped: never created (stay over or superseded).
 */
export type PinState = (typeof PIN_STATES)[number];

export interface PinView {
  lockId: string;
  lockName: string;
  state: PinState;
  /** Masked ("••••••") until revealed with `pins:reveal`. */
  masked: string;
  validFromMs: number;
  validToMs: number;
  lastError?: string;
}

export const RESERVATION_SOURCES = ['ical', 'webhook', 'manual'] as const;
export type ReservationSource = (typeof RESERVATION_SOURCES)[number];

export interface ReservationView {
  id: string;
  propertyId: string;
  propertyName: string;
  timeZone: string;
  source: ReservationSource;
  guestName: string;
  phoneLast4?: string;
  checkInMs: number;
  checkOutMs: number;
  status: 'confirmed' | 'cancelled';
  version: number;
  pins: PinView[];
}

export const JOB_STATES = [
  'delayed',
  'waiting',
  'active',
  'completed',
  'failed',
] as const;
export type JobState = (typeof JOB_STATES)[number];

export interface JobView {
  id: string;
  queue: 'pin-create' | 'pin-revoke';
  state: JobState;
  reservationId: string;
  lockId: string;
  guestName: string;
  runAtMs: number;
  attemptsMade: number;
  failedReason?: string;
  /** Set when the job ran later than planned (machine asleep, no worker). */
  lateByMs?: number;
  result?: string;
}

export interface JobsView {
  counts: Record<JobState, number>;
  jobs: JobView[];
}

export interface LockView extends Lock {
  propertyName: string;
  isSimulated: boolean;
  online: boolean | null;
  batteryPercent: number | null;
  /** Stays whose PIN Lockstep put on this lock and has not revoked. */
  livePins: number;
  /** PINs the lock itself reported at the last health check (any origin). */
  passwordsOnLock: number | null;
  checkedAtMs: number | null;
  lastError?: string;
}

export interface FeedView extends Feed {
  lastGoodFetchMs: number | null;
  lastError?: string;
  lastImported: number;
}

/** Something the host should look at: a rejected input or a failed action. */
export interface ProblemView {
  id: string;
  atMs: number;
  kind: 'feed' | 'webhook' | 'job' | 'lock' | 'config';
  subject: string;
  field?: string;
  message: string;
}

export interface AuditEntryView {
  atMs: number;
  actor: string;
  machine: string;
  action: string;
  detail: string;
}

export interface AppInfo {
  version: string;
  machine: string;
  machineTimeZone: string;
  isDemoMode: boolean;
  redis: 'embedded' | 'external';
}

export interface ImportSummary {
  feedId: string;
  imported: number;
  updated: number;
  skipped: number;
  problems: ProblemView[];
}

/** Topics pushed to the panel when something it shows has changed. */
export const CHANGE_TOPICS = [
  'settings',
  'properties',
  'locks',
  'feeds',
  'reservations',
  'jobs',
  'problems',
] as const;
export type ChangeTopic = (typeof CHANGE_TOPICS)[number];

export const WEBHOOK_STATUSES = [
  'rejected',
  'accepted',
  'applied',
  'stale',
  'held',
  'failed',
] as const;
/**
 * rejected: bad signature or body, not processed; accepted: stored, being
 * processed; applied: changed a reservation; stale: older than an event
 * already applied; held: waits for the host to map its accommodation;
 * failed: processing raised an error.
 */
export type WebhookStatus = (typeof WEBHOOK_STATUSES)[number];

export interface WebhookEventView {
  id: string;
  receivedAtMs: number;
  status: WebhookStatus;
  httpStatus: number;
  event?: string;
  pmsReservationId?: string;
  accommodationId?: string;
  reservationId?: string;
  reason?: string;
  /** Times the same body was delivered again after the first. */
  duplicates: number;
}

export const pmsMappingInputSchema = z.object({
  accommodationId: z
    .string()
    .trim()
    .min(1, 'accommodation id is required')
    .max(120),
  propertyId: idSchema,
});

/** One repair the reconciler would make. */
export interface ReconcileStep {
  action: 'create' | 'revoke' | 'move' | 'remove-job';
  detail: string;
  reservationId?: string;
  lockId?: string;
  passwordId?: string;
  queue?: 'pin-create' | 'pin-revoke';
  jobId?: string;
}

/** "Will create 2, revoke 1, move 1": what reconciling now would change. */
export interface ReconcilePlan {
  create: number;
  revoke: number;
  move: number;
  removeJobs: number;
  steps: ReconcileStep[];
}

export const TUYA_REGION_NAMES = [
  'us-west',
  'us-east',
  'eu-central',
  'eu-west',
  'china',
  'india',
] as const;

export const tuyaSettingsInputSchema = z.object({
  accessId: z.string().trim().min(1, 'access ID is required').max(64),
  /** Omitted keeps the stored secret; it is never sent back to the panel. */
  accessSecret: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{32}$/, 'Tuya access secrets are 32 letters and digits')
    .optional(),
  region: z.enum(TUYA_REGION_NAMES).default('us-west'),
  /** Overrides the region's address (a proxy, or a local test cloud). */
  baseUrl: z
    .string()
    .url()
    .refine((v) => /^https?:\/\//i.test(v), 'use an http(s) address')
    .optional(),
});
export type TuyaSettingsInput = z.input<typeof tuyaSettingsInputSchema>;

export interface SettingsView {
  tuya: {
    accessId: string;
    region: (typeof TUYA_REGION_NAMES)[number];
    baseUrl: string;
    hasSecret: boolean;
    /** Where the credentials come from; a config file cannot be edited here. */
    origin: 'panel' | 'config';
  } | null;
  isDemoMode: boolean;
}

export type ConnectionCheckView =
  | { ok: true; deviceCount: number }
  | { ok: false; code: string; message: string };

export interface LockDeviceView {
  deviceId: string;
  name: string;
  category: string;
  online: boolean;
  /** Behind a gateway: Zigbee or Bluetooth, so 6-digit PINs. */
  isSubDevice: boolean;
}
