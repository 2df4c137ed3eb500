import { LockstepError } from '../../errors';

/**
 * The one place Tuya failures become `LockstepError`s. The raw Tuya code
 * rides along as the `cause` (a `TuyaApiError`) so callers that care about
 * one specific code (token rejected, stale ticket) can still see it.
 */
export class TuyaApiError extends Error {
  override readonly name = 'TuyaApiError';

  constructor(
    readonly code: number,
    readonly msg: string,
  ) {
    super(`Tuya code ${code}: ${msg}`);
  }
}

/** Tuya codes the client or provider react to by number. */
export const TUYA_CODE = {
  dataNotExist: 1000,
  signInvalid: 1004,
  tokenExpired: 1010,
  tokenInvalid: 1011,
  tokenStatusInvalid: 1012,
  requestTimeInvalid: 1013,
  permissionDeny: 1106,
  /** The fake answers a stale, used or foreign ticket with this code. */
  paramIllegal: 1109,
  deviceOffline: 2001,
} as const;

const AUTH_CODES = new Set([1001, 1004, 1005, 1008]);
const TOKEN_CODES = new Set([1010, 1011, 1012]);
const RATE_CODES = new Set([1110, 1111, 1199]);
const DEFAULT_RATE_WAIT_MS = 2_000;

/** The Tuya code behind an error, if it came from a Tuya reply. */
export function tuyaCodeOf(error: unknown): number | undefined {
  if (!(error instanceof LockstepError)) return undefined;
  const cause = error.options.cause;
  return cause instanceof TuyaApiError ? cause.code : undefined;
}

/** True when the cloud rejected the access token (expired or unknown). */
export function isTokenRejection(error: unknown): boolean {
  const code = tuyaCodeOf(error);
  return code !== undefined && TOKEN_CODES.has(code);
}

/**
 * Maps a `success: false` reply. `serverMs` (the reply's `t`) and `nowMs`
 * (this machine's clock) let a clock-skew error say how far off we are.
 */
export function tuyaFailure(
  code: number,
  msg: string,
  serverMs: number | undefined,
  nowMs: number,
): LockstepError {
  const cause = new TuyaApiError(code, msg);
  if (AUTH_CODES.has(code)) {
    return new LockstepError(
      'provider_auth',
      'The Tuya cloud refused the signature: check that the access ID and ' +
        'access secret are copied exactly from your Tuya cloud project and ' +
        'that the data center matches the project.',
      { cause },
    );
  }
  if (TOKEN_CODES.has(code)) {
    return new LockstepError(
      'provider_auth',
      'The Tuya cloud kept refusing fresh access tokens.',
      { cause, isRetryable: true },
    );
  }
  if (code === TUYA_CODE.requestTimeInvalid)
    return clockSkew(cause, serverMs, nowMs);
  if (code === TUYA_CODE.permissionDeny) {
    return new LockstepError(
      'provider_permission',
      'The Tuya cloud project may not use this device: link the app ' +
        'account that owns the lock to the cloud project.',
      { cause },
    );
  }
  if (code >= 28_841_000 && code <= 28_841_999) {
    return new LockstepError(
      'provider_quota',
      `The Tuya cloud project is not subscribed to this API or its quota is ` +
        `used up (${msg}); renew the API service in the Tuya IoT platform.`,
      { cause },
    );
  }
  if (RATE_CODES.has(code)) return rateLimited(cause, DEFAULT_RATE_WAIT_MS);
  if (code === TUYA_CODE.deviceOffline) {
    return new LockstepError(
      'lock_offline',
      'The lock is offline in the Tuya cloud.',
      { cause, isRetryable: true, holdsAttempt: true },
    );
  }
  if (code === TUYA_CODE.dataNotExist) {
    return new LockstepError('not_found', 'The Tuya cloud has no such item.', {
      cause,
    });
  }
  return new LockstepError(
    'lock_rejected',
    `The Tuya cloud refused the request: ${msg} (code ${code}).`,
    { cause },
  );
}

/** Maps an HTTP status other than 200; `retryAfter` is the header value (s). */
export function httpFailure(
  status: number,
  retryAfter: string | null,
): LockstepError {
  if (status === 429) {
    const seconds = Number(retryAfter);
    const waitMs =
      Number.isFinite(seconds) && seconds > 0
        ? seconds * 1000
        : DEFAULT_RATE_WAIT_MS;
    return rateLimited(new Error('HTTP 429'), waitMs);
  }
  return new LockstepError(
    'provider_unreachable',
    `The Tuya cloud answered HTTP ${status}.`,
    { isRetryable: status >= 500, cause: new Error(`HTTP ${status}`) },
  );
}

/** Maps a failed or timed-out fetch (`timeoutMs` is the per-request limit). */
export function networkFailure(
  cause: unknown,
  timeoutMs: number,
): LockstepError {
  const isTimeout = cause instanceof Error && cause.name === 'TimeoutError';
  const message = isTimeout
    ? `The Tuya cloud did not answer within ${timeoutMs} ms.`
    : 'The Tuya cloud could not be reached; check the internet connection.';
  return new LockstepError('provider_unreachable', message, {
    cause,
    isRetryable: true,
  });
}

function rateLimited(cause: Error, retryAfterMs: number): LockstepError {
  return new LockstepError(
    'provider_rate_limited',
    'The Tuya cloud asked Lockstep to slow down.',
    { cause, isRetryable: true, holdsAttempt: true, retryAfterMs },
  );
}

function clockSkew(
  cause: TuyaApiError,
  serverMs: number | undefined,
  nowMs: number,
): LockstepError {
  const offMinutes =
    serverMs === undefined
      ? undefined
      : Math.round((nowMs - serverMs) / 60_000);
  const by =
    offMinutes === undefined
      ? ''
      : ` (about ${Math.abs(offMinutes)} minutes ${offMinutes > 0 ? 'ahead' : 'behind'})`;
  return new LockstepError(
    'provider_clock_skew',
    `This computer's clock is off${by}; the Tuya cloud refuses requests ` +
      'whose time is more than a few minutes wrong. Set the clock to the ' +
      'correct time.',
    { cause },
  );
}
