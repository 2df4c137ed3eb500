import type { CoreContext } from './context';

/**
 * Writes the properties, locks and feeds declared in the config file, so an
 * office machine is set up without clicking. The file wins over edits made
 * in the panel for the items it names; items it does not name are kept.
 */
export async function seedFromOptions(ctx: CoreContext): Promise<void> {
  for (const seed of ctx.options.properties) {
    const { locks, feeds, ...property } = seed;
    await ctx.stores.properties.put(property.id, property);
    for (const lock of locks)
      await ctx.stores.locks.put(lock.id, { ...lock, propertyId: property.id });
    for (const feed of feeds)
      await ctx.stores.feeds.put(feed.id, { ...feed, propertyId: property.id });
  }
}
