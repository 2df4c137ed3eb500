import { afterEach, describe, expect, it } from 'vitest';
import { LockstepError } from '../../src/core/errors';
import { signRequest } from '../../src/core/locks/tuya/sign';
import type { FakeTuyaCloud } from '../fakes/tuya-cloud';
import {
  seen,
  startTuyaHarness,
  type HarnessOptions,
  type TuyaHarness,
} from '../fakes/tuya-cloud/harness';

let h: TuyaHarness;
afterEach(() => h.close());

async function start(options: HarnessOptions = {}) {
  h = await startTuyaHarness(options);
  return h;
}

async function rejection(promise: Promise<unknown>): Promise<LockstepError> {
  const error: unknown = await promise.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  );
  if (error instanceof LockstepError) return error;
  throw error;
}

/** A correctly signed call outside the client, to probe the fake directly. */
async function rawCall(
  cloud: FakeTuyaCloud,
  path: string,
  accessToken?: string,
) {
  const t = String(cloud.clock.now());
  const { sign } = signRequest({
    method: 'GET',
    pathAndQuery: path,
    body: '',
    clientId: cloud.accessId,
    secret: cloud.accessSecret,
    t,
    ...(accessToken === undefined ? {} : { accessToken }),
  });
  const headers: Record<string, string> = {
    client_id: cloud.accessId,
    sign,
    sign_method: 'HMAC-SHA256',
    t,
  };
  if (accessToken !== undefined) headers.access_token = accessToken;
  const response = await fetch(cloud.baseUrl + path, { headers });
  return (await response.json()) as { success: boolean; code?: number };
}

const readDevice = () => h.client.request('GET', '/v1.0/devices/dev-ble');

describe('access token', () => {
  it('makes one token request for five calls that find it expired', async () => {
    await start();
    await readDevice();
    expect(h.cloud.tokenRequests).toBe(1);

    h.cloud.clock.advance(7200 * 1000 + 1_000);
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => readDevice()));

    expect(results).toHaveLength(5);
    expect(h.cloud.tokenRequests).toBe(2);
  });

  it('makes one token request when the cloud rejects five calls with 1010', async () => {
    await start();
    await readDevice();
    h.cloud.failNext({ kind: '1010' });

    const results = await Promise.all([1, 2, 3, 4, 5].map(() => readDevice()));

    expect(results.every((r) => (r as { id: string }).id === 'dev-ble')).toBe(
      true,
    );
    expect(h.cloud.tokenRequests).toBe(2);
    expect(
      seen(h.cloud, /dev-ble$/).filter((r) => r.code === 1010).length,
    ).toBe(5);
  });

  it('repeats a call after 1010 without reporting a failure', async () => {
    await start();
    h.cloud.failNext({ kind: '1010' });
    const health = await h.provider.health(h.lock('bluetooth'));
    expect(health.online).toBe(true);
  });

  it('refreshes before expiry, and the refresh retires the old pair', async () => {
    await start();
    await readDevice();
    const oldAccess = h.sent.find((r) => r.headers.access_token)?.headers
      .access_token;

    h.cloud.clock.advance(7200 * 1000 - 30_000); // 30 s left: under the margin
    await readDevice();

    const tokenCalls = seen(h.cloud, /^\/v1\.0\/token/).map((r) => r.path);
    expect(tokenCalls).toEqual([
      '/v1.0/token?grant_type=1',
      '/v1.0/token/[refresh]',
    ]);
    const refreshPath = h.sent.find((r) =>
      /^\/v1\.0\/token\/\w/.test(r.path),
    )?.path;
    expect(oldAccess).toBeDefined();
    expect(refreshPath).toBeDefined();
    expect(
      await rawCall(h.cloud, '/v1.0/devices/dev-ble', oldAccess),
    ).toMatchObject({
      success: false,
      code: 1011,
    });
    expect(await rawCall(h.cloud, refreshPath ?? '')).toMatchObject({
      success: false,
      code: 1011,
    });
  });
});

describe('credentials and clock', () => {
  it('turns a wrong secret (1004) into provider_auth at once', async () => {
    await start({ clientSecret: 'x'.repeat(32) });
    const error = await rejection(h.provider.health(h.lock('wifi')));

    expect(error.code).toBe('provider_auth');
    expect(error.isRetryable).toBe(false);
    expect(error.message).toMatch(/access ID and access secret/);
    expect(h.cloud.requests.every((r) => r.code === 1004)).toBe(true);
    expect(await h.provider.testConnection()).toMatchObject({
      ok: false,
      code: 'provider_auth',
    });
  });

  it("says this computer's clock is off when the cloud answers 1013", async () => {
    await start({ clientSkewMs: 10 * 60_000 });
    const error = await rejection(h.provider.listPins(h.lock('wifi')));

    expect(error.code).toBe('provider_clock_skew');
    expect(error.isRetryable).toBe(false);
    expect(error.message).toMatch(/clock is off \(about 10 minutes ahead\)/);
    expect(h.cloud.requests.map((r) => r.code)).toEqual([1013]);
  });

  it('accepts a client clock a little off', async () => {
    await start({ clientSkewMs: -2 * 60_000 });
    await expect(h.provider.listPins(h.lock('wifi'))).resolves.toEqual([]);
  });
});
