import { describe, expect, it } from 'vitest';
import { LockstepError } from '../../src/core/errors';
import {
  httpFailure,
  isTokenRejection,
  networkFailure,
  tuyaCodeOf,
  tuyaFailure,
} from '../../src/core/locks/tuya/errors';

const NOW = 1_700_000_000_000;

function map(code: number, serverMs?: number): LockstepError {
  return tuyaFailure(code, `msg ${code}`, serverMs, NOW);
}

function behaviour(error: LockstepError) {
  return {
    code: error.code,
    isRetryable: error.isRetryable,
    holdsAttempt: error.options.holdsAttempt ?? false,
  };
}

describe('tuyaFailure', () => {
  it.each([
    [1004, 'provider_auth', false, false],
    [1005, 'provider_auth', false, false],
    [1013, 'provider_clock_skew', false, false],
    [1106, 'provider_permission', false, false],
    [28841002, 'provider_quota', false, false],
    [28841101, 'provider_quota', false, false],
    [1110, 'provider_rate_limited', true, true],
    [1111, 'provider_rate_limited', true, true],
    [2001, 'lock_offline', true, true],
    [1000, 'not_found', false, false],
    [1109, 'lock_rejected', false, false],
  ])('maps Tuya code %i to %s', (tuya, code, isRetryable, holdsAttempt) => {
    expect(behaviour(map(tuya))).toEqual({ code, isRetryable, holdsAttempt });
  });

  it('keeps the Tuya code reachable for callers that branch on it', () => {
    expect(tuyaCodeOf(map(1109))).toBe(1109);
    expect(isTokenRejection(map(1010))).toBe(true);
    expect(isTokenRejection(map(1011))).toBe(true);
    expect(isTokenRejection(map(1004))).toBe(false);
  });

  it('tells the host how far off the clock is', () => {
    const error = map(1013, NOW - 7 * 60_000);
    expect(error.message).toContain('about 7 minutes ahead');
    expect(map(1013, NOW + 10 * 60_000).message).toContain('10 minutes behind');
  });

  it('gives rate limits a wait before the next try', () => {
    expect(map(1110).options.retryAfterMs).toBeGreaterThan(0);
  });
});

describe('httpFailure and networkFailure', () => {
  it('treats HTTP 429 as a rate limit that honours Retry-After (s)', () => {
    const error = httpFailure(429, '3');
    expect(behaviour(error)).toEqual({
      code: 'provider_rate_limited',
      isRetryable: true,
      holdsAttempt: true,
    });
    expect(error.options.retryAfterMs).toBe(3000);
  });

  it('treats 5xx as retryable and other statuses as not', () => {
    expect(behaviour(httpFailure(502, null)).isRetryable).toBe(true);
    expect(httpFailure(502, null).code).toBe('provider_unreachable');
    expect(behaviour(httpFailure(404, null)).isRetryable).toBe(false);
  });

  it('names a timeout with its limit', () => {
    const timeout = new DOMException('timed out', 'TimeoutError');
    const error = networkFailure(timeout, 1500);
    expect(error.code).toBe('provider_unreachable');
    expect(error.isRetryable).toBe(true);
    expect(error.message).toContain('1500 ms');
  });
});
