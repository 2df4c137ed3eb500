import { randomUUID } from 'node:crypto';
import type {
  Feed,
  FeedView,
  Lock,
  LockstepHandlers,
  LockView,
  Property,
} from '../../shared';
import type { CoreContext } from '../context';
import { LockstepError } from '../errors';
import { readFeedState } from '../intake/feed-state';
import { syncFeed } from '../intake/feed-sync';
import { scheduleReservation } from '../jobs/schedule';
import { readLockHealth, refreshOneLock } from '../locks/health';

type SetupHandlers = Pick<
  LockstepHandlers,
  | 'properties:list'
  | 'properties:save'
  | 'properties:remove'
  | 'locks:list'
  | 'locks:save'
  | 'locks:remove'
  | 'feeds:list'
  | 'feeds:save'
  | 'feeds:remove'
  | 'feeds:sync'
>;

/** Properties, locks and feeds: what the host configures. */
export function setupHandlers(ctx: CoreContext, actor: string): SetupHandlers {
  const { stores } = ctx;
  return {
    'properties:list': () => stores.properties.all().then(byName),

    async 'properties:save'(input) {
      const property: Property = { ...input, id: input.id ?? newId('p') };
      const previous = await stores.properties.get(property.id);
      await stores.properties.put(property.id, property);
      await stores.journal.audit(
        actor,
        previous ? 'property.update' : 'property.add',
        property.name,
      );
      if (previous) await rescheduleProperty(ctx, property.id);
      ctx.notify('properties', 'reservations');
      return property;
    },

    async 'properties:remove'({ id }) {
      const inUse =
        (await stores.locks.all()).some((l) => l.propertyId === id) ||
        (await stores.feeds.all()).some((f) => f.propertyId === id);
      if (inUse)
        throw new LockstepError(
          'conflict',
          'Remove the property’s locks and feeds first.',
          {
            fields: [
              { field: 'id', message: 'property still has locks or feeds' },
            ],
          },
        );
      await stores.properties.remove(id);
      await stores.journal.audit(actor, 'property.remove', id);
      ctx.notify('properties');
      return null;
    },

    async 'locks:list'() {
      const [locks, properties, pins] = await Promise.all([
        stores.locks.all(),
        stores.properties.all(),
        stores.pins.all(),
      ]);
      const views: LockView[] = [];
      for (const lock of byName(locks)) {
        const health = await readLockHealth(ctx, lock.id);
        const livePins = pins.filter(
          (r) => r.lockId === lock.id && r.onLock,
        ).length;
        views.push({
          ...lock,
          propertyName:
            properties.find((p) => p.id === lock.propertyId)?.name ??
            lock.propertyId,
          isSimulated: lock.provider === 'simulated',
          online: health?.online ?? null,
          batteryPercent: health?.batteryPercent ?? null,
          livePins,
          passwordsOnLock: health?.passwordsHeld ?? null,
          checkedAtMs: health?.checkedAtMs ?? null,
          ...(health?.lastError ? { lastError: health.lastError } : {}),
        });
      }
      return views;
    },

    async 'locks:save'(input) {
      await requireProperty(ctx, input.propertyId);
      if (input.provider === 'tuya' && !input.deviceId) {
        throw new LockstepError(
          'invalid_input',
          'A Tuya lock needs its device ID.',
          {
            fields: [{ field: 'deviceId', message: 'required for Tuya locks' }],
          },
        );
      }
      const lock: Lock = { ...input, id: input.id ?? newId('l') };
      const sharing = (await stores.locks.all()).find(
        (other) =>
          other.id !== lock.id &&
          lock.deviceId &&
          other.provider === lock.provider &&
          other.deviceId === lock.deviceId,
      );
      if (sharing) {
        throw new LockstepError(
          'conflict',
          `Device ${lock.deviceId} is already the lock "${sharing.name}".`,
          {
            fields: [
              { field: 'deviceId', message: `already used by ${sharing.name}` },
            ],
          },
        );
      }
      const previous = await stores.locks.get(lock.id);
      await stores.locks.put(lock.id, lock);
      await stores.journal.audit(
        actor,
        previous ? 'lock.update' : 'lock.add',
        lock.name,
      );
      await rescheduleProperty(ctx, lock.propertyId);
      // The host wants to see at once whether the lock answers.
      void refreshOneLock(ctx, lock)
        .then(() => ctx.notify('locks'))
        .catch((error: unknown) =>
          ctx.log.warn('lock health not read', {
            lockId: lock.id,
            error: String(error),
          }),
        );
      ctx.notify('locks', 'reservations');
      return lock;
    },

    async 'locks:remove'({ id }) {
      const live = (await stores.pins.all()).filter(
        (r) => r.lockId === id && r.onLock,
      );
      if (live.length > 0) {
        throw new LockstepError(
          'conflict',
          `This lock still holds ${live.length} guest PIN(s) Lockstep put there; cancel those stays or wait until they end, so the PINs are taken off first.`,
          { fields: [{ field: 'id', message: 'lock still holds live PINs' }] },
        );
      }
      await stores.locks.remove(id);
      await stores.journal.audit(actor, 'lock.remove', id);
      ctx.notify('locks');
      return null;
    },

    async 'feeds:list'() {
      const views: FeedView[] = [];
      for (const feed of await stores.feeds.all()) {
        const state = await readFeedState(ctx, feed.id);
        views.push({
          ...feed,
          lastGoodFetchMs: state.lastGoodFetchMs,
          lastImported: state.lastImported,
          ...(state.lastError &&
          (state.lastErrorMs ?? 0) > (state.lastGoodFetchMs ?? 0)
            ? { lastError: state.lastError }
            : {}),
        });
      }
      return views;
    },

    async 'feeds:save'(input) {
      await requireProperty(ctx, input.propertyId);
      const feed: Feed = { ...input, id: input.id ?? newId('f') };
      await stores.feeds.put(feed.id, feed);
      await stores.journal.audit(actor, 'feed.save', feed.url);
      ctx.notify('feeds');
      return feed;
    },

    async 'feeds:remove'({ id }) {
      await stores.feeds.remove(id);
      await stores.journal.audit(actor, 'feed.remove', id);
      ctx.notify('feeds');
      return null;
    },

    async 'feeds:sync'({ id }) {
      const feed = await stores.feeds.get(id);
      if (!feed)
        throw new LockstepError('not_found', `No feed ${id}.`, {
          fields: [{ field: 'id', message: 'unknown feed' }],
        });
      return syncFeed(ctx, feed);
    },
  };
}

/**
 * Re-plans every coming stay of a property after its lead, grace or locks
 * changed. The version bump gives the jobs new ids, so new run times apply.
 */
async function rescheduleProperty(
  ctx: CoreContext,
  propertyId: string,
): Promise<void> {
  for (const reservation of await ctx.stores.reservations.all()) {
    if (
      reservation.propertyId !== propertyId ||
      reservation.status !== 'confirmed' ||
      reservation.checkOutMs <= ctx.now()
    )
      continue;
    const next = {
      ...reservation,
      version: reservation.version + 1,
      updatedAtMs: ctx.now(),
    };
    await ctx.stores.reservations.put(next.id, next);
    await scheduleReservation(ctx, next);
  }
}

async function requireProperty(ctx: CoreContext, id: string): Promise<void> {
  if (!(await ctx.stores.properties.get(id))) {
    throw new LockstepError('not_found', `No property ${id}.`, {
      fields: [{ field: 'propertyId', message: 'unknown property' }],
    });
  }
}

function newId(prefix: string): string {
  return `${prefix}${randomUUID().replace(/-/g, '').slice(0, 10)}`;
}

function byName<T extends { name: string }>(items: T[]): T[] {
  return [...items].sort((a, b) => a.name.localeCompare(b.name));
}
