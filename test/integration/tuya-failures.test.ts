import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../src/shared';
import { LockstepError } from '../../src/core/errors';
import type { FailKind } from '../fakes/tuya-cloud';
import {
  seen,
  startTuyaHarness,
  type TuyaHarness,
} from '../fakes/tuya-cloud/harness';

let h: TuyaHarness;
beforeEach(async () => {
  h = await startTuyaHarness({ timeoutMs: 300 });
});
afterEach(() => h.close());

async function rejection(promise: Promise<unknown>): Promise<LockstepError> {
  const error: unknown = await promise.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  );
  if (error instanceof LockstepError) return error;
  throw error;
}

const listCalls = () => seen(h.cloud, /\/temp-passwords$/);

describe('cloud failures', () => {
  it.each<[FailKind, ErrorCode, boolean, boolean]>([
    ['5xx', 'provider_unreachable', true, false],
    ['timeout', 'provider_unreachable', true, false],
    ['rate_limit', 'provider_rate_limited', true, true],
    ['http_429', 'provider_rate_limited', true, true],
    ['quota', 'provider_quota', false, false],
    ['permission', 'provider_permission', false, false],
  ])(
    '%s becomes %s (retryable %s, holds attempt %s)',
    async (kind, code, isRetryable, holdsAttempt) => {
      const lock = h.lock('wifi');
      h.cloud.failNext({ kind });

      const error = await rejection(h.provider.listPins(lock));

      expect(error.code).toBe(code);
      expect(error.isRetryable).toBe(isRetryable);
      expect(error.options.holdsAttempt ?? false).toBe(holdsAttempt);
      expect(listCalls()).toHaveLength(1); // no hidden retry inside the client
      await expect(h.provider.listPins(lock)).resolves.toEqual([]);
    },
  );

  it('says how long to wait after a rate limit', async () => {
    h.cloud.failNext({ kind: 'http_429' });
    const fromHeader = await rejection(h.provider.listPins(h.lock('wifi')));
    expect(fromHeader.options.retryAfterMs).toBe(3000);

    h.cloud.failNext({ kind: 'rate_limit' });
    const fromCode = await rejection(h.provider.listPins(h.lock('wifi')));
    expect(fromCode.options.retryAfterMs).toBeGreaterThan(0);
  });

  it('names the time limit when the cloud does not answer', async () => {
    h.cloud.failNext({ kind: 'timeout' });
    const error = await rejection(h.provider.listPins(h.lock('wifi')));
    expect(error.message).toMatch(/did not answer within 300 ms/);
  });

  it('fails as many times as asked, then recovers', async () => {
    h.cloud.failNext({ kind: '5xx', times: 2 });
    const lock = h.lock('wifi');
    await rejection(h.provider.listPins(lock));
    await rejection(h.provider.listPins(lock));
    await expect(h.provider.listPins(lock)).resolves.toEqual([]);
  });

  it('reports an unreachable cloud as retryable', async () => {
    const { baseUrl } = h.cloud;
    await h.close();
    const error = await rejection(h.provider.listPins(h.lock('wifi')));
    expect(error.code).toBe('provider_unreachable');
    expect(error.isRetryable).toBe(true);
    expect(baseUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('treats a device outside the project as a permission problem', async () => {
    const error = await rejection(
      h.provider.health(h.lock('wifi', 'dev-unknown')),
    );
    expect(error.code).toBe('provider_permission');
  });
});
