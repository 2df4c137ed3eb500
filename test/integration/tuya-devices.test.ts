import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LockstepError } from '../../src/core/errors';
import { decryptTicketKey, encryptPin } from '../../src/core/locks/tuya/crypto';
import { tuyaCodeOf } from '../../src/core/locks/tuya/errors';
import {
  startTuyaHarness,
  type TuyaHarness,
} from '../fakes/tuya-cloud/harness';

let h: TuyaHarness;
beforeEach(async () => {
  h = await startTuyaHarness();
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

describe('health', () => {
  it('reads online state, name and battery percent', async () => {
    h.cloud.addDevice({
      id: 'dev-b',
      name: 'Shed',
      link: 'bluetooth',
      battery: 42,
    });
    expect(await h.provider.health(h.lock('bluetooth', 'dev-b'))).toEqual({
      online: true,
      batteryPercent: 42,
      name: 'Shed',
    });
  });

  it('turns a coarse battery level into a rough percent', async () => {
    h.cloud.addDevice({
      id: 'dev-l',
      name: 'Low',
      link: 'zigbee',
      battery: 'low',
    });
    const health = await h.provider.health(h.lock('zigbee', 'dev-l'));
    expect(health.batteryPercent).toBeLessThanOrEqual(20);
  });

  it('reports an offline lock instead of failing', async () => {
    h.cloud.setOnline('dev-wifi', false);
    expect((await h.provider.health(h.lock('wifi'))).online).toBe(false);
  });
});

describe('device picker', () => {
  it('lists every project device across pages', async () => {
    for (let i = 0; i < 60; i += 1) {
      h.cloud.addDevice({
        id: `extra-${i}`,
        name: `Extra ${i}`,
        link: 'zigbee',
      });
    }
    const devices = await h.provider.listDevices();
    expect(devices).toHaveLength(63);
    expect(new Set(devices.map((d) => d.deviceId)).size).toBe(63);
    expect(devices.find((d) => d.deviceId === 'dev-wifi')).toMatchObject({
      name: 'Front door',
      online: true,
      isSubDevice: false,
    });
    expect(
      h.cloud.requests.filter((r) => r.path.includes('associated-users')),
    ).toHaveLength(2);
  });

  it('testConnection says ok with the device count', async () => {
    expect(await h.provider.testConnection()).toEqual({
      ok: true,
      deviceCount: 3,
    });
  });

  it('testConnection names an unsubscribed API', async () => {
    h.cloud.failNext({ kind: 'quota' });
    expect(await h.provider.testConnection()).toMatchObject({
      ok: false,
      code: 'provider_quota',
      isRetryable: false,
    });
  });
});

describe('fake cloud rules', () => {
  async function ticketFor(deviceId: string) {
    const ticket = await h.client.request<{
      ticket_id: string;
      ticket_key: string;
    }>('POST', `/v1.0/devices/${deviceId}/door-lock/password-ticket`);
    return {
      id: ticket.ticket_id,
      key: decryptTicketKey(ticket.ticket_key, h.cloud.accessSecret),
    };
  }

  function create(deviceId: string, body: Record<string, unknown>) {
    return h.client.request(
      'POST',
      `/v1.0/devices/${deviceId}/door-lock/temp-password`,
      body,
    );
  }

  const nowS = () => Math.floor(h.cloud.clock.now() / 1000);

  it('refuses windows in milliseconds', async () => {
    const ticket = await ticketFor('dev-ble');
    const error = await rejection(
      create('dev-ble', {
        name: 'ms',
        password: encryptPin('123456', ticket.key),
        password_type: 'ticket',
        ticket_id: ticket.id,
        effective_time: h.cloud.clock.now(),
        invalid_time: h.cloud.clock.now() + 3_600_000,
      }),
    );
    expect(tuyaCodeOf(error)).toBe(1101);
    expect(h.cloud.pins('dev-ble')).toEqual([]);
  });

  it('refuses a PIN of the wrong length for the lock', async () => {
    const ticket = await ticketFor('dev-wifi');
    const error = await rejection(
      create('dev-wifi', {
        name: 'short',
        password: encryptPin('123456', ticket.key),
        password_type: 'ticket',
        ticket_id: ticket.id,
        effective_time: nowS(),
        invalid_time: nowS() + 3600,
      }),
    );
    expect(tuyaCodeOf(error)).toBe(1101);
  });

  it('accepts a ticket only once', async () => {
    const ticket = await ticketFor('dev-ble');
    const body = {
      name: 'once',
      password: encryptPin('654321', ticket.key),
      password_type: 'ticket',
      ticket_id: ticket.id,
      effective_time: nowS(),
      invalid_time: nowS() + 3600,
    };
    await create('dev-ble', body);
    const error = await rejection(
      create('dev-ble', { ...body, name: 'twice' }),
    );
    expect(tuyaCodeOf(error)).toBe(1109);
    expect(h.cloud.pins('dev-ble')).toHaveLength(1);
  });

  it('logs requests without tokens or secrets', async () => {
    await h.provider.createPin(h.lock('bluetooth'), {
      name: 'ls-r9',
      pin: '909090',
      validFromMs: h.cloud.clock.now(),
      validToMs: h.cloud.clock.now() + 3_600_000,
    });
    const logged = JSON.stringify(h.cloud.requests);
    const token = h.sent.find((r) => r.headers.access_token)?.headers
      .access_token;
    expect(token).toBeDefined();
    expect(logged).not.toContain(token);
    expect(logged).not.toContain(h.cloud.accessSecret);
    expect(logged).not.toContain('909090');
  });
});
