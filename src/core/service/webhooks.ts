import type { LockstepHandlers, WebhookEventView } from '../../shared';
import type { CoreContext } from '../context';
import { LockstepError } from '../errors';
import { listDeliveries } from '../webhook/log';
import { process } from '../webhook/receive';

/** The webhook event log, and mapping a PMS accommodation to a property. */
export function webhookHandlers(
  ctx: CoreContext,
  actor: string,
): Pick<LockstepHandlers, 'webhooks:list' | 'webhooks:map'> {
  return {
    async 'webhooks:list'() {
      return (await listDeliveries(ctx)).map(
        ({ body: _body, ...view }): WebhookEventView => view,
      );
    },

    async 'webhooks:map'({ accommodationId, propertyId }) {
      if (!(await ctx.stores.properties.get(propertyId))) {
        throw new LockstepError('not_found', `No property ${propertyId}.`, {
          fields: [{ field: 'propertyId', message: 'unknown property' }],
        });
      }
      await ctx.redis.hset(ctx.keys.pmsProperties, accommodationId, propertyId);
      await ctx.stores.journal.resolve(`pms-unmapped:${accommodationId}`);
      await ctx.stores.journal.audit(
        actor,
        'webhook.map',
        `${accommodationId} → ${propertyId}`,
      );
      // Held events replay oldest first, so their order is kept.
      const held = (await listDeliveries(ctx, 2000))
        .filter(
          (e) => e.status === 'held' && e.accommodationId === accommodationId,
        )
        .reverse();
      for (const entry of held) await process(ctx, entry);
      return { replayed: held.length };
    },
  };
}
