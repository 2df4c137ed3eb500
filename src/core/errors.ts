import type { ErrorCode, FieldProblem } from '../shared';

/**
 * The one error class core code throws on purpose. `isRetryable` tells a
 * worker whether another attempt could succeed; `holdsAttempt` marks waits
 * (rate limits, token refresh) that must not spend one of the job's attempts.
 */
export class LockstepError extends Error {
  override readonly name = 'LockstepError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly options: {
      fields?: FieldProblem[];
      isRetryable?: boolean;
      holdsAttempt?: boolean;
      retryAfterMs?: number;
      cause?: unknown;
    } = {},
  ) {
    super(message, options.cause === undefined ? {} : { cause: options.cause });
  }

  get isRetryable(): boolean {
    return this.options.isRetryable ?? false;
  }
}

export function isLockstepError(e: unknown): e is LockstepError {
  return e instanceof LockstepError;
}
