/**
 * Benchmarks, each printed as a ratio against a baseline measured in the
 * same run on the same machine (absolute times vary too much to compare).
 * `npm run bench`. Needs redis-server on the PATH for the scheduling case.
 */
import { randomBytes } from 'node:crypto';
import { Queue } from 'bullmq';
import { DateTime } from 'luxon';
import { extractStays } from '../src/core/feeds/extract';
import { wallTimeToMs } from '../src/core/time/zone';
import { upsertReservation } from '../src/core/reservations/upsert';
import { startTestCore } from '../test/helpers/core';
import { startTestRedis } from '../test/helpers/redis';

interface Result {
  name: string;
  baseline: string;
  ratio: number;
  ms: number;
}

async function time(run: () => unknown, rounds = 5): Promise<number> {
  const samples: number[] = [];
  for (let i = 0; i < rounds; i += 1) {
    const start = process.hrtime.bigint();
    await run();
    samples.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)] ?? 0;
}

function feedText(events: number): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Airbnb Inc//Hosting Calendar 0.8.8//EN',
  ];
  for (let i = 0; i < events; i += 1) {
    const start = DateTime.fromISO('2027-01-01').plus({ days: i * 3 });
    lines.push(
      'BEGIN:VEVENT',
      `DTSTART;VALUE=DATE:${start.toFormat('yyyyLLdd')}`,
      `DTEND;VALUE=DATE:${start.plus({ days: 2 }).toFormat('yyyyLLdd')}`,
      `UID:${randomBytes(12).toString('hex')}@airbnb.com`,
      'DESCRIPTION:Reservation URL: https://www.airbnb.com/hosting/reservations/d',
      ` etails/HMBENCH${i}\\nPhone Number (Last 4 Digits): 0${i % 1000}`,
      i % 4 === 0 ? 'SUMMARY:Airbnb (Not available)' : 'SUMMARY:Reserved',
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR', '');
  return lines.join('\r\n');
}

async function feedBench(): Promise<Result> {
  const text = feedText(2000);
  const context = {
    source: 'airbnb' as const,
    timeZone: 'America/New_York',
    checkInTime: '15:00',
    checkOutTime: '11:00',
  };
  // Baseline: only splitting the text into lines, the least any parser does.
  const baseline = await time(
    () => text.split('\r\n').filter((l) => l.startsWith('DT')).length,
  );
  const ms = await time(() => extractStays(text, context));
  return {
    name: 'feed: 2000-event Airbnb export to stays',
    baseline: 'splitting its lines',
    ratio: ms / baseline,
    ms,
  };
}

async function zoneBench(): Promise<Result> {
  const days = Array.from({ length: 5000 }, (_, i) =>
    DateTime.fromISO('2027-01-01').plus({ days: i % 365 }),
  );
  const baseline = await time(() =>
    days.map((d) =>
      DateTime.fromObject(
        { year: d.year, month: d.month, day: d.day, hour: 15 },
        { zone: 'America/New_York' },
      ).toMillis(),
    ),
  );
  const ms = await time(() =>
    days.map((d) =>
      wallTimeToMs(
        { year: d.year, month: d.month, day: d.day },
        '15:00',
        'America/New_York',
      ),
    ),
  );
  return {
    name: 'time: 5000 wall times to instants with the DST rule',
    baseline: 'plain Luxon fromObject',
    ratio: ms / baseline,
    ms,
  };
}

async function scheduleBench(): Promise<Result> {
  const redis = await startTestRedis();
  const t = await startTestCore({ redisUrl: redis.url });
  try {
    const property = await t.call('properties:save', {
      name: 'Bench',
      timeZone: 'Europe/Lisbon',
    });
    await t.call('locks:save', { propertyId: property.id, name: 'Door' });
    const base = Date.parse('2027-03-01T15:00:00Z');
    const stays = Array.from({ length: 200 }, (_, i) => ({
      checkInMs: base + i * 3 * 86_400_000,
      checkOutMs: base + (i * 3 + 2) * 86_400_000,
    }));

    // Baseline: adding the same 400 delayed jobs straight to BullMQ.
    const connection = t.core.context.redis.duplicate({
      maxRetriesPerRequest: null,
      enableOfflineQueue: true,
    });
    const queue = new Queue('bench-baseline', {
      connection,
      prefix: '{bench}',
    });
    let round = 0;
    const baseline = await time(async () => {
      round += 1;
      await queue.addBulk(
        stays.flatMap((s, i) => [
          {
            name: 'c',
            data: { i },
            opts: { jobId: `c-${round}-${i}`, delay: s.checkInMs - Date.now() },
          },
          {
            name: 'r',
            data: { i },
            opts: {
              jobId: `r-${round}-${i}`,
              delay: s.checkOutMs - Date.now(),
            },
          },
        ]),
      );
    }, 3);
    await queue.close();
    await connection.quit();

    let batch = 0;
    const ms = await time(async () => {
      batch += 1;
      for (const [i, s] of stays.entries()) {
        await upsertReservation(t.core.context, {
          propertyId: property.id,
          source: 'manual',
          sourceKey: `manual:bench-${batch}-${i}`,
          guestName: `Guest ${i}`,
          ...s,
        });
      }
    }, 3);
    return {
      name: 'schedule: 200 stays stored and their 400 jobs added',
      baseline: 'addBulk of 400 bare jobs',
      ratio: ms / baseline,
      ms,
    };
  } finally {
    await t.close();
    await redis.stop();
  }
}

async function main(): Promise<void> {
  const results = [await feedBench(), await zoneBench(), await scheduleBench()];
  for (const r of results) {
    console.log(
      `${r.name}\n  ${r.ratio.toFixed(1)}x the baseline (${r.baseline}); median ${r.ms.toFixed(1)} ms`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
