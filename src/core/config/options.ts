import { z } from 'zod';
import {
  feedInputSchema,
  idSchema,
  lockInputSchema,
  propertyInputSchema,
} from '../../shared';

/** Retry policy of PIN jobs: `retries` after the first try, doubling delays. */
export const retrySchema = z
  .object({
    retries: z.number().int().min(0).max(20).default(3),
    backoffMs: z.number().int().min(100).max(3_600_000).default(2000),
  })
  .strict();

const seedLockSchema = lockInputSchema
  .omit({ propertyId: true })
  .extend({ id: idSchema });
const seedFeedSchema = feedInputSchema
  .omit({ propertyId: true })
  .extend({ id: idSchema });

/** A property declared in the config file, with its locks and feeds. */
export const seedPropertySchema = propertyInputSchema.extend({
  id: idSchema,
  locks: z.array(seedLockSchema).default([]),
  feeds: z.array(seedFeedSchema).default([]),
});

/**
 * Everything that configures one running core. Every field has a default, so
 * `{}` starts Lockstep on embedded Redis with simulated locks.
 */
export const optionsSchema = z
  .object({
    /** Where the embedded Redis, the key file and logs live. */
    dataDir: z.string().min(1).default('.lockstep-data'),
    /** `redis://` URL of a shared Redis; omitted starts an embedded one. */
    redisUrl: z.string().url().optional(),
    /** Hash-tagged key prefix; one per installation sharing a Redis. */
    namespace: idSchema.default('lockstep'),
    host: z.string().default('127.0.0.1'),
    port: z.number().int().min(0).max(65535).default(4870),
    concurrency: z.number().int().min(1).max(50).default(5),
    retry: retrySchema.default({ retries: 3, backoffMs: 2000 }),
    /** Shared secret for `X-Webhook-Signature`; webhooks refused without it. */
    webhookSecret: z.string().min(16).optional(),
    /** Tuya cloud credentials; without them locks are simulated (demo mode). */
    tuya: z
      .object({
        accessId: z.string().min(1),
        accessSecret: z
          .string()
          .length(32, 'Tuya access secrets are 32 characters'),
        baseUrl: z.string().url(),
      })
      .strict()
      .optional(),
    /** Gap between read-backs while a gateway lock confirms a new PIN (ms). */
    confirmPollMs: z.number().int().min(10).max(60_000).default(2500),
    /** How long a create job waits for that confirmation (ms). */
    confirmWaitMs: z.number().int().min(0).max(120_000).default(25_000),
    /** How often feeds due and pending PINs are checked (ms). */
    maintenanceEveryMs: z
      .number()
      .int()
      .min(500)
      .max(3_600_000)
      .default(60_000),
    /** How often every machine's reconciler and lock-health check run. */
    reconcileEveryMs: z
      .number()
      .int()
      .min(1000)
      .default(5 * 60_000),
    properties: z.array(seedPropertySchema).default([]),
  })
  .strict()
  .superRefine(checkSeedIds);

/**
 * What the panel refuses, the config file must refuse too: ids are unique
 * per kind (a second entry would silently replace the first) and a Tuya
 * lock names its device.
 */
function checkSeedIds(
  options: { properties: z.output<typeof seedPropertySchema>[] },
  ctx: z.RefinementCtx,
): void {
  const seen = {
    property: new Set<string>(),
    lock: new Set<string>(),
    feed: new Set<string>(),
  };
  const once = (
    kind: keyof typeof seen,
    id: string,
    path: (string | number)[],
  ) => {
    if (seen[kind].has(id))
      ctx.addIssue({
        code: 'custom',
        path,
        message: `${kind} id "${id}" is used twice`,
      });
    seen[kind].add(id);
  };
  options.properties.forEach((property, p) => {
    once('property', property.id, ['properties', p, 'id']);
    property.locks.forEach((lock, l) => {
      once('lock', lock.id, ['properties', p, 'locks', l, 'id']);
      if (lock.provider === 'tuya' && !lock.deviceId) {
        ctx.addIssue({
          code: 'custom',
          path: ['properties', p, 'locks', l, 'deviceId'],
          message: 'required for Tuya locks',
        });
      }
    });
    property.feeds.forEach((feed, f) =>
      once('feed', feed.id, ['properties', p, 'feeds', f, 'id']),
    );
  });
}

export type LockstepOptionsInput = z.input<typeof optionsSchema>;
export type LockstepOptions = z.output<typeof optionsSchema>;
export type SeedProperty = z.output<typeof seedPropertySchema>;
