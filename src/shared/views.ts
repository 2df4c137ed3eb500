import type { Feed, Lock } from './setup';

/**
 * What the panel shows, as plain JSON (instants in ms since the epoch, UTC).
 */

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
  /**
   * Names a condition that can end (a feed that fails, a PIN not yet
   * confirmed): one entry per key, removed once the condition is over.
   */
  key?: string;
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
