import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestRedis, type TestRedis } from '../helpers/redis';
import {
  startTestCore,
  untilPinState,
  waitFor,
  type TestCore,
} from '../helpers/core';
import type { ReservationView } from '../../src/shared';

const FIXTURES = join(__dirname, '../fixtures/feeds');
let redis: TestRedis;

beforeAll(async () => {
  redis = await startTestRedis();
});
afterAll(async () => {
  await redis.stop();
});

async function withCore(run: (t: TestCore) => Promise<void>): Promise<void> {
  const t = await startTestCore({ redisUrl: redis.url });
  try {
    await run(t);
  } finally {
    await t.close();
  }
}

async function setUpProperty(t: TestCore, timeZone = 'America/New_York') {
  const property = await t.call('properties:save', {
    name: 'Harbor Flat',
    timeZone,
  });
  const lock = await t.call('locks:save', {
    propertyId: property.id,
    name: 'Front door',
    provider: 'simulated',
    link: 'zigbee',
  });
  return { property, lock };
}

async function pinStateOf(
  t: TestCore,
  reservationId: string,
): Promise<string | undefined> {
  const list = await t.call('reservations:list', {});
  return list.find((r) => r.id === reservationId)?.pins[0]?.state;
}

describe('feed import schedules PIN jobs', () => {
  it('creates one delayed create job at check-in minus lead and a revoke job at check-out', async () => {
    await withCore(async (t) => {
      const { property } = await setUpProperty(t);
      const feed = await t.call('feeds:save', {
        propertyId: property.id,
        url: join(FIXTURES, 'airbnb.ics'),
        source: 'airbnb',
      });
      const summary = await t.call('feeds:sync', { id: feed.id });
      expect(summary.imported).toBe(2);

      const stays = await t.call('reservations:list', {});
      const march = stays.find(
        (s) => s.checkInMs === Date.parse('2027-03-12T20:00:00Z'),
      );
      expect(march?.checkOutMs).toBe(Date.parse('2027-03-14T15:00:00Z'));
      expect(march?.phoneLast4).toBe('0142');

      const { jobs, counts } = await t.call('jobs:list', {});
      expect(counts.delayed).toBe(4);
      const forMarch = jobs.filter((j) => j.reservationId === march?.id);
      expect(
        forMarch
          .map((j) => [j.queue, new Date(j.runAtMs).toISOString()])
          .sort(),
      ).toEqual([
        ['pin-create', '2027-03-12T19:00:00.000Z'],
        ['pin-revoke', '2027-03-14T15:00:00.000Z'],
      ]);
      const delayed = await t.core.context.queues.create.getJob(
        forMarch.find((j) => j.queue === 'pin-create')?.id ?? '',
      );
      expect((delayed?.timestamp ?? 0) + (delayed?.opts.delay ?? 0)).toBe(
        Date.parse('2027-03-12T19:00:00Z'),
      );

      // A second sync of the same feed adds nothing.
      await t.call('feeds:sync', { id: feed.id });
      expect((await t.call('jobs:list', {})).counts.delayed).toBe(4);
    });
  });
});

describe('PIN jobs run against the lock', () => {
  it('puts a PIN on the simulated lock when the create job runs, and the host can reveal it', async () => {
    await withCore(async (t) => {
      const { property, lock } = await setUpProperty(t);
      const startsAtMs = Date.now() + 800;
      const endsAtMs = Date.now() + 3 * 3600_000;
      const stay = await t.call('reservations:addWalkIn', {
        propertyId: property.id,
        guestName: 'Walk-in Guest',
        startsAtMs,
        endsAtMs,
      });
      expect(stay.pins[0]?.state).toBe('scheduled');

      await untilPinState(t, stay.id, 'active');
      const onLock = await t.core.simulated.plainPins(lock.id);
      expect(onLock).toHaveLength(1);
      expect(onLock[0]).toMatchObject({
        validFromMs: startsAtMs,
        validToMs: endsAtMs,
      });
      const { pin } = await t.call('pins:reveal', {
        reservationId: stay.id,
        lockId: lock.id,
      });
      expect(pin).toMatch(/^\d{6}$/);
      expect(onLock[0]?.pin).toBe(pin);
    });
  });

  it('run now promotes a scheduled create job; cancelling the stay revokes the PIN from the lock', async () => {
    await withCore(async (t) => {
      const { property, lock } = await setUpProperty(t);
      const stay = await t.call('reservations:addWalkIn', {
        propertyId: property.id,
        guestName: 'Early Bird',
        startsAtMs: Date.now() + 3600_000,
        endsAtMs: Date.now() + 5 * 3600_000,
      });
      const create = (await t.call('jobs:list', {})).jobs.find(
        (j) => j.queue === 'pin-create' && j.reservationId === stay.id,
      );
      expect(create?.state).toBe('delayed');

      await t.call('jobs:runNow', {
        queue: 'pin-create',
        id: create?.id ?? '',
      });
      await untilPinState(t, stay.id, 'active');
      expect(await t.core.simulated.plainPins(lock.id)).toHaveLength(1);

      const cancelled = await t.call('reservations:cancel', { id: stay.id });
      expect(cancelled.status).toBe('cancelled');
      await untilPinState(t, stay.id, 'revoked');
      expect(await t.core.simulated.plainPins(lock.id)).toHaveLength(0);
      const left = (await t.call('jobs:list', {})).jobs.filter(
        (j) => j.reservationId === stay.id && j.state === 'delayed',
      );
      expect(left).toEqual([]);
    });
  });

  it('cancelling a stay before arrival removes its jobs and leaves the lock untouched', async () => {
    await withCore(async (t) => {
      const { property, lock } = await setUpProperty(t);
      const stay = await t.call('reservations:addWalkIn', {
        propertyId: property.id,
        guestName: 'Plans Changed',
        startsAtMs: Date.now() + 3600_000,
        endsAtMs: Date.now() + 7200_000,
      });
      await t.call('reservations:cancel', { id: stay.id });
      const { jobs } = await t.call('jobs:list', {});
      expect(
        jobs.filter(
          (j) => j.reservationId === stay.id && j.state !== 'completed',
        ),
      ).toEqual([]);
      expect(await pinStateOf(t, stay.id)).toBe('skipped');
      expect(await t.core.simulated.plainPins(lock.id)).toEqual([]);
    });
  });

  it('a job that failed every attempt is shown as failed with its reason and succeeds on retry', async () => {
    await withCore(async (t) => {
      const { property, lock } = await setUpProperty(t);
      await t.core.simulated.failNext(lock.id, 100);
      const stay = await t.call('reservations:addWalkIn', {
        propertyId: property.id,
        guestName: 'Unlucky',
        endsAtMs: Date.now() + 3600_000,
      });

      const failed = await waitFor(
        async () =>
          (await t.call('jobs:list', {})).jobs.find(
            (j) => j.reservationId === stay.id && j.state === 'failed',
          ),
        15_000,
        'job failed',
      );
      expect(failed.attemptsMade).toBe(3);
      expect(failed.failedReason).toContain('did not answer');
      expect(await pinStateOf(t, stay.id)).toBe('failed');
      expect(
        (await t.call('problems:list', {})).some((p) => p.kind === 'job'),
      ).toBe(true);

      await t.core.simulated.failNext(lock.id, 0);
      await t.call('jobs:retry', { queue: 'pin-create', id: failed.id });
      await untilPinState(t, stay.id, 'active');
      expect(await t.core.simulated.plainPins(lock.id)).toHaveLength(1);
    });
  });

  it('cancelling a single scheduled job removes it and marks the PIN skipped', async () => {
    await withCore(async (t) => {
      const { property } = await setUpProperty(t);
      const stay = await t.call('reservations:addWalkIn', {
        propertyId: property.id,
        guestName: 'Manual Override',
        startsAtMs: Date.now() + 3600_000,
        endsAtMs: Date.now() + 7200_000,
      });
      const create = (await t.call('jobs:list', {})).jobs.find(
        (j) => j.queue === 'pin-create' && j.reservationId === stay.id,
      );
      await t.call('jobs:cancel', {
        queue: 'pin-create',
        id: create?.id ?? '',
      });
      expect(
        (await t.call('jobs:list', {})).jobs.some((j) => j.id === create?.id),
      ).toBe(false);
      expect(await pinStateOf(t, stay.id)).toBe('skipped');
    });
  });
});

describe('several workers on one Redis', () => {
  it('never put two PINs on a lock for one stay, even when its create job is delivered twice to two machines', async () => {
    const first = await startTestCore({
      redisUrl: redis.url,
      machine: 'office',
    });
    const second = await startTestCore({
      redisUrl: redis.url,
      machine: 'laptop',
      namespace: first.namespace,
      installKey: first.installKey,
    });
    try {
      const { property, lock } = await setUpProperty(first);
      const stay: ReservationView = await first.call('reservations:addWalkIn', {
        propertyId: property.id,
        guestName: 'Twice Delivered',
        startsAtMs: Date.now() + 3600_000,
        endsAtMs: Date.now() + 7200_000,
      });
      const data = {
        reservationId: stay.id,
        lockId: lock.id,
        version: stay.version,
        runAtMs: Date.now(),
      };
      // Duplicate deliveries under other ids, spread over both machines' queues.
      await Promise.all(
        [first, second, first, second].map((t, i) =>
          t.core.context.queues.create.add('pin-create', data, {
            jobId: `dup${i}-${stay.id}`,
          }),
        ),
      );
      await waitFor(
        async () => {
          const counts = await first.core.context.queues.create.getJobCounts(
            'waiting',
            'active',
            'delayed',
          );
          return (counts.waiting ?? 0) + (counts.active ?? 0) === 0
            ? true
            : undefined;
        },
        15_000,
        'duplicates processed',
      );
      const onLock = await first.core.simulated.plainPins(lock.id);
      expect(onLock).toHaveLength(1);
    } finally {
      await second.close();
      await first.close();
    }
  });

  it('refuses to start a second machine with a different installation key', async () => {
    const first = await startTestCore({ redisUrl: redis.url });
    try {
      await expect(
        startTestCore({ redisUrl: redis.url, namespace: first.namespace }),
      ).rejects.toThrow(/another installation key/);
    } finally {
      await first.close();
    }
  });
});

describe('late and retried work', () => {
  it('retries with exponential backoff: 3 retries after the first try, from 2 s, by default', async () => {
    const t = await startTestCore({
      redisUrl: redis.url,
      options: { retry: { retries: 3, backoffMs: 2000 } },
    });
    try {
      const { property } = await setUpProperty(t);
      const stay = await t.call('reservations:addWalkIn', {
        propertyId: property.id,
        guestName: 'Backoff',
        startsAtMs: Date.now() + 3600_000,
        endsAtMs: Date.now() + 7200_000,
      });
      const job = (await t.call('jobs:list', {})).jobs.find(
        (j) => j.reservationId === stay.id && j.queue === 'pin-create',
      );
      const stored = await t.core.context.queues.create.getJob(job?.id ?? '');
      expect(stored?.opts.attempts).toBe(4);
      expect(stored?.opts.backoff).toEqual({
        type: 'exponential',
        delay: 2000,
      });
    } finally {
      await t.close();
    }
  });

  it('skips a create job that runs after the stay ended, saying how late it was', async () => {
    await withCore(async (t) => {
      const { property, lock } = await setUpProperty(t);
      const stay = await t.call('reservations:addWalkIn', {
        propertyId: property.id,
        guestName: 'Overslept',
        startsAtMs: Date.now() + 300,
        endsAtMs: Date.now() + 600,
      });
      // No worker ran while the machine slept; the job is found two hours late.
      await t.core.context.queues.create.add(
        'pin-create',
        {
          reservationId: stay.id,
          lockId: lock.id,
          version: stay.version,
          runAtMs: Date.now() - 2 * 3600_000,
        },
        { jobId: `late-${stay.id}`, delay: 800 },
      );
      const late = await waitFor(
        async () =>
          (await t.call('jobs:list', {})).jobs.find(
            (j) => j.id === `late-${stay.id}` && j.state === 'completed',
          ),
        10_000,
        'late job',
      );
      expect(late.result).toContain('stay already over');
      expect(late.lateByMs).toBeGreaterThanOrEqual(2 * 3600_000);
      expect(await t.core.simulated.plainPins(lock.id)).toEqual([]);
    });
  });
});

describe('what the host may not do', () => {
  it('refuses a walk-in on a lock of another property, or with no lock, naming lockIds', async () => {
    await withCore(async (t) => {
      const { property } = await setUpProperty(t);
      const other = await t.call('properties:save', {
        name: 'Other',
        timeZone: 'Europe/Paris',
      });
      const foreign = await t.call('locks:save', {
        propertyId: other.id,
        name: 'Not yours',
      });
      const base = {
        propertyId: property.id,
        guestName: 'Wrong Door',
        endsAtMs: Date.now() + 3600_000,
      };
      await expect(
        t.call('reservations:addWalkIn', { ...base, lockIds: [foreign.id] }),
      ).rejects.toThrow(/lockIds: not a lock of this property/);
      await expect(
        t.call('reservations:addWalkIn', { ...base, lockIds: [] }),
      ).rejects.toThrow(/lockIds: choose at least one lock/);
      expect(await t.core.simulated.plainPins(foreign.id)).toEqual([]);
    });
  });

  it('refuses two locks on one device', async () => {
    await withCore(async (t) => {
      const { property } = await setUpProperty(t);
      await t.call('locks:save', {
        propertyId: property.id,
        name: 'Door A',
        deviceId: 'dev-1',
      });
      await expect(
        t.call('locks:save', {
          propertyId: property.id,
          name: 'Door B',
          deviceId: 'dev-1',
        }),
      ).rejects.toThrow(/already the lock "Door A"/);
    });
  });

  it('refuses feed addresses it could never fetch, naming url', async () => {
    await withCore(async (t) => {
      const { property } = await setUpProperty(t);
      for (const url of ['relative/path.ics', 'ftp://example.test/cal.ics']) {
        await expect(
          t.call('feeds:save', { propertyId: property.id, url }),
        ).rejects.toThrow(
          /url: use an http\(s\) address or an absolute file path/,
        );
      }
    });
  });
});

describe('the per-stay Redis lock', () => {
  it('is renewed while its owner works and freed when the owner stops renewing', async () => {
    await withCore(async (t) => {
      const { RedisMutex } = await import('../../src/core/jobs/mutex');
      const mutex = new RedisMutex(t.core.context.redis);
      let wasHeldMidway: boolean | undefined;
      await mutex.withLock('{test}:mutex:renew', 300, async () => {
        await new Promise((resolve) => setTimeout(resolve, 700));
        wasHeldMidway =
          (await mutex.acquire('{test}:mutex:renew', 300)) === undefined;
      });
      expect(wasHeldMidway).toBe(true);
      expect(await mutex.acquire('{test}:mutex:renew', 300)).toBeDefined();

      // A crashed owner never renews: the lock frees itself after its TTL.
      const crashed = await mutex.acquire('{test}:mutex:crash', 200);
      expect(crashed).toBeDefined();
      expect(await mutex.acquire('{test}:mutex:crash', 200)).toBeUndefined();
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await mutex.acquire('{test}:mutex:crash', 200)).toBeDefined();
    });
  });
});
