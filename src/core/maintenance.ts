import { Queue, Worker } from 'bullmq';
import type { Redis } from 'ioredis';
import type { CoreContext } from './context';
import { describeUnknown } from './dispatch';
import { readFeedState } from './intake/feed-state';
import { syncFeed } from './intake/feed-sync';
import { checkPendingPins } from './locks/confirm';
import { refreshLockHealth } from './locks/health';
import { reconcile } from './reconcile';

export interface Maintenance {
  /** Runs a full round now (feeds due, pending PINs, lock health, reconcile); never throws. */
  runNow(): Promise<void>;
  close(): Promise<void>;
}

/**
 * One repeatable job every `maintenanceEveryMs` (a minute by default), run by whichever machine's worker takes
 * it: polls the feeds that are due (each at its own interval), refreshes
 * lock health and reconciles jobs every `reconcileEveryMs`.
 */
export async function startMaintenance(
  ctx: CoreContext,
  connection: Redis,
): Promise<Maintenance> {
  const queue = new Queue('maintenance', {
    connection,
    prefix: ctx.keys.bullPrefix,
  });
  queue.on('error', (error) =>
    ctx.log.warn('maintenance queue error', { error: error.message }),
  );
  await queue.upsertJobScheduler(
    'tick',
    { every: ctx.options.maintenanceEveryMs },
    { name: 'tick', opts: { removeOnComplete: 50, removeOnFail: 50 } },
  );

  let lastSlowRoundMs = 0;
  const tick = async (isFull = false) => {
    await syncDueFeeds(ctx);
    await checkPendingPins(ctx);
    if (isFull || ctx.now() - lastSlowRoundMs >= ctx.options.reconcileEveryMs) {
      lastSlowRoundMs = ctx.now();
      await refreshLockHealth(ctx).catch((e: unknown) =>
        ctx.log.warn('lock health failed', { error: describeUnknown(e) }),
      );
      await reconcile(ctx).catch((e: unknown) =>
        ctx.log.warn('reconcile failed', { error: describeUnknown(e) }),
      );
    }
  };
  const worker = new Worker('maintenance', () => tick(), {
    connection,
    prefix: ctx.keys.bullPrefix,
    concurrency: 1,
  });
  worker.on('error', (error) =>
    ctx.log.warn('maintenance worker error', { error: error.message }),
  );

  let closed: Promise<void> | undefined;
  return {
    runNow: () =>
      tick(true).catch((e: unknown) =>
        ctx.log.warn('maintenance failed', { error: describeUnknown(e) }),
      ),
    close() {
      closed ??= worker.close().then(() => queue.close());
      return closed;
    },
  };
}

async function syncDueFeeds(ctx: CoreContext): Promise<void> {
  for (const feed of await ctx.stores.feeds.all()) {
    const state = await readFeedState(ctx, feed.id);
    const lastAttemptMs = Math.max(
      state.lastGoodFetchMs ?? 0,
      state.lastErrorMs ?? 0,
    );
    if (ctx.now() - lastAttemptMs < feed.intervalMinutes * 60_000) continue;
    try {
      await syncFeed(ctx, feed);
    } catch (error) {
      ctx.log.warn('feed sync failed', {
        feedId: feed.id,
        error: describeUnknown(error),
      });
    }
  }
}
