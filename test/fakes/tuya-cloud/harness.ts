import type { Lock, LockLink } from '../../../src/shared';
import { createLogger } from '../../../src/core/log';
import { TuyaClient } from '../../../src/core/locks/tuya/client';
import { TuyaLockProvider } from '../../../src/core/locks/tuya/provider';
import {
  startFakeTuyaCloud,
  type FakeTuyaCloud,
  type FakeTuyaCloudOptions,
} from './index';

/** What the client sent, as seen at its own `fetch`. */
export interface SentRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface TuyaHarness {
  cloud: FakeTuyaCloud;
  provider: TuyaLockProvider;
  client: TuyaClient;
  sent: SentRequest[];
  /** Runs after each reply reaches the client, before it reads the body. */
  afterResponse: ((request: SentRequest) => void) | null;
  lock(link: LockLink, deviceId?: string): Lock;
  close(): Promise<void>;
}

export interface HarnessOptions extends FakeTuyaCloudOptions {
  /** Client clock offset from the fake clock, ms. */
  clientSkewMs?: number;
  /** Use this secret in the client instead of the fake's. */
  clientSecret?: string;
  timeoutMs?: number;
}

/**
 * A fake cloud with three locks (dev-wifi asleep, dev-zigbee, dev-ble) and a
 * provider plus a bare client on the fake's clock, both quiet in logs.
 */
export async function startTuyaHarness(
  options: HarnessOptions = {},
): Promise<TuyaHarness> {
  const cloud = await startFakeTuyaCloud(options);
  cloud.addDevice({ id: 'dev-wifi', name: 'Front door', link: 'wifi' });
  cloud.addDevice({ id: 'dev-zigbee', name: 'Back door', link: 'zigbee' });
  cloud.addDevice({ id: 'dev-ble', name: 'Garage', link: 'bluetooth' });

  const recordingFetch: typeof fetch = async (input, init) => {
    const href =
      typeof input === 'string'
        ? input
        : input instanceof URL
          ? input.href
          : input.url;
    const url = new URL(href);
    const request: SentRequest = {
      method: init?.method ?? 'GET',
      path: url.pathname + url.search,
      headers: { ...(init?.headers as Record<string, string>) },
      body: typeof init?.body === 'string' ? init.body : '',
    };
    harness.sent.push(request);
    const response = await fetch(input, init);
    harness.afterResponse?.(request);
    return response;
  };
  const clientOptions = {
    accessId: cloud.accessId,
    accessSecret: options.clientSecret ?? cloud.accessSecret,
    baseUrl: cloud.baseUrl,
    timeoutMs: options.timeoutMs ?? 2_000,
    now: () => cloud.clock.now() + (options.clientSkewMs ?? 0),
    fetch: recordingFetch,
    log: createLogger('test.tuya', { level: 'error', sink: () => {} }),
  };
  const devices: Record<LockLink, string> = {
    wifi: 'dev-wifi',
    zigbee: 'dev-zigbee',
    bluetooth: 'dev-ble',
  };
  const harness: TuyaHarness = {
    cloud,
    provider: new TuyaLockProvider(clientOptions),
    client: new TuyaClient(clientOptions),
    sent: [],
    afterResponse: null,
    lock: (link, deviceId) => ({
      id: `lock-${link}`,
      propertyId: 'prop-1',
      name: `${link} lock`,
      provider: 'tuya',
      link,
      deviceId: deviceId ?? devices[link],
    }),
    close: () => cloud.close(),
  };
  return harness;
}

/** Requests the fake saw on a path matching `pattern`. */
export function seen(cloud: FakeTuyaCloud, pattern: RegExp) {
  return cloud.requests.filter((r) => pattern.test(r.path));
}
