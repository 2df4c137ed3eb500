import {
  afterAll,
  beforeAll,
  beforeEach,
  afterEach,
  describe,
  expect,
  it,
} from 'vitest';
import {
  upsertReservation,
  type IncomingStay,
} from '../../src/core/reservations/upsert';
import {
  startTestCore,
  untilPinState,
  waitFor,
  type TestCore,
} from '../helpers/core';
import { startTestRedis, type TestRedis } from '../helpers/redis';

let redis: TestRedis;
let t: TestCore;
let propertyId: string;
let lockId: string;
const HOUR = 3600_000;

beforeAll(async () => {
  redis = await startTestRedis();
});
afterAll(async () => {
  await redis.stop();
});
beforeEach(async () => {
  t = await startTestCore({ redisUrl: redis.url });
  propertyId = (
    await t.call('properties:save', {
      name: 'Loft',
      timeZone: 'Europe/Berlin',
      leadMinutes: 60,
    })
  ).id;
  lockId = (
    await t.call('locks:save', {
      propertyId,
      name: 'Loft door',
      link: 'zigbee',
    })
  ).id;
});
afterEach(async () => {
  await t.close();
});

function stay(
  key: string,
  checkInMs: number,
  checkOutMs: number,
  guestName = 'Alex Example',
): IncomingStay {
  return {
    propertyId,
    source: 'manual',
    sourceKey: `manual:${key}`,
    guestName,
    checkInMs,
    checkOutMs,
  };
}
const upsert = (s: IncomingStay) =>
  upsertReservation(t.core.context, s).then((r) => r.reservation);
const pinsOnLock = () => t.core.simulated.plainPins(lockId);
async function settled() {
  await waitFor(
    async () => {
      const counts = await t.core.context.queues.create.getJobCounts(
        'waiting',
        'active',
      );
      const revokes = await t.core.context.queues.revoke.getJobCounts(
        'waiting',
        'active',
      );
      return (counts.waiting ?? 0) +
        (counts.active ?? 0) +
        (revokes.waiting ?? 0) +
        (revokes.active ?? 0) ===
        0
        ? true
        : undefined;
    },
    15_000,
    'queues idle',
  );
}
async function stateOf(reservationId: string) {
  return (await t.call('reservations:list', {})).find(
    (r) => r.id === reservationId,
  )?.pins[0]?.state;
}

describe('changes to a stay', () => {
  it('an extension during the stay keeps the same PIN and moves its end', async () => {
    const now = Date.now();
    const first = await upsert(stay('ext', now - HOUR, now + 2 * HOUR));
    await untilPinState(t, first.id, 'active');
    const [before] = await pinsOnLock();

    const extended = await upsert(stay('ext', now - HOUR, now + 26 * HOUR));
    expect(extended.version).toBe(first.version + 1);
    await waitFor(async () => {
      const pins = await pinsOnLock();
      return pins.length === 1 && pins[0]?.validToMs === now + 26 * HOUR
        ? pins
        : undefined;
    });
    const [after] = await pinsOnLock();
    expect(after?.pin).toBe(before?.pin);
    expect(after?.validFromMs).toBe(now - 2 * HOUR);
  });

  it('an earlier check-in moves the create job and removes the old one', async () => {
    const checkIn = Date.parse('2027-06-10T13:00:00Z');
    const first = await upsert(stay('early', checkIn, checkIn + 48 * HOUR));
    const moved = await upsert(
      stay('early', checkIn - 3 * HOUR, checkIn + 48 * HOUR),
    );
    const jobs = (await t.call('jobs:list', {})).jobs.filter(
      (j) => j.reservationId === first.id && j.queue === 'pin-create',
    );
    expect(jobs).toHaveLength(1);
    expect(jobs[0]?.id).toContain(`-v${moved.version}`);
    expect(new Date(jobs[0]?.runAtMs ?? 0).toISOString()).toBe(
      '2027-06-10T09:00:00.000Z',
    );
  });

  it('a change that arrives while the create job runs ends with exactly one PIN with the new window', async () => {
    for (const key of ['race-1', 'race-2', 'race-3']) {
      const now = Date.now();
      await upsert(stay(key, now + 30 * 60_000, now + 4 * HOUR));
      // No wait: the version-1 create job is running or about to run.
      const changed = await upsert(
        stay(key, now + 30 * 60_000, now + 6 * HOUR),
      );
      // The new version's job may wait for the old one to release the mutex.
      const mine = await waitFor(
        async () => {
          const pins = (await pinsOnLock()).filter(
            (p) => p.name === `ls-${changed.id}`,
          );
          return pins.length === 1 && pins[0]?.validToMs === now + 6 * HOUR
            ? pins
            : undefined;
        },
        15_000,
        'one PIN with the new window',
      );
      await settled();
      expect(
        (await pinsOnLock()).filter((p) => p.name === `ls-${changed.id}`),
      ).toEqual(mine);
      expect(await stateOf(changed.id)).toBe('active');
    }
  });

  it('same-day turnover on one lock: the outgoing revoke never touches the incoming PIN', async () => {
    const now = Date.now();
    const outgoing = await upsert(
      stay('out', now - 20 * HOUR, now + 2 * HOUR, 'Departing Guest'),
    );
    const incoming = await upsert(
      stay('in', now + 4 * HOUR, now + 30 * HOUR, 'Arriving Guest'),
    );
    await untilPinState(t, outgoing.id, 'active');
    const createIn = (await t.call('jobs:list', {})).jobs.find(
      (j) => j.reservationId === incoming.id && j.queue === 'pin-create',
    );
    await t.call('jobs:runNow', {
      queue: 'pin-create',
      id: createIn?.id ?? '',
    });
    await untilPinState(t, incoming.id, 'active');

    const revokeOut = (await t.call('jobs:list', {})).jobs.find(
      (j) => j.reservationId === outgoing.id && j.queue === 'pin-revoke',
    );
    await t.call('jobs:runNow', {
      queue: 'pin-revoke',
      id: revokeOut?.id ?? '',
    });
    await untilPinState(t, outgoing.id, 'revoked');
    const left = await pinsOnLock();
    expect(left.map((p) => p.name)).toEqual([`ls-${incoming.id}`]);
  });

  it('back-to-back stays under one guest name stay separate, with different PINs', async () => {
    const now = Date.now();
    const a = await upsert(
      stay('b2b-1', now - HOUR, now + 2 * HOUR, 'Sam Same'),
    );
    const b = await upsert(
      stay('b2b-2', now + 2 * HOUR, now + 20 * HOUR, 'Sam Same'),
    );
    expect(a.id).not.toBe(b.id);
    const createB = (await t.call('jobs:list', {})).jobs.find(
      (j) => j.reservationId === b.id && j.queue === 'pin-create',
    );
    await t.call('jobs:runNow', { queue: 'pin-create', id: createB?.id ?? '' });
    await waitFor(async () =>
      (await pinsOnLock()).length === 2 ? true : undefined,
    );
    const [p1, p2] = await pinsOnLock();
    expect(p1?.pin).not.toBe(p2?.pin);
  });
});

describe('reconciler', () => {
  it("plans and then repairs a lost job, an orphan job and a cancelled stay's PIN left on a lock", async () => {
    const checkIn = Date.parse('2027-08-01T13:00:00Z');
    const kept = await upsert(stay('kept', checkIn, checkIn + 48 * HOUR));
    const gone = await upsert(
      stay('gone', checkIn + 72 * HOUR, checkIn + 96 * HOUR),
    );
    await t.call('reservations:cancel', { id: gone.id });
    const { queues } = t.core.context;
    await queues.create.remove(`create-${kept.id}-${lockId}-v1`);
    await queues.add('pin-create', {
      reservationId: 'rffffffffffffff0',
      lockId,
      version: 1,
      runAtMs: checkIn,
    });
    const lock = await t.core.context.stores.locks.get(lockId);
    if (!lock) throw new Error('lock missing');
    // The cancelled stay's PIN somehow stayed on the lock.
    await t.core.simulated.createPin(lock, {
      name: `ls-${gone.id}`,
      pin: '902817',
      validFromMs: Date.now(),
      validToMs: Date.now() + HOUR,
    });

    const plan = await t.call('reconcile:plan', {});
    expect({
      create: plan.create,
      revoke: plan.revoke,
      move: plan.move,
      removeJobs: plan.removeJobs,
      unknownPins: plan.unknownPins,
    }).toEqual({
      create: 1,
      revoke: 1,
      move: 0,
      removeJobs: 1,
      unknownPins: 0,
    });
    // Planning changes nothing.
    expect(await pinsOnLock()).toHaveLength(1);

    await t.call('reconcile:apply', {});
    expect(
      await queues.create.getJob(`create-${kept.id}-${lockId}-v1`),
    ).toBeDefined();
    expect(await pinsOnLock()).toHaveLength(0);
    const after = await t.call('reconcile:plan', {});
    expect(after.steps).toEqual([]);
    expect(
      (await t.call('audit:list', {})).filter((e) =>
        e.action.startsWith('reconcile.'),
      ),
    ).toHaveLength(3);
  });

  it('leaves a PIN of a stay it does not know on the lock and asks the host, once', async () => {
    const lock = await t.core.context.stores.locks.get(lockId);
    if (!lock) throw new Error('lock missing');
    // Another installation's guest, on a lock both manage.
    await t.core.simulated.createPin(lock, {
      name: 'ls-r000000000000abc',
      pin: '902817',
      validFromMs: Date.now(),
      validToMs: Date.now() + HOUR,
    });
    const plan = await t.call('reconcile:plan', {});
    expect({ revoke: plan.revoke, unknownPins: plan.unknownPins }).toEqual({
      revoke: 0,
      unknownPins: 1,
    });
    await t.call('reconcile:apply', {});
    await t.call('reconcile:apply', {});
    expect(await pinsOnLock()).toHaveLength(1);
    const asked = (await t.call('problems:list', {})).filter((p) =>
      p.subject.includes('ls-r000000000000abc'),
    );
    expect(asked).toHaveLength(1);
  });

  it('gives a PIN whose removal already ran (run by hand too early) a removal again', async () => {
    const now = Date.now();
    const early = await upsert(
      stay('early-revoke', now + 3 * HOUR, now + 6 * HOUR),
    );
    const ids = `${early.id}-${lockId}-v${early.version}`;
    await t.call('jobs:runNow', { queue: 'pin-revoke', id: `revoke-${ids}` });
    await waitFor(async () =>
      (await t.core.context.queues.revoke.getJob(`revoke-${ids}`))?.finishedOn
        ? true
        : undefined,
    );
    await t.call('jobs:runNow', { queue: 'pin-create', id: `create-${ids}` });
    await untilPinState(t, early.id, 'active');

    const plan = await t.call('reconcile:plan', {});
    expect(plan.move).toBe(1);
    await t.call('reconcile:apply', {});
    const pending = (await t.call('jobs:list', {})).jobs.filter(
      (j) =>
        j.reservationId === early.id &&
        j.queue === 'pin-revoke' &&
        j.state === 'delayed',
    );
    expect(pending).toHaveLength(1);
    expect(pending[0]?.runAtMs).toBe(now + 6 * HOUR);
  });
});

describe('cancellation racing a running create job', () => {
  it('still takes the PIN off the lock', async () => {
    for (const key of ['cancel-race-1', 'cancel-race-2', 'cancel-race-3']) {
      const now = Date.now();
      const created = await upsert(
        stay(key, now + 30 * 60_000, now + 4 * HOUR),
      );
      // No wait: the create job is running or about to run.
      await t.call('reservations:cancel', { id: created.id });
      await settled();
      await waitFor(
        async () =>
          (await pinsOnLock()).some((p) => p.name === `ls-${created.id}`)
            ? undefined
            : true,
        15_000,
        'PIN of the cancelled stay gone',
      );
    }
  });
});

describe('stays moved or changed concurrently', () => {
  it('moving a stay under way to next month takes its PIN off the lock now', async () => {
    const now = Date.now();
    const first = await upsert(stay('later', now - HOUR, now + 2 * HOUR));
    await untilPinState(t, first.id, 'active');
    const nextMonth = now + 30 * 24 * HOUR;
    await upsert(stay('later', nextMonth, nextMonth + 48 * HOUR));
    await waitFor(
      async () => {
        const pins = (await pinsOnLock()).filter(
          (p) => p.name === `ls-${first.id}`,
        );
        return pins.length === 1 && pins[0]?.validFromMs === nextMonth - HOUR
          ? true
          : undefined;
      },
      15_000,
      'PIN moved to the new window',
    );
  });

  it('two changes arriving together leave jobs that run at the final stay’s times', async () => {
    const base = Date.parse('2027-09-01T13:00:00Z');
    const first = await upsert(stay('together', base, base + 48 * HOUR));
    await Promise.all([
      upsert(stay('together', base, base + 72 * HOUR)),
      upsert(stay('together', base + 24 * HOUR, base + 96 * HOUR)),
    ]);
    const final = await t.core.context.stores.reservations.get(first.id);
    expect(final?.version).toBe(3);
    const jobs = (await t.call('jobs:list', {})).jobs.filter(
      (j) =>
        j.reservationId === first.id && j.id.endsWith(`-v${final?.version}`),
    );
    const revoke = jobs.find((j) => j.queue === 'pin-revoke');
    const create = jobs.find((j) => j.queue === 'pin-create');
    expect(revoke?.runAtMs).toBe(final?.checkOutMs);
    expect(create?.runAtMs).toBe((final?.checkInMs ?? 0) - HOUR);
  });

  it('refuses to remove a lock that still holds a guest PIN', async () => {
    const now = Date.now();
    const live = await upsert(stay('remove-lock', now - HOUR, now + 2 * HOUR));
    await untilPinState(t, live.id, 'active');
    await expect(t.call('locks:remove', { id: lockId })).rejects.toThrow(
      /still holds 1 guest PIN/,
    );
  });
});
