import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
} from 'vitest';
import { pinName } from '../../src/core/locks/provider';
import { startFakeTuyaCloud, type FakeTuyaCloud } from '../fakes/tuya-cloud';
import {
  startTestCore,
  untilPinState,
  waitFor,
  type TestCore,
} from '../helpers/core';
import { startTestRedis, type TestRedis } from '../helpers/redis';

let redis: TestRedis;
let cloud: FakeTuyaCloud;
let t: TestCore;
let propertyId: string;
const HOUR = 3600_000;

beforeAll(async () => {
  redis = await startTestRedis();
});
afterAll(async () => {
  await redis.stop();
});
beforeEach(async () => {
  cloud = await startFakeTuyaCloud();
  cloud.addDevice({
    id: 'dev-zigbee',
    name: 'Back door',
    link: 'zigbee',
    battery: 64,
  });
  cloud.addDevice({ id: 'dev-wifi', name: 'Front door', link: 'wifi' });
  cloud.addDevice({ id: 'dev-ble', name: 'Side gate', link: 'bluetooth' });
  t = await startTestCore({
    redisUrl: redis.url,
    options: { confirmPollMs: 50, confirmWaitMs: 5000 },
  });
  await t.call('settings:saveTuya', {
    accessId: cloud.accessId,
    accessSecret: cloud.accessSecret,
    baseUrl: cloud.baseUrl,
  });
  propertyId = (
    await t.call('properties:save', {
      name: 'Mill House',
      timeZone: 'Europe/Dublin',
    })
  ).id;
});
afterEach(async () => {
  await t.close();
  await cloud.close();
});

async function addLock(
  deviceId: string,
  link: 'wifi' | 'zigbee' | 'bluetooth',
) {
  return t.call('locks:save', {
    propertyId,
    name: deviceId,
    provider: 'tuya',
    link,
    deviceId,
  });
}
async function pinOf(reservationId: string) {
  return (await t.call('reservations:list', {})).find(
    (r) => r.id === reservationId,
  )?.pins[0];
}
async function walkIn(
  name: string,
  startsAtMs = Date.now(),
  endsAtMs = Date.now() + 4 * HOUR,
  lockIds?: string[],
) {
  return t.call('reservations:addWalkIn', {
    propertyId,
    guestName: name,
    startsAtMs,
    endsAtMs,
    ...(lockIds ? { lockIds } : {}),
  });
}

describe('Tuya locks driven by the workers', () => {
  it('a Zigbee PIN is pending until the gateway confirms, then on the lock with its window in seconds', async () => {
    const lock = await addLock('dev-zigbee', 'zigbee');
    const startsAtMs = Math.ceil(Date.now() / 1000) * 1000 + 1000;
    const stay = await walkIn('Zig Guest', startsAtMs, startsAtMs + 4 * HOUR);
    await untilPinState(t, stay.id, 'active');

    const { pin } = await t.call('pins:reveal', {
      reservationId: stay.id,
      lockId: lock.id,
    });
    expect(pin).toMatch(/^\d{6}$/);
    const onDoor = cloud.pins('dev-zigbee');
    expect(onDoor).toEqual([
      expect.objectContaining({
        name: pinName(stay.id),
        pin,
        validFromS: startsAtMs / 1000,
        validToS: startsAtMs / 1000 + 4 * 3600,
      }),
    ]);
    expect(cloud.wouldOpen('dev-zigbee', pin, startsAtMs + HOUR)).toBe(true);
    expect(cloud.wouldOpen('dev-zigbee', pin, startsAtMs + 5 * HOUR)).toBe(
      false,
    );
    await t.core.maintain();
    const [health] = await t.call('locks:list', {});
    expect(health).toMatchObject({
      online: true,
      batteryPercent: 64,
      livePins: 1,
      passwordsOnLock: 1,
    });

    await t.call('reservations:cancel', { id: stay.id });
    await untilPinState(t, stay.id, 'revoked');
    expect(cloud.pins('dev-zigbee')).toEqual([]);
  });

  it('a sleeping Wi-Fi lock keeps the PIN pending, warns the host near check-in, and confirms once it wakes', async () => {
    const lock = await addLock('dev-wifi', 'wifi');
    const stay = await walkIn(
      'Wifi Guest',
      Date.now() + 500,
      Date.now() + 4 * HOUR,
    );
    await untilPinState(t, stay.id, 'pending');
    expect((await pinOf(stay.id))?.lastError).toMatch(/wake|fetched/i);
    expect(cloud.pins('dev-wifi')).toEqual([]);

    await t.core.maintain();
    const warnings = (await t.call('problems:list', {})).filter(
      (p) => p.kind === 'lock',
    );
    expect(warnings).toHaveLength(1);
    expect(warnings[0]?.message).toContain('not confirmed');

    cloud.wake('dev-wifi');
    await t.core.maintain();
    expect((await pinOf(stay.id))?.state).toBe('active');
    // The warning leaves the host's list once the lock has the PIN.
    expect(
      (await t.call('problems:list', {})).filter((p) => p.kind === 'lock'),
    ).toEqual([]);
    expect(cloud.pins('dev-wifi').map((p) => p.name)).toEqual([
      pinName(stay.id),
    ]);
    const { pin } = await t.call('pins:reveal', {
      reservationId: stay.id,
      lockId: lock.id,
    });
    expect(pin).toMatch(/^\d{7}$/);
  });

  it('an offline lock makes the job wait without spending attempts, and it succeeds when the lock is back', async () => {
    await addLock('dev-zigbee', 'zigbee');
    cloud.setOnline('dev-zigbee', false);
    const stay = await walkIn('Patient Guest');
    const waiting = await waitFor(
      async () => {
        const job = (await t.call('jobs:list', {})).jobs.find(
          (j) => j.reservationId === stay.id && j.queue === 'pin-create',
        );
        return job?.state === 'delayed' && job.runAtMs <= Date.now()
          ? job
          : undefined;
      },
      15_000,
      'create job waiting for the lock',
    );
    expect(waiting.attemptsMade).toBe(0);
    expect((await pinOf(stay.id))?.lastError).toMatch(/offline/i);

    await t.core.maintain();
    const lockView = (await t.call('locks:list', {}))[0];
    expect(lockView?.online).toBe(false);

    cloud.setOnline('dev-zigbee', true);
    await t.call('jobs:runNow', { queue: 'pin-create', id: waiting.id });
    await untilPinState(t, stay.id, 'active');
  });

  it('adopts a PIN already on the lock for the stay instead of creating a second', async () => {
    const lock = await addLock('dev-zigbee', 'zigbee');
    const startsAtMs = Math.ceil(Date.now() / 1000) * 1000 + 60_000;
    const stay = await walkIn(
      'Adopted Guest',
      startsAtMs,
      startsAtMs + 2 * HOUR,
    );
    const { pin } = await t
      .call('pins:reveal', { reservationId: stay.id, lockId: lock.id })
      .catch(() => ({ pin: '' }));
    expect(pin).toBe('');
    // Another machine already put the PIN on the lock before this record knew it.
    const provider = t.core.context.providers.requireTuya();
    await provider.createPin(lock, {
      name: pinName(stay.id),
      pin: '902817',
      validFromMs: startsAtMs,
      validToMs: startsAtMs + 2 * HOUR,
    });
    const create = (await t.call('jobs:list', {})).jobs.find(
      (j) => j.reservationId === stay.id && j.queue === 'pin-create',
    );
    await t.call('jobs:runNow', { queue: 'pin-create', id: create?.id ?? '' });
    await untilPinState(t, stay.id, 'active');
    expect(cloud.pins('dev-zigbee')).toHaveLength(1);
    const creates = cloud.requests.filter(
      (r) => r.method === 'POST' && r.path.endsWith('/temp-password'),
    );
    expect(creates).toHaveLength(1);
  });

  async function extend(stayId: string, checkOutMs: number) {
    const reservation = await t.core.context.stores.reservations.get(stayId);
    if (!reservation) throw new Error('reservation missing');
    const { upsertReservation } =
      await import('../../src/core/reservations/upsert');
    await upsertReservation(t.core.context, { ...reservation, checkOutMs });
  }
  const writesTo = (deviceId: string) =>
    cloud.requests
      .filter(
        (r) =>
          r.path.includes(deviceId) &&
          ((r.method === 'POST' && r.path.endsWith('/temp-password')) ||
            r.method === 'DELETE'),
      )
      .map((r) => r.method);

  it('a changed stay keeps its PIN: the new window is created before the old one is deleted', async () => {
    await addLock('dev-ble', 'bluetooth');
    const now = Math.ceil(Date.now() / 1000) * 1000;
    const stay = await walkIn('Extending Guest', now - HOUR, now + 2 * HOUR);
    await untilPinState(t, stay.id, 'active');
    const [before] = cloud.pins('dev-ble');

    await extend(stay.id, now + 26 * HOUR);
    await waitFor(
      () => {
        const pins = cloud.pins('dev-ble');
        return pins.length === 1 &&
          pins[0]?.validToS === (now + 26 * HOUR) / 1000
          ? true
          : undefined;
      },
      15_000,
      'moved window',
    );
    expect(cloud.pins('dev-ble')[0]?.pin).toBe(before?.pin);
    expect(writesTo('dev-ble')).toEqual(['POST', 'POST', 'DELETE']);
  });

  it('a lock that refuses the same code twice gets a new code for the moved stay, and the host is told', async () => {
    const lock = await addLock('dev-zigbee', 'zigbee');
    const now = Math.ceil(Date.now() / 1000) * 1000;
    const stay = await walkIn('Zig Extender', now - HOUR, now + 2 * HOUR);
    await untilPinState(t, stay.id, 'active');
    const [before] = cloud.pins('dev-zigbee');

    await extend(stay.id, now + 26 * HOUR);
    await waitFor(
      () => {
        const pins = cloud.pins('dev-zigbee');
        return pins.length === 1 &&
          pins[0]?.validToS === (now + 26 * HOUR) / 1000
          ? true
          : undefined;
      },
      15_000,
      'moved window',
    );
    const [after] = cloud.pins('dev-zigbee');
    expect(after?.pin).not.toBe(before?.pin);
    expect(
      (await t.call('pins:reveal', { reservationId: stay.id, lockId: lock.id }))
        .pin,
    ).toBe(after?.pin);
    // The old window was deleted only after the new one was on the lock.
    expect(writesTo('dev-zigbee').slice(-2)).toEqual(['POST', 'DELETE']);
    expect(
      (await t.call('problems:list', {})).some((p) =>
        p.message.includes('new PIN'),
      ),
    ).toBe(true);
  });

  it('on a sleeping Wi-Fi lock the old window stays until the lock confirms the moved one', async () => {
    await addLock('dev-wifi', 'wifi');
    cloud.wake('dev-wifi');
    const now = Math.ceil(Date.now() / 1000) * 1000;
    const stay = await walkIn('Sleepy Extender', now - HOUR, now + 2 * HOUR);
    await untilPinState(t, stay.id, 'active');
    const [before] = cloud.pins('dev-wifi');
    cloud.sleep('dev-wifi');

    await extend(stay.id, now + 26 * HOUR);
    await untilPinState(t, stay.id, 'pending');
    // The guest's code still opens the door with its old window.
    expect(cloud.pins('dev-wifi')).toEqual([before]);
    expect(writesTo('dev-wifi')).toEqual(['POST', 'POST']);

    cloud.wake('dev-wifi');
    await t.core.maintain();
    expect((await pinOf(stay.id))?.state).toBe('active');
    const after = cloud.pins('dev-wifi');
    expect(after).toHaveLength(1);
    expect(after[0]?.pin).toBe(before?.pin);
    expect(after[0]?.validToS).toBe((now + 26 * HOUR) / 1000);
  });

  it('five PIN jobs due at once with an expired token cause exactly one token request', async () => {
    const lock = await addLock('dev-zigbee', 'zigbee');
    await t.call('settings:testTuya', {});
    // Every token the cloud issued so far expires; the next call gets 1010.
    cloud.failNext({ kind: '1010' });
    const before = cloud.tokenRequests;
    const startsAtMs = Date.now() + 1500;
    await Promise.all(
      [1, 2, 3, 4, 5].map((n) =>
        walkIn(`Guest ${n}`, startsAtMs, startsAtMs + HOUR, [lock.id]),
      ),
    );
    await waitFor(
      async () =>
        (await t.call('reservations:list', {})).every(
          (r) => r.pins[0]?.state === 'active',
        )
          ? true
          : undefined,
      20_000,
      'five PINs',
    );
    expect(cloud.tokenRequests - before).toBe(1);
    expect(new Set(cloud.pins('dev-zigbee').map((p) => p.pin)).size).toBe(5);
  });
});

describe('Tuya failures as the workers see them', () => {
  it('a plan or quota error fails the job at once with a sentence the host can act on', async () => {
    await addLock('dev-ble', 'bluetooth');
    cloud.failNext({ kind: 'quota', times: 10 });
    const stay = await walkIn('Quota Guest');
    const failed = await waitFor(
      async () =>
        (await t.call('jobs:list', {})).jobs.find(
          (j) => j.reservationId === stay.id && j.state === 'failed',
        ),
      15_000,
      'failed job',
    );
    expect(failed.attemptsMade).toBe(1);
    expect(failed.failedReason).toMatch(/^provider_quota: /);
    expect((await pinOf(stay.id))?.state).toBe('failed');
  });

  it('a rate limit delays the job without spending an attempt', async () => {
    await addLock('dev-ble', 'bluetooth');
    cloud.failNext({ kind: 'rate_limit', times: 1 });
    const stay = await walkIn('Patient Guest');
    await untilPinState(t, stay.id, 'active', 20_000);
    const job = (await t.call('jobs:list', {})).jobs.find(
      (j) => j.reservationId === stay.id && j.queue === 'pin-create',
    );
    expect(job?.attemptsMade).toBe(1);
    expect(cloud.pins('dev-ble')).toHaveLength(1);
  });
});

describe('a PIN the lock gives up on after the job', () => {
  it('is marked failed, no longer counted as on the lock, and the host is told', async () => {
    await t.close();
    t = await startTestCore({
      redisUrl: redis.url,
      options: { confirmPollMs: 50, confirmWaitMs: 0 },
    });
    await t.call('settings:saveTuya', {
      accessId: cloud.accessId,
      accessSecret: cloud.accessSecret,
      baseUrl: cloud.baseUrl,
    });
    propertyId = (
      await t.call('properties:save', {
        name: 'Full House',
        timeZone: 'Europe/Dublin',
      })
    ).id;
    cloud.addDevice({
      id: 'dev-full',
      name: 'Full lock',
      link: 'zigbee',
      zigbeeOutcome: 'storage_full',
    });
    await addLock('dev-full', 'zigbee');
    const stay = await walkIn('Unlucky Guest');
    await untilPinState(t, stay.id, 'pending');
    await t.core.maintain();
    await t.core.maintain();
    expect((await pinOf(stay.id))?.state).toBe('failed');
    expect((await t.call('locks:list', {}))[0]?.livePins).toBe(0);
    const told = (await t.call('problems:list', {})).filter(
      (p) => p.kind === 'lock',
    );
    expect(told).toHaveLength(1);
    expect(told[0]?.message).toContain('storage is full');
  });
});

describe('Tuya settings', () => {
  it('keeps the access secret sealed at rest and never returns it', async () => {
    const raw = JSON.stringify(
      await t.core.context.redis.hgetall(t.core.context.keys.settings),
    );
    expect(raw).not.toContain(cloud.accessSecret);
    const view = await t.call('settings:get', {});
    expect(JSON.stringify(view)).not.toContain(cloud.accessSecret);
    expect(view).toMatchObject({
      isDemoMode: false,
      tuya: { accessId: cloud.accessId, hasSecret: true },
    });
  });

  it('test connection reports a wrong secret as a credentials problem the host can act on', async () => {
    expect(await t.call('settings:testTuya', {})).toEqual({
      ok: true,
      deviceCount: 3,
    });
    await t.call('settings:saveTuya', {
      accessId: cloud.accessId,
      accessSecret: 'X'.repeat(32),
      baseUrl: cloud.baseUrl,
    });
    const check = await t.call('settings:testTuya', {});
    expect(check).toMatchObject({ ok: false, code: 'provider_auth' });
  });

  it('lists the account devices for the lock picker', async () => {
    const devices = await t.call('locks:devices', {});
    expect(devices.map((d) => d.deviceId).sort()).toEqual([
      'dev-ble',
      'dev-wifi',
      'dev-zigbee',
    ]);
    expect(devices.find((d) => d.deviceId === 'dev-zigbee')?.isSubDevice).toBe(
      true,
    );
  });
});
