import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LockstepError } from '../../src/core/errors';
import type { LockLink } from '../../src/shared';
import {
  seen,
  startTuyaHarness,
  type TuyaHarness,
} from '../fakes/tuya-cloud/harness';

let h: TuyaHarness;
beforeEach(async () => {
  h = await startTuyaHarness();
});
afterEach(() => h.close());

const HOUR = 3_600_000;

function stay(pin: string) {
  const validFromMs = h.cloud.clock.now() + HOUR + 1_234;
  return {
    name: 'ls-res-1',
    pin,
    validFromMs,
    validToMs: validFromMs + 48 * HOUR,
  };
}

async function rejection(promise: Promise<unknown>): Promise<LockstepError> {
  const error: unknown = await promise.then(
    () => new Error('expected a rejection'),
    (e: unknown) => e,
  );
  if (error instanceof LockstepError) return error;
  throw error;
}

describe('Wi-Fi lock', () => {
  it('stays pending while asleep, opens after waking, and closes after delete', async () => {
    const lock = h.lock('wifi');
    const request = stay('4815162');
    const created = await h.provider.createPin(lock, request);

    expect(created.state).toBe('pending');
    expect(created.detail).toMatch(/wake/);
    expect(h.cloud.pins('dev-wifi')).toEqual([]);
    expect((await h.provider.readPin(lock, created.passwordId)).state).toBe(
      'pending',
    );

    h.cloud.wake('dev-wifi');
    const confirmed = await h.provider.readPin(lock, created.passwordId);
    expect(confirmed.state).toBe('active');
    const inside = request.validFromMs + HOUR;
    expect(h.cloud.wouldOpen('dev-wifi', '4815162', inside)).toBe(true);
    expect(
      h.cloud.wouldOpen('dev-wifi', '4815162', request.validFromMs - HOUR),
    ).toBe(false);
    expect(
      h.cloud.wouldOpen('dev-wifi', '4815162', request.validToMs + 1),
    ).toBe(false);
    expect(
      (await h.provider.listPins(lock)).map((p) => [p.name, p.state]),
    ).toEqual([['ls-res-1', 'active']]);

    await h.provider.deletePin(lock, created.passwordId);
    expect(h.cloud.pins('dev-wifi')).toEqual([]);
    expect((await h.provider.readPin(lock, created.passwordId)).state).toBe(
      'missing',
    );
    expect(await h.provider.listPins(lock)).toEqual([]);
    await expect(
      h.provider.deletePin(lock, created.passwordId),
    ).resolves.toBeUndefined();
  });
});

describe('Zigbee lock', () => {
  it('is pending while the gateway configures it, then active', async () => {
    const lock = h.lock('zigbee');
    const created = await h.provider.createPin(lock, stay('271828'));

    expect(created.state).toBe('pending');
    expect(created.detail).toMatch(/Zigbee/);
    const confirmed = await h.provider.readPin(lock, created.passwordId);
    expect(confirmed.state).toBe('active');
    expect(h.cloud.pins('dev-zigbee').map((p) => p.pin)).toEqual(['271828']);

    await h.provider.deletePin(lock, created.passwordId);
    expect(h.cloud.pins('dev-zigbee')).toEqual([]);
  });

  it('confirms after the delivery delay even without read-backs', async () => {
    const lock = h.lock('zigbee');
    h.cloud.addDevice({ id: 'dev-z2', name: 'Side', link: 'zigbee' });
    const created = await h.provider.createPin(
      { ...lock, deviceId: 'dev-z2' },
      stay('314159'),
    );
    expect(created.state).toBe('pending');
    h.cloud.clock.advance(25_000);
    expect(
      (await h.provider.listPins({ ...lock, deviceId: 'dev-z2' }))[0]?.state,
    ).toBe('active');
  });

  it('reports a full lock as failed with a reason', async () => {
    h.cloud.addDevice({
      id: 'dev-full',
      name: 'Full',
      link: 'zigbee',
      zigbeeOutcome: 'storage_full',
    });
    const lock = h.lock('zigbee', 'dev-full');
    const created = await h.provider.createPin(lock, stay('112358'));
    const read = await h.provider.readPin(lock, created.passwordId);
    expect(read.state).toBe('failed');
    expect(read.detail).toMatch(/full/);
    expect(h.cloud.pins('dev-full')).toEqual([]);
  });
});

describe('Bluetooth lock', () => {
  it('is active at once through its gateway and gone after delete', async () => {
    const lock = h.lock('bluetooth');
    const created = await h.provider.createPin(lock, stay('602214'));
    expect(created.state).toBe('active');
    expect(h.cloud.pins('dev-ble')).toHaveLength(1);

    await h.provider.deletePin(lock, created.passwordId);
    expect(h.cloud.pins('dev-ble')).toEqual([]);
  });
});

describe('create', () => {
  it('sends the window as 10-digit seconds, rounded inwards', async () => {
    const request = stay('602214');
    await h.provider.createPin(h.lock('bluetooth'), request);

    const sent = h.sent.find((r) => r.path.endsWith('/temp-password'));
    const body = JSON.parse(sent?.body ?? '{}') as Record<string, unknown>;
    expect(String(body.effective_time)).toMatch(/^\d{10}$/);
    expect(body.effective_time).toBe(Math.ceil(request.validFromMs / 1000));
    expect(body.invalid_time).toBe(Math.floor(request.validToMs / 1000));
    expect(body.password).toMatch(/^[0-9A-F]+$/);
    expect(body.password).not.toContain('602214');
    const [door] = h.cloud.pins('dev-ble');
    expect(door?.validFromS).toBe(body.effective_time);
  });

  it.each<[LockLink, string]>([
    ['wifi', '123456'],
    ['wifi', '12345678'],
    ['zigbee', '1234567'],
    ['bluetooth', '12345'],
    ['bluetooth', '12a456'],
  ])(
    'refuses a bad PIN for a %s lock before any call (%s)',
    async (link, pin) => {
      const error = await rejection(
        h.provider.createPin(h.lock(link), stay(pin)),
      );
      expect(error.code).toBe('pin_length');
      expect(error.isRetryable).toBe(false);
      expect(h.cloud.requests).toHaveLength(0);
      expect(h.sent).toHaveLength(0);
    },
  );

  it('uses a fresh ticket for every create', async () => {
    await h.provider.createPin(h.lock('bluetooth'), stay('111111'));
    await h.provider.createPin(h.lock('bluetooth'), {
      ...stay('222222'),
      name: 'ls-res-2',
    });
    const tickets = h.sent
      .filter((r) => r.path.endsWith('/temp-password'))
      .map((r) => (JSON.parse(r.body) as { ticket_id: string }).ticket_id);
    expect(tickets).toHaveLength(2);
    expect(new Set(tickets).size).toBe(2);
  });

  it('replaces a ticket that expired before it was used', async () => {
    let hasAdvanced = false;
    h.afterResponse = (request) => {
      if (hasAdvanced || !request.path.endsWith('/password-ticket')) return;
      hasAdvanced = true;
      h.cloud.clock.advance(6 * 60_000); // past the 5-minute ticket life
    };

    const created = await h.provider.createPin(
      h.lock('bluetooth'),
      stay('141421'),
    );

    expect(created.state).toBe('active');
    expect(seen(h.cloud, /\/password-ticket$/)).toHaveLength(2);
    expect(seen(h.cloud, /\/temp-password$/).map((r) => r.code)).toEqual([
      1109,
      null,
    ]);
    expect(h.cloud.pins('dev-ble').map((p) => p.pin)).toEqual(['141421']);
  });

  it('waits for an offline lock without spending an attempt', async () => {
    h.cloud.setOnline('dev-ble', false);
    const error = await rejection(
      h.provider.createPin(h.lock('bluetooth'), stay('161803')),
    );
    expect(error.code).toBe('lock_offline');
    expect(error.isRetryable).toBe(true);
    expect(error.options.holdsAttempt).toBe(true);
    expect(h.cloud.pins('dev-ble')).toEqual([]);
  });

  it('needs a device id on the lock', async () => {
    const noDevice = { ...h.lock('wifi'), deviceId: undefined };
    const error = await rejection(
      h.provider.createPin(noDevice, stay('1234567')),
    );
    expect(error.code).toBe('invalid_input');
  });
});
