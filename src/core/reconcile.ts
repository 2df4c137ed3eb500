import type { CoreContext } from './context';
import { scheduleReservation } from './jobs/schedule';

/**
 * Restores "every future stay has its jobs" after a crash, a restart or a
 * lost Redis queue. Scheduling is idempotent, so re-adding an existing job
 * changes nothing.
 */
export async function reconcileJobs(ctx: CoreContext): Promise<number> {
  let checked = 0;
  for (const reservation of await ctx.stores.reservations.all()) {
    if (reservation.status !== 'confirmed' || reservation.checkOutMs <= ctx.now()) continue;
    await scheduleReservation(ctx, reservation);
    checked += 1;
  }
  return checked;
}
