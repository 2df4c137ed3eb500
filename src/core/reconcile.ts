import type { ReconcilePlan, ReconcileStep } from '../shared';
import type { CoreContext } from './context';
import { describeUnknown } from './dispatch';
import { pinJobId, PIN_QUEUES, parsePinJobData } from './jobs/ids';
import { locksFor, scheduleReservation } from './jobs/schedule';
import { pinWindow, sameWindow } from './jobs/window';
import { pinField, type Reservation } from './store/records';

const RESERVATION_PIN = /^ls-(r[0-9a-f]{15})$/;

/**
 * Compares what should be with what is: every future stay has its jobs, no
 * job lacks a current stay, and each lock holds exactly the PINs the records
 * say. Reads only; `applyPlan` carries the steps out.
 */
export async function planReconcile(ctx: CoreContext): Promise<ReconcilePlan> {
  const now = ctx.now();
  const steps: ReconcileStep[] = [];
  const reservations = new Map(
    (await ctx.stores.reservations.all()).map((r) => [r.id, r]),
  );

  for (const reservation of reservations.values()) {
    if (reservation.status !== 'confirmed' || reservation.checkOutMs <= now)
      continue;
    const property = await ctx.stores.properties.get(reservation.propertyId);
    if (!property) continue;
    const window = pinWindow(reservation, property);
    for (const lock of await locksFor(ctx, reservation, property)) {
      const record = await ctx.stores.pins.get(
        pinField(reservation.id, lock.id),
      );
      const ids = {
        reservationId: reservation.id,
        lockId: lock.id,
        version: reservation.version,
      };
      const createJob = await ctx.queues.create.getJob(
        pinJobId('pin-create', ids),
      );
      const revokeJob = await ctx.queues.revoke.getJob(
        pinJobId('pin-revoke', ids),
      );
      const hasPin = record?.onLock !== undefined;
      // The host cancelled this version's job, or its PIN was already taken
      // off by hand: that is a decision, not a lost job.
      const isSettled =
        record?.version === reservation.version &&
        (record.state === 'skipped' || record.state === 'revoked');
      const isCreatePending =
        createJob !== undefined &&
        ['delayed', 'waiting', 'active'].includes(await createJob.getState());
      if (isSettled) continue;
      if ((!createJob && !hasPin) || !revokeJob) {
        steps.push({
          action: 'create',
          reservationId: reservation.id,
          lockId: lock.id,
          detail: `${reservation.guestName}: jobs missing for ${lock.name}`,
        });
      } else if (
        hasPin &&
        record.onLock &&
        !sameWindow(record.onLock, window) &&
        !isCreatePending
      ) {
        steps.push({
          action: 'move',
          reservationId: reservation.id,
          lockId: lock.id,
          detail: `${reservation.guestName}: PIN window on ${lock.name} differs from the stay`,
        });
      } else if (hasPin && (await revokeJob.getState()) === 'completed') {
        // Its revoke ran early (run by hand before the PIN went on): a new
        // version gives the PIN a revoke job again.
        steps.push({
          action: 'move',
          reservationId: reservation.id,
          lockId: lock.id,
          detail: `${reservation.guestName}: PIN on ${lock.name} has no removal left`,
        });
      }
    }
  }

  steps.push(...(await orphanJobs(ctx, reservations)));
  steps.push(...(await lockMismatches(ctx, reservations, now)));
  const count = (action: ReconcileStep['action']) =>
    steps.filter((s) => s.action === action).length;
  return {
    create: count('create'),
    revoke: count('revoke'),
    move: count('move'),
    removeJobs: count('remove-job'),
    unknownPins: count('report'),
    steps,
  };
}

/** Carries out a plan; each repair goes to the audit log. */
export async function applyPlan(
  ctx: CoreContext,
  plan: ReconcilePlan,
  actor: string,
): Promise<ReconcilePlan> {
  for (const step of plan.steps) {
    try {
      const reservation = step.reservationId
        ? await ctx.stores.reservations.get(step.reservationId)
        : undefined;
      if ((step.action === 'create' || step.action === 'move') && reservation) {
        if (step.action === 'move') await forceNewVersion(ctx, reservation);
        await scheduleReservation(
          ctx,
          (await ctx.stores.reservations.get(reservation.id)) ?? reservation,
        );
      } else if (step.action === 'revoke' && step.lockId && step.passwordId) {
        const lock = await ctx.stores.locks.get(step.lockId);
        if (lock) await ctx.providerFor(lock).deletePin(lock, step.passwordId);
      } else if (step.action === 'report') {
        await ctx.stores.journal.problem({
          kind: 'lock',
          key: `unknown-pin:${step.lockId ?? ''}:${step.passwordId ?? ''}`,
          subject: step.detail,
          message:
            'Lockstep left it on the lock. If no other Lockstep installation manages this lock, delete the PIN in the lock app once you know whose it is.',
        });
        continue;
      } else if (step.action === 'remove-job' && step.jobId && step.queue) {
        // The stay may have moved on since planning: remove only a job that
        // is still behind its stay's current version.
        if (!(await isStillStale(ctx, step.queue, step.jobId))) continue;
        await ctx.queues.byName(step.queue).remove(step.jobId);
      }
      await ctx.stores.journal.audit(
        actor,
        `reconcile.${step.action}`,
        step.detail,
      );
    } catch (error) {
      ctx.log.warn('reconcile step failed', {
        action: step.action,
        error: describeUnknown(error),
      });
    }
  }
  if (plan.steps.length > 0) ctx.notify('reservations', 'jobs', 'locks');
  return plan;
}

/** A version bump gives the stay fresh jobs; the create job then moves the PIN's window. */
async function forceNewVersion(
  ctx: CoreContext,
  reservation: Reservation,
): Promise<void> {
  await ctx.stores.reservations.put(reservation.id, {
    ...reservation,
    version: reservation.version + 1,
    updatedAtMs: ctx.now(),
  });
}

async function orphanJobs(
  ctx: CoreContext,
  reservations: Map<string, Reservation>,
): Promise<ReconcileStep[]> {
  const steps: ReconcileStep[] = [];
  for (const queue of PIN_QUEUES) {
    for (const job of await ctx.queues
      .byName(queue)
      .getJobs(['delayed', 'waiting'], 0, 999)) {
      let data;
      try {
        data = parsePinJobData(job.data);
      } catch {
        data = undefined;
      }
      const reservation = data
        ? reservations.get(data.reservationId)
        : undefined;
      // A revoke for a cancelled stay is wanted; anything else must match the current version.
      const isWanted =
        reservation &&
        data &&
        reservation.version === data.version &&
        (reservation.status === 'confirmed' || queue === 'pin-revoke');
      if (!isWanted && job.id) {
        steps.push({
          action: 'remove-job',
          queue,
          jobId: job.id,
          detail: `job ${job.id} belongs to no current stay`,
        });
      }
    }
  }
  return steps;
}

async function lockMismatches(
  ctx: CoreContext,
  reservations: Map<string, Reservation>,
  now: number,
): Promise<ReconcileStep[]> {
  const steps: ReconcileStep[] = [];
  for (const lock of await ctx.stores.locks.all()) {
    let pins;
    try {
      pins = await ctx.providerFor(lock).listPins(lock);
    } catch (error) {
      ctx.log.info('lock not compared', {
        lockId: lock.id,
        error: describeUnknown(error),
      });
      continue;
    }
    for (const pin of pins) {
      const reservationId = RESERVATION_PIN.exec(pin.name)?.[1];
      if (!reservationId) continue;
      const reservation = reservations.get(reservationId);
      if (!reservation) {
        // Not ours to judge: another installation's guest, or a stay whose
        // record was lost. Taking it off could lock a guest out.
        steps.push({
          action: 'report',
          reservationId,
          lockId: lock.id,
          passwordId: pin.passwordId,
          detail: `${lock.name} holds a Lockstep PIN (${pin.name}) for a stay this installation does not know`,
        });
        continue;
      }
      const property = await ctx.stores.properties.get(reservation.propertyId);
      const endsMs = property
        ? pinWindow(reservation, property).validToMs
        : reservation.checkOutMs;
      const isLive = reservation.status === 'confirmed' && endsMs > now;
      if (!isLive) {
        const why =
          reservation.status === 'cancelled' ? 'was cancelled' : 'ended';
        steps.push({
          action: 'revoke',
          reservationId,
          lockId: lock.id,
          passwordId: pin.passwordId,
          detail: `PIN for ${reservation.guestName} still on ${lock.name} after the stay ${why}`,
        });
      }
    }
  }
  return steps;
}

/** Plans and applies in one go, as the periodic maintenance round does. */
export async function reconcile(
  ctx: CoreContext,
  actor = 'reconciler',
): Promise<ReconcilePlan> {
  return applyPlan(ctx, await planReconcile(ctx), actor);
}

async function isStillStale(
  ctx: CoreContext,
  queue: 'pin-create' | 'pin-revoke',
  jobId: string,
): Promise<boolean> {
  const job = await ctx.queues.byName(queue).getJob(jobId);
  if (!job) return false;
  let data;
  try {
    data = parsePinJobData(job.data);
  } catch {
    return true;
  }
  const current = await ctx.stores.reservations.get(data.reservationId);
  if (!current) return true;
  if (current.version !== data.version) return data.version < current.version;
  return current.status === 'cancelled' && queue === 'pin-create';
}
