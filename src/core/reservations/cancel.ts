import { LockstepError } from '../errors';
import type { CoreContext } from '../context';
import { unscheduleReservation } from '../jobs/schedule';
import { withReservationLock } from './lock';
import type { Reservation } from '../store/records';

/**
 * Cancels a stay: bumps its version so no older job can act, removes its
 * jobs, and revokes a PIN already on a lock at once. `actor` is recorded.
 */
export async function cancelReservation(
  ctx: CoreContext,
  id: string,
  actor: string,
): Promise<Reservation> {
  return withReservationLock(ctx, id, () => cancelLocked(ctx, id, actor));
}

async function cancelLocked(
  ctx: CoreContext,
  id: string,
  actor: string,
): Promise<Reservation> {
  const previous = await ctx.stores.reservations.get(id);
  if (!previous)
    throw new LockstepError('not_found', `No reservation ${id}.`, {
      fields: [{ field: 'id', message: 'unknown reservation' }],
    });
  if (previous.status === 'cancelled') return previous;

  const next: Reservation = {
    ...previous,
    status: 'cancelled',
    cancelledBy: actor,
    version: previous.version + 1,
    updatedAtMs: ctx.now(),
  };
  await ctx.stores.reservations.put(id, next);
  await unscheduleReservation(ctx, next);
  await ctx.stores.journal.audit(
    actor,
    'reservation.cancel',
    `${next.guestName} (${id})`,
  );
  return next;
}
