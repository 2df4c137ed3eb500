import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signBody } from '../../src/core/webhook/signature';
import { startTestCore, waitFor, type TestCore } from '../helpers/core';
import { startTestRedis, type TestRedis } from '../helpers/redis';

const SECRET = 'test-webhook-secret-0123456789';
let redis: TestRedis;
let t: TestCore;
let propertyId: string;
let lockId: string;

beforeAll(async () => {
  redis = await startTestRedis();
  t = await startTestCore({
    redisUrl: redis.url,
    options: { webhookSecret: SECRET },
  });
  propertyId = (
    await t.call('properties:save', {
      id: 'apt-12',
      name: 'Apartment 12',
      timeZone: 'America/New_York',
    })
  ).id;
  lockId = (
    await t.call('locks:save', { propertyId, name: 'Unit door', link: 'wifi' })
  ).id;
});
afterAll(async () => {
  await t.close();
  await redis.stop();
});

function send(body: unknown, options: { secret?: string | null } = {}) {
  const raw = Buffer.from(
    typeof body === 'string' ? body : JSON.stringify(body),
  );
  const headers: Record<string, string | undefined> = {};
  if (options.secret !== null)
    headers['x-webhook-signature'] = signBody(raw, options.secret ?? SECRET);
  return t.core.receiveWebhook(raw, headers);
}

function event(kind: string, id: string, data: Record<string, unknown> = {}) {
  return {
    event: kind,
    timestamp: '2027-03-01T10:00:00Z',
    data: {
      id,
      accommodationId: 'apt-12',
      guestName: 'Robin Sample',
      guestEmail: 'robin@example.test',
      guestPhone: '+1 555 0100 4321',
      checkInDate: '2027-03-14',
      checkOutDate: '2027-03-16',
      status: 'confirmed',
      numberOfGuests: 2,
      updatedAt: '2027-03-01T10:00:00Z',
      ...data,
    },
  };
}

async function stayFor(pmsId: string) {
  const list = await t.call('reservations:list', {});
  const all = await t.core.context.stores.reservations.all();
  const id = all.find((r) => r.sourceKey === `pms:${pmsId}`)?.id;
  return list.find((r) => r.id === id);
}

describe('PMS webhook', () => {
  it('creates a stay with its times in the property zone, across the spring-forward night', async () => {
    const answer = await send(event('reservation.created', 'PMS-1'));
    expect(answer.status).toBe(200);
    const stay = await stayFor('PMS-1');
    expect(new Date(stay?.checkInMs ?? 0).toISOString()).toBe(
      '2027-03-14T19:00:00.000Z',
    );
    expect(new Date(stay?.checkOutMs ?? 0).toISOString()).toBe(
      '2027-03-16T15:00:00.000Z',
    );
    expect(stay?.phoneLast4).toBe('4321');
    const jobs = (await t.call('jobs:list', {})).jobs.filter(
      (j) => j.reservationId === stay?.id,
    );
    expect(jobs.map((j) => new Date(j.runAtMs).toISOString()).sort()).toEqual([
      '2027-03-14T18:00:00.000Z',
      '2027-03-16T15:00:00.000Z',
    ]);
  });

  it('answers 401 to an unsigned or wrongly signed request and still records it as rejected', async () => {
    expect(
      (await send(event('reservation.created', 'PMS-X'), { secret: null }))
        .status,
    ).toBe(401);
    expect(
      (
        await send(event('reservation.created', 'PMS-Y'), {
          secret: 'wrong-secret-wrong-secret',
        })
      ).status,
    ).toBe(401);
    const log = await t.call('webhooks:list', {});
    expect(
      log.filter((e) => e.status === 'rejected' && e.httpStatus === 401),
    ).toHaveLength(2);
    expect(await stayFor('PMS-X')).toBeUndefined();
    expect(
      (await t.call('problems:list', {})).some(
        (p) =>
          p.kind === 'webhook' && p.message.includes('X-Webhook-Signature'),
      ),
    ).toBe(true);
  });

  it('answers 400 naming the field of a malformed body', async () => {
    const answer = await send({
      event: 'reservation.created',
      data: {
        id: 'PMS-2',
        accommodationId: 'apt-12',
        checkInDate: '14/03/2027',
        checkOutDate: '2027-03-16',
      },
    });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain('data.checkInDate');
    expect((await send('not json')).status).toBe(400);
    expect(
      (await send({ event: 'reservation.exploded', data: {} })).status,
    ).toBe(400);
  });

  it('processes a delivery once even when it arrives twice', async () => {
    const body = event('reservation.created', 'PMS-3', {
      checkInDate: '2027-04-01',
      checkOutDate: '2027-04-03',
    });
    await send(body);
    const first = await stayFor('PMS-3');
    const again = await send(body);
    expect(again.body).toMatchObject({ duplicate: true });
    expect((await stayFor('PMS-3'))?.version).toBe(first?.version);
    expect(
      (await t.call('webhooks:list', {})).find(
        (e) => e.pmsReservationId === 'PMS-3',
      )?.duplicates,
    ).toBe(1);
  });

  it('does not let an older event undo a newer one', async () => {
    await send(
      event('reservation.created', 'PMS-4', {
        checkInDate: '2027-05-01',
        checkOutDate: '2027-05-04',
        updatedAt: '2027-03-01T10:00:00Z',
      }),
    );
    await send(
      event('reservation.modified', 'PMS-4', {
        checkInDate: '2027-05-01',
        checkOutDate: '2027-05-06',
        updatedAt: '2027-03-03T10:00:00Z',
      }),
    );
    const late = await send(
      event('reservation.updated', 'PMS-4', {
        checkInDate: '2027-05-01',
        checkOutDate: '2027-05-05',
        updatedAt: '2027-03-02T10:00:00Z',
      }),
    );
    expect(late.body).toMatchObject({ status: 'stale' });
    expect(
      new Date((await stayFor('PMS-4'))?.checkOutMs ?? 0).toISOString(),
    ).toBe('2027-05-06T15:00:00.000Z');
  });

  it('a cancellation during the stay revokes the PIN at once (the PMS is authoritative)', async () => {
    const now = new Date();
    const iso = (ms: number) => new Date(ms).toISOString();
    await send(
      event('reservation.created', 'PMS-5', {
        checkInDate: iso(now.getTime() - 3600_000),
        checkOutDate: iso(now.getTime() + 86_400_000),
        updatedAt: iso(now.getTime() - 1000),
      }),
    );
    const stay = await stayFor('PMS-5');
    await waitFor(
      async () =>
        (await stayFor('PMS-5'))?.pins[0]?.state === 'active'
          ? true
          : undefined,
      10_000,
      'PIN active',
    );
    expect(
      (await t.core.simulated.plainPins(lockId)).some((p) =>
        p.name.includes(stay?.id ?? '?'),
      ),
    ).toBe(true);

    await send(
      event('reservation.canceled', 'PMS-5', {
        checkInDate: iso(now.getTime() - 3600_000),
        checkOutDate: iso(now.getTime() + 86_400_000),
        updatedAt: iso(now.getTime()),
      }),
    );
    await waitFor(
      async () =>
        (await stayFor('PMS-5'))?.pins[0]?.state === 'revoked'
          ? true
          : undefined,
      10_000,
      'PIN revoked',
    );
    expect(
      (await t.core.simulated.plainPins(lockId)).some((p) =>
        p.name.includes(stay?.id ?? '?'),
      ),
    ).toBe(false);
  });

  it('holds events for an unknown accommodation until the host maps it, then applies them', async () => {
    const answer = await send(
      event('reservation.created', 'PMS-6', { accommodationId: 'stays-999' }),
    );
    expect(answer.status).toBe(202);
    expect(answer.body).toMatchObject({ status: 'held' });
    expect(await stayFor('PMS-6')).toBeUndefined();

    const { replayed } = await t.call('webhooks:map', {
      accommodationId: 'stays-999',
      propertyId,
    });
    expect(replayed).toBe(1);
    expect((await stayFor('PMS-6'))?.propertyId).toBe(propertyId);
    expect(
      (await t.call('webhooks:list', {})).find(
        (e) => e.pmsReservationId === 'PMS-6',
      )?.status,
    ).toBe('applied');
  });
});

describe('PMS webhook retries', () => {
  it('processes a delivery that failed when the sender retries it', async () => {
    const body = event('reservation.created', 'PMS-7', {
      checkInDate: '2027-06-01',
      checkOutDate: '2027-06-03',
    });
    const { stores } = t.core.context;
    // Processing fails once: the property is gone at that moment.
    const property = await stores.properties.get(propertyId);
    const original = stores.properties.get.bind(stores.properties);
    let failures = 1;
    stores.properties.get = async (id: string) => {
      if (failures > 0) {
        failures -= 1;
        throw new Error('Redis went away for a moment');
      }
      return original(id);
    };
    try {
      expect((await send(body)).status).toBe(500);
    } finally {
      stores.properties.get = original;
    }
    expect(property).toBeDefined();
    const retried = await send(body);
    expect(retried.status).toBe(200);
    expect(retried.body).toMatchObject({ status: 'applied' });
    expect(await stayFor('PMS-7')).toBeDefined();
  });
});

describe('PMS webhook bad content', () => {
  it('rejects check-out before check-in with 400 naming data.checkOutDate, and schedules nothing', async () => {
    const answer = await send(
      event('reservation.created', 'PMS-8', {
        checkInDate: '2027-03-16',
        checkOutDate: '2027-03-14',
      }),
    );
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain('data.checkOutDate');
    expect(await stayFor('PMS-8')).toBeUndefined();
    expect(
      (await t.call('webhooks:list', {})).find(
        (e) => e.pmsReservationId === 'PMS-8',
      )?.status,
    ).toBe('rejected');
  });

  it('rejects dates that do not exist with 400 naming the field', async () => {
    for (const checkInDate of [
      '2027-02-30',
      '2027-03-14T25:30',
      '2027-03-14T10:00+99:00',
    ]) {
      const answer = await send(
        event('reservation.created', `PMS-9-${checkInDate}`, { checkInDate }),
      );
      expect(answer.status).toBe(400);
      expect(JSON.stringify(answer.body)).toContain('data.checkInDate');
    }
  });

  it('does not let an undated event reopen a cancelled stay', async () => {
    await send(
      event('reservation.created', 'PMS-10', {
        checkInDate: '2027-07-01',
        checkOutDate: '2027-07-03',
      }),
    );
    await send(
      event('reservation.cancelled', 'PMS-10', {
        checkInDate: '2027-07-01',
        checkOutDate: '2027-07-03',
        updatedAt: '2027-03-05T10:00:00Z',
      }),
    );
    const undated = event('reservation.created', 'PMS-10', {
      checkInDate: '2027-07-01',
      checkOutDate: '2027-07-03',
    }) as { timestamp?: string; data: Record<string, unknown> };
    delete undated.timestamp;
    delete undated.data.updatedAt;
    const answer = await send(undated);
    expect(answer.body).toMatchObject({ status: 'stale' });
    expect((await stayFor('PMS-10'))?.status).toBe('cancelled');
  });

  it('caps text fields so one delivery cannot flood the panel', async () => {
    const answer = await send(
      event('reservation.created', 'PMS-11', { guestName: 'x'.repeat(5000) }),
    );
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain('data.guestName');
  });

  it('keeps only the newest deliveries, bodies included, however many unsigned requests arrive', async () => {
    const { redis, keys } = t.core.context;
    const junk = Buffer.from(JSON.stringify({ padding: 'y'.repeat(20_000) }));
    for (let i = 0; i < 2010; i += 1) await t.core.receiveWebhook(junk, {});
    expect(await redis.llen(keys.webhookLog)).toBe(2000);
    expect(await redis.hlen(keys.webhookEvents)).toBe(2000);
    const stored = JSON.parse(
      (await redis.hget(
        keys.webhookEvents,
        (await redis.lindex(keys.webhookLog, 0)) ?? '',
      )) ?? '{}',
    ) as { body: string };
    expect(stored.body.length).toBeLessThanOrEqual(1024);
  });
});

describe('PMS webhook and daylight saving', () => {
  it('a 02:30 check-in on the spring-forward night starts at 07:30Z and its PIN job runs at 06:30Z', async () => {
    await t.call('properties:save', {
      id: 'night-owl',
      name: 'Night Owl Inn',
      timeZone: 'America/New_York',
      checkInTime: '02:30',
      checkOutTime: '11:00',
    });
    await t.call('locks:save', { propertyId: 'night-owl', name: 'Inn door' });
    await send(
      event('reservation.created', 'PMS-DST', {
        accommodationId: 'night-owl',
        checkInDate: '2027-03-14',
        checkOutDate: '2027-03-15',
      }),
    );
    const stay = await stayFor('PMS-DST');
    expect(new Date(stay?.checkInMs ?? 0).toISOString()).toBe(
      '2027-03-14T07:30:00.000Z',
    );
    const create = (await t.call('jobs:list', {})).jobs.find(
      (j) => j.reservationId === stay?.id && j.queue === 'pin-create',
    );
    expect(new Date(create?.runAtMs ?? 0).toISOString()).toBe(
      '2027-03-14T06:30:00.000Z',
    );
  });
});
