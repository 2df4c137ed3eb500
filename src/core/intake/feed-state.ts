import { z } from 'zod';
import type { CoreContext } from '../context';

const feedStateSchema = z.object({
  lastGoodFetchMs: z.number().nullable().default(null),
  lastError: z.string().optional(),
  lastErrorMs: z.number().optional(),
  etag: z.string().optional(),
  lastModified: z.string().optional(),
  lastImported: z.number().default(0),
  /** Stays the last good fetches did not list: reservation id to first miss (ms). */
  missingSince: z.record(z.string(), z.number()).default({}),
  /** Problems of the last good fetch, already in the host's problem list. */
  reportedProblems: z.array(z.string()).default([]),
});
export type FeedState = z.infer<typeof feedStateSchema>;

/** A feed's health and change-detection state, kept beside its record. */
export async function readFeedState(
  ctx: CoreContext,
  feedId: string,
): Promise<FeedState> {
  const raw = await ctx.redis.hget(ctx.keys.feedState, feedId);
  const parsed = feedStateSchema.safeParse(raw === null ? {} : JSON.parse(raw));
  return parsed.success ? parsed.data : feedStateSchema.parse({});
}

export async function writeFeedState(
  ctx: CoreContext,
  feedId: string,
  state: FeedState,
): Promise<void> {
  await ctx.redis.hset(ctx.keys.feedState, feedId, JSON.stringify(state));
}
