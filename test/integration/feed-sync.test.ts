import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  afterAll,
  afterEach,
  beforeAll,
  beforeEach,
  describe,
  expect,
  it,
} from 'vitest';
import { startTestCore, type TestCore } from '../helpers/core';
import { startTestRedis, type TestRedis } from '../helpers/redis';

let redis: TestRedis;
let server: Server;
let feedUrl: string;
let body = '';
let status = 200;
let requests: Array<Record<string, string | string[] | undefined>> = [];
let clockMs = Date.parse('2027-01-10T12:00:00Z');
let t: TestCore;
let propertyId: string;

const calendar = (...events: string[]) =>
  [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Airbnb Inc//Hosting Calendar 0.8.8//EN',
    ...events,
    'END:VCALENDAR',
    '',
  ].join('\r\n');
const event = (uid: string, start: string, end: string, summary = 'Reserved') =>
  [
    'BEGIN:VEVENT',
    `DTSTART;VALUE=DATE:${start}`,
    `DTEND;VALUE=DATE:${end}`,
    `UID:${uid}`,
    `SUMMARY:${summary}`,
    'END:VEVENT',
  ].join('\r\n');

beforeAll(async () => {
  redis = await startTestRedis();
  server = createServer((req, res) => {
    requests.push(req.headers);
    if (status !== 200) {
      res.writeHead(status).end('upstream trouble');
      return;
    }
    const etag = `"${body.length}-${Buffer.from(body).toString('base64').slice(-8)}"`;
    if (req.headers['if-none-match'] === etag) {
      res.writeHead(304).end();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/calendar', etag }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/calendar.ics`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await redis.stop();
});
beforeEach(async () => {
  status = 200;
  requests = [];
  clockMs = Date.parse('2027-01-10T12:00:00Z');
  t = await startTestCore({ redisUrl: redis.url, now: () => clockMs });
  propertyId = (
    await t.call('properties:save', {
      name: 'Chalet',
      timeZone: 'Europe/Zurich',
    })
  ).id;
  await t.call('locks:save', { propertyId, name: 'Chalet door' });
});
afterEach(async () => {
  await t.close();
});

/** The test server's calendar as an Airbnb feed of the test property. */
function addAirbnbFeed() {
  return t.call('feeds:save', { propertyId, url: feedUrl, source: 'airbnb' });
}
async function sync(feedId: string) {
  return t.call('feeds:sync', { id: feedId });
}
async function statuses() {
  return (await t.call('reservations:list', {}))
    .map((r) => `${r.guestName}:${r.status}`)
    .sort();
}

describe('feed polling', () => {
  it('uses a conditional GET and imports nothing new when the feed is unchanged', async () => {
    body = calendar(event('a@airbnb.com', '20270201', '20270204'));
    const feed = await addAirbnbFeed();
    expect((await sync(feed.id)).imported).toBe(1);
    await sync(feed.id);
    expect(requests[1]?.['if-none-match']).toBeDefined();
    expect((await t.call('feeds:list', {}))[0]?.lastGoodFetchMs).toBe(clockMs);
  });

  it('an HTTP error or one empty feed changes nothing, and the host sees the feed error', async () => {
    body = calendar(
      event('a@airbnb.com', '20270201', '20270204'),
      event('b@airbnb.com', '20270210', '20270212'),
    );
    const feed = await addAirbnbFeed();
    await sync(feed.id);

    status = 500;
    clockMs += 20 * 60_000;
    const failed = await sync(feed.id);
    expect(failed.problems[0]?.field).toBe('url');
    expect((await t.call('feeds:list', {}))[0]?.lastError).toContain('500');

    status = 200;
    clockMs += 20 * 60_000;
    await sync(feed.id);
    // The feed works again: its fetch error leaves the host's list.
    expect(
      (await t.call('problems:list', {})).filter((p) => p.field === 'url'),
    ).toEqual([]);

    // One empty calendar changes nothing...
    body = calendar();
    clockMs += 20 * 60_000;
    await sync(feed.id);
    expect(await statuses()).toEqual([
      'Airbnb guest:confirmed',
      'Airbnb guest:confirmed',
    ]);
    // ...but an empty calendar that repeats 10 minutes later is believed.
    clockMs += 10 * 60_000;
    await sync(feed.id);
    expect(await statuses()).toEqual([
      'Airbnb guest:cancelled',
      'Airbnb guest:cancelled',
    ]);
  });

  it('never reopens a stay the host cancelled, however often the feed still lists it', async () => {
    body = calendar(event('a@airbnb.com', '20270201', '20270204'));
    const feed = await addAirbnbFeed();
    await sync(feed.id);
    const [stay] = await t.call('reservations:list', {});
    await t.call('reservations:cancel', { id: stay?.id ?? '' });
    body = calendar(
      event('a@airbnb.com', '20270201', '20270204'),
      event('b@airbnb.com', '20270301', '20270303'),
    );
    clockMs += 20 * 60_000;
    await sync(feed.id);
    const after = await t.call('reservations:list', {});
    expect(after.find((s) => s.id === stay?.id)?.status).toBe('cancelled');
    expect(after).toHaveLength(2);
  });

  it('a stay leaves only after two good fetches at least 10 minutes apart both missed it', async () => {
    body = calendar(
      event('a@airbnb.com', '20270201', '20270204'),
      event('b@airbnb.com', '20270210', '20270212'),
    );
    const feed = await addAirbnbFeed();
    await sync(feed.id);

    body = calendar(event('a@airbnb.com', '20270201', '20270204'));
    await sync(feed.id);
    clockMs += 5 * 60_000;
    await sync(feed.id);
    expect(await statuses()).toEqual([
      'Airbnb guest:confirmed',
      'Airbnb guest:confirmed',
    ]);

    clockMs += 6 * 60_000;
    await sync(feed.id);
    expect(await statuses()).toEqual([
      'Airbnb guest:cancelled',
      'Airbnb guest:confirmed',
    ]);
  });

  it('keeps a stay whose UID changed when an event with the same dates and summary appears', async () => {
    body = calendar(event('old-uid@airbnb.com', '20270301', '20270305'));
    const feed = await addAirbnbFeed();
    await sync(feed.id);
    const [before] = await t.call('reservations:list', {});

    body = calendar(event('new-uid@airbnb.com', '20270301', '20270305'));
    const summary = await sync(feed.id);
    expect(summary.imported).toBe(0);
    const after = await t.call('reservations:list', {});
    expect(after).toHaveLength(1);
    expect(after[0]?.id).toBe(before?.id);
    expect(after[0]?.version).toBe(before?.version);
  });

  it('reports a malformed event by name and field and still imports the rest', async () => {
    body = calendar(
      event('good@airbnb.com', '20270401', '20270403'),
      [
        'BEGIN:VEVENT',
        'UID:nodates@airbnb.com',
        'SUMMARY:Reserved',
        'END:VEVENT',
      ].join('\r\n'),
      event('backwards@airbnb.com', '20270410', '20270405'),
    );
    const feed = await addAirbnbFeed();
    const summary = await sync(feed.id);
    expect(summary.imported).toBe(1);
    expect(summary.problems.map((p) => p.field).sort()).toEqual([
      'DTEND',
      'DTSTART',
    ]);
    expect(
      summary.problems.some((p) => p.message.includes('nodates@airbnb.com')),
    ).toBe(true);
    expect(
      (await t.call('problems:list', {})).filter((p) => p.kind === 'feed'),
    ).toHaveLength(2);

    // The feed changes elsewhere but keeps its broken events: they are in
    // the sync summary again, but listed for the host only once.
    body = body.replace(
      'END:VCALENDAR',
      `${event('more@airbnb.com', '20270420', '20270422')}\r\nEND:VCALENDAR`,
    );
    clockMs += 20 * 60_000;
    expect((await sync(feed.id)).problems).toHaveLength(2);
    expect(
      (await t.call('problems:list', {})).filter((p) => p.kind === 'feed'),
    ).toHaveLength(2);
  });

  it('rejects a feed that is not iCal without touching existing stays', async () => {
    body = calendar(event('a@airbnb.com', '20270201', '20270204'));
    const feed = await addAirbnbFeed();
    await sync(feed.id);
    body = '<html><body>Service unavailable</body></html>';
    clockMs += 30 * 60_000;
    const summary = await sync(feed.id);
    expect(summary.problems[0]?.message).toMatch(/calendar|iCal/i);
    expect(await statuses()).toEqual(['Airbnb guest:confirmed']);
  });

  it('rejects a property in an unknown time zone and a lock for a missing property, naming the field', async () => {
    await expect(
      t.call('properties:save', { name: 'Nowhere', timeZone: 'Mars/Olympus' }),
    ).rejects.toThrow(/timeZone/);
    await expect(
      t.call('locks:save', { propertyId: 'p-missing', name: 'Ghost' }),
    ).rejects.toThrow(/not_found/);
  });
});

describe('per-feed stay rules', () => {
  it('lets a host skip owner stays on one feed while the source defaults still apply', async () => {
    body = calendar(
      event('guest@vrbo.com', '20270501', '20270503', 'Reserved - Kim L'),
      event('owner@vrbo.com', '20270510', '20270512', 'Reserved - Owner stay'),
      event('block@vrbo.com', '20270520', '20270522', 'Blocked'),
    );
    const feed = await t.call('feeds:save', {
      propertyId,
      url: feedUrl,
      source: 'vrbo',
      rules: { skip: ['owner stay'] },
    });
    const summary = await sync(feed.id);
    expect(summary.imported).toBe(1);
    expect(summary.skipped).toBe(2);
    expect(
      (await t.call('reservations:list', {})).map((r) => r.guestName),
    ).toEqual(['Kim L']);
  });

  it('names a bad rule pattern and imports nothing from that fetch', async () => {
    body = calendar(
      event('guest@vrbo.com', '20270501', '20270503', 'Reserved - Kim L'),
    );
    const feed = await t.call('feeds:save', {
      propertyId,
      url: feedUrl,
      source: 'vrbo',
      rules: { skip: ['(unclosed'] },
    });
    const summary = await sync(feed.id);
    expect(summary.imported).toBe(0);
    expect(summary.problems[0]?.message).toMatch(/skip\.0|pattern/i);
  });
});

describe('feed schedule and stays under way', () => {
  it('polls each feed at its own interval from the maintenance round', async () => {
    body = calendar(event('a@airbnb.com', '20270201', '20270204'));
    await t.call('feeds:save', {
      propertyId,
      url: feedUrl,
      source: 'airbnb',
      intervalMinutes: 30,
    });
    const before = requests.length;
    await t.core.maintain();
    expect(requests.length).toBe(before + 1);
    clockMs += 10 * 60_000;
    await t.core.maintain();
    expect(requests.length).toBe(before + 1);
    clockMs += 21 * 60_000;
    await t.core.maintain();
    expect(requests.length).toBe(before + 2);
  });

  it('does not cancel a stay already under way on the feed’s word; the host is asked instead', async () => {
    // The stay began yesterday (all-day, Zurich defaults 15:00 to 11:00).
    clockMs = Date.parse('2027-02-02T12:00:00Z');
    body = calendar(event('now@airbnb.com', '20270201', '20270204'));
    const feed = await addAirbnbFeed();
    await sync(feed.id);

    body = calendar(event('other@airbnb.com', '20270301', '20270303'));
    await sync(feed.id);
    clockMs += 11 * 60_000;
    await sync(feed.id);
    const stays = await t.call('reservations:list', {});
    expect(
      stays.find((s) => s.checkInMs === Date.parse('2027-02-01T14:00:00Z'))
        ?.status,
    ).toBe('confirmed');
    const asked = (await t.call('problems:list', {})).filter((p) =>
      p.message.includes('already begun'),
    );
    expect(asked).toHaveLength(1);
  });
});
