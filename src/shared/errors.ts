/**
 * Stable error codes. Core code throws `LockstepError` with one of these; the
 * panel turns a code into the sentence a host reads (see `describeError`).
 */
export const ERROR_CODES = [
  'invalid_input',
  'not_found',
  'conflict',
  'redis_unavailable',
  'lock_offline',
  'lock_rejected',
  'provider_auth',
  'provider_clock_skew',
  'provider_permission',
  'provider_quota',
  'provider_rate_limited',
  'provider_unreachable',
  'pin_length',
  'feed_unreadable',
  'feed_invalid',
  'job_state',
  'internal',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

const SENTENCES: Record<ErrorCode, string> = {
  invalid_input: 'Some fields need fixing.',
  not_found: 'That item no longer exists.',
  conflict: 'That conflicts with something already saved.',
  redis_unavailable: 'Lockstep cannot reach its Redis database.',
  lock_offline: 'The lock is offline; Lockstep will try again when it is back.',
  lock_rejected: 'The lock refused the PIN.',
  provider_auth:
    'The lock cloud refused the credentials. Check the access ID and secret.',
  provider_clock_skew:
    "This computer's clock is off; set it to the correct time.",
  provider_permission:
    'The lock cloud account has no permission for this lock.',
  provider_quota: 'The lock cloud plan or quota does not allow this call.',
  provider_rate_limited:
    'The lock cloud asked Lockstep to slow down; it will retry.',
  provider_unreachable: 'The lock cloud could not be reached.',
  pin_length: 'The PIN length does not suit this lock.',
  feed_unreadable: 'The reservation feed could not be read.',
  feed_invalid: 'The reservation feed is not a valid calendar.',
  job_state: 'That job is not in a state that allows this.',
  internal: 'Something went wrong inside Lockstep.',
};

/** The host-facing sentence for a code; falls back to the raw message. */
export function describeError(code: string, message?: string): string {
  const known = (ERROR_CODES as readonly string[]).includes(code)
    ? SENTENCES[code as ErrorCode]
    : undefined;
  // Core messages written as whole sentences already say it all; a terse
  // one ("sign invalid") or a list of fields gets the code's sentence first.
  const isSentence = message !== undefined && /[.!?]$/.test(message.trim());
  if (message && isSentence && code !== 'invalid_input') return message;
  if (known && message && message !== known) return `${known} ${message}`;
  return known ?? message ?? code;
}
