import type { Feed, ImportSummary, Property, ProblemView } from '../../shared';
import type { CoreContext } from '../context';
import { describeUnknown } from '../dispatch';
import { extractStays } from '../feeds/extract';
import { fetchFeed } from '../feeds/fetch';
import type { FeedStay } from '../feeds/types';
import { pinWindow } from '../jobs/window';
import { upsertReservation } from '../reservations/upsert';
import type { Reservation } from '../store/records';
import { cancelReservation } from '../reservations/cancel';
import { readFeedState, writeFeedState, type FeedState } from './feed-state';

/** What to call a guest whose feed gives no name (Airbnb says only "Reserved"). */
const SOURCE_GUEST: Partial<Record<Feed['source'], string>> = {
  airbnb: 'Airbnb guest',
  vrbo: 'VRBO guest',
  booking: 'Booking.com guest',
};

/** A stay leaves only after two good fetches this far apart both missed it. */
export const MISSING_CONFIRM_MS = 10 * 60_000;

/**
 * Fetches one feed and makes the reservations match it. A fetch error, a
 * timeout or an empty calendar changes nothing; malformed events are reported
 * as problems while the rest are imported.
 */
export async function syncFeed(
  ctx: CoreContext,
  feed: Feed,
): Promise<ImportSummary> {
  const summary: ImportSummary = {
    feedId: feed.id,
    imported: 0,
    updated: 0,
    skipped: 0,
    problems: [],
  };
  const property = await ctx.stores.properties.get(feed.propertyId);
  const state = await readFeedState(ctx, feed.id);
  const now = ctx.now();
  if (!property) {
    summary.problems.push(
      await report(
        ctx,
        feed,
        'propertyId',
        `Property ${feed.propertyId} does not exist.`,
      ),
    );
    return summary;
  }

  let text: string;
  try {
    const fetched = await fetchFeed(feed, {
      ...(state.etag ? { etag: state.etag } : {}),
      ...(state.lastModified ? { lastModified: state.lastModified } : {}),
    });
    if (fetched.status === 'not_modified') {
      await ctx.stores.journal.resolve(`feed:${feed.id}:fetch`);
      // Unchanged content still counts as a good fetch that misses the same stays.
      const fromFeed = await reservationsOfFeed(ctx, feed.id);
      const seen = new Set(
        fromFeed.filter((r) => !(r.id in state.missingSince)).map((r) => r.id),
      );
      await retireMissing(ctx, fromFeed, seen, state, now);
      await writeFeedState(ctx, feed.id, { ...state, lastGoodFetchMs: now });
      ctx.notify('feeds');
      return summary;
    }
    text = fetched.text;
    state.etag = fetched.etag;
    state.lastModified = fetched.lastModified;
  } catch (error) {
    return failSync(ctx, feed, state, summary, describeUnknown(error));
  }

  let extracted: ReturnType<typeof extractStays>;
  try {
    extracted = extractStays(
      text,
      {
        source: feed.source,
        timeZone: property.timeZone,
        checkInTime: property.checkInTime,
        checkOutTime: property.checkOutTime,
        ...(feed.rules ? { rules: withoutUndefined(feed.rules) } : {}),
      },
      now,
    );
  } catch (error) {
    return failSync(ctx, feed, state, summary, describeUnknown(error));
  }

  // A bad event is listed for the host once while it lasts, and leaves the
  // list when a later fetch no longer has it.
  const previous = new Set(state.reportedProblems);
  state.reportedProblems = [];
  for (const problem of extracted.problems) {
    const message = `Event ${problem.uid ?? `#${problem.index + 1}`}: ${problem.message}`;
    const key = `feed:${feed.id}:event:${problem.field}|${message}`;
    state.reportedProblems.push(key);
    previous.delete(key);
    summary.problems.push(await report(ctx, feed, problem.field, message, key));
  }
  for (const fixed of previous) await ctx.stores.journal.resolve(fixed);
  await ctx.stores.journal.resolve(`feed:${feed.id}:fetch`);
  summary.skipped = extracted.skipped.length;

  const fromFeed = await reservationsOfFeed(ctx, feed.id);
  // A malformed event is not a missing one: its stay keeps its PIN.
  const unreadable = new Set(
    extracted.problems.map((p) => `feed:${feed.id}:${p.uid ?? ''}`),
  );
  const seen = new Set(
    fromFeed.filter((r) => unreadable.has(r.sourceKey)).map((r) => r.id),
  );
  for (const stay of extracted.stays) {
    const churned = findChurned(fromFeed, feed.id, stay);
    // A feed may reopen what a feed cancelled, never what the host or the
    // PMS cancelled: a lagging calendar must not put an evicted guest's PIN back.
    const listed =
      fromFeed.find((r) => r.sourceKey === `feed:${feed.id}:${stay.uid}`) ??
      churned;
    if (listed?.status === 'cancelled' && listed.cancelledBy !== 'feed') {
      seen.add(listed.id);
      summary.skipped += 1;
      continue;
    }
    const { reservation, outcome } = await upsertReservation(
      ctx,
      toIncoming(feed, property, stay),
      churned?.id,
    );
    seen.add(reservation.id);
    if (outcome === 'created') summary.imported += 1;
    if (outcome === 'updated') summary.updated += 1;
  }

  // An empty calendar is held to the same rule as any miss: one changes
  // nothing, a second one at least MISSING_CONFIRM_MS later is believed.
  await retireMissing(ctx, fromFeed, seen, state, now);

  await writeFeedState(ctx, feed.id, {
    ...state,
    lastGoodFetchMs: now,
    lastImported: extracted.stays.length,
  });
  ctx.notify('feeds', 'reservations', 'problems');
  return summary;
}

async function failSync(
  ctx: CoreContext,
  feed: Feed,
  state: FeedState,
  summary: ImportSummary,
  message: string,
): Promise<ImportSummary> {
  await writeFeedState(ctx, feed.id, {
    ...state,
    lastError: message,
    lastErrorMs: ctx.now(),
  });
  summary.problems.push(
    await report(ctx, feed, 'url', message, `feed:${feed.id}:fetch`),
  );
  ctx.notify('feeds', 'problems');
  return summary;
}

/**
 * Stays the feed no longer lists leave only when two good fetches at least
 * MISSING_CONFIRM_MS apart both missed them; a stay already under way is
 * held for the host to confirm, since a feed alone is not authoritative.
 */
async function retireMissing(
  ctx: CoreContext,
  fromFeed: Reservation[],
  seen: Set<string>,
  state: FeedState,
  now: number,
): Promise<void> {
  const missingSince: Record<string, number> = {};
  for (const reservation of fromFeed) {
    if (
      seen.has(reservation.id) ||
      reservation.status !== 'confirmed' ||
      reservation.checkOutMs <= now
    )
      continue;
    const firstMiss = state.missingSince[reservation.id] ?? now;
    if (now - firstMiss < MISSING_CONFIRM_MS) {
      missingSince[reservation.id] = firstMiss;
      continue;
    }
    const property = await ctx.stores.properties.get(reservation.propertyId);
    const hasStarted = property
      ? now >= pinWindow(reservation, property).validFromMs
      : true;
    if (hasStarted) {
      missingSince[reservation.id] = firstMiss;
      await ctx.stores.journal.problem({
        kind: 'feed',
        key: `feed-dropped:${reservation.id}`,
        subject: `${reservation.guestName} (${reservation.id})`,
        message:
          'The feed no longer lists this stay, which has already begun. Cancel it in Stays to revoke the PIN, or leave it to end at check-out.',
      });
    } else {
      await cancelReservation(ctx, reservation.id, 'feed');
    }
  }
  state.missingSince = missingSince;
}

function findChurned(
  fromFeed: Reservation[],
  feedId: string,
  stay: FeedStay,
): Reservation | undefined {
  const key = `feed:${feedId}:${stay.uid}`;
  if (fromFeed.some((r) => r.sourceKey === key)) return undefined;
  return fromFeed.find(
    (r) =>
      r.checkInMs === stay.checkInMs &&
      r.checkOutMs === stay.checkOutMs &&
      r.summary === stay.summary &&
      r.status === 'confirmed',
  );
}

function toIncoming(feed: Feed, property: Property, stay: FeedStay) {
  return {
    propertyId: property.id,
    source: 'ical' as const,
    sourceKey: `feed:${feed.id}:${stay.uid}`,
    guestName: stay.guestName ?? SOURCE_GUEST[feed.source] ?? stay.summary,
    checkInMs: stay.checkInMs,
    checkOutMs: stay.checkOutMs,
    summary: stay.summary,
    ...(stay.phoneLast4 ? { phoneLast4: stay.phoneLast4 } : {}),
  };
}

async function reservationsOfFeed(
  ctx: CoreContext,
  feedId: string,
): Promise<Reservation[]> {
  const prefix = `feed:${feedId}:`;
  return (await ctx.stores.reservations.all()).filter((r) =>
    r.sourceKey.startsWith(prefix),
  );
}

function report(
  ctx: CoreContext,
  feed: Feed,
  field: string,
  message: string,
  key?: string,
): Promise<ProblemView> {
  return ctx.stores.journal.problem({
    kind: 'feed',
    subject: feed.url,
    field,
    message,
    ...(key ? { key } : {}),
  });
}

function withoutUndefined<T extends object>(
  value: T,
): { [K in keyof T]-?: Exclude<T[K], undefined> } {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as { [K in keyof T]-?: Exclude<T[K], undefined> };
}
