import type { Job } from 'bullmq';
import {
  JOB_STATES,
  type JobState,
  type JobView,
  type LockstepHandlers,
} from '../../shared';
import type { CoreContext } from '../context';
import { LockstepError } from '../errors';
import { PIN_QUEUES, type PinJobData, type PinQueueName } from '../jobs/ids';
import type { JobOutcome } from '../jobs/pin-create';
import { pinField } from '../store/records';

type JobHandlers = Pick<
  LockstepHandlers,
  'jobs:list' | 'jobs:runNow' | 'jobs:retry' | 'jobs:cancel'
>;
const LIST_LIMIT = 200;

/** The PIN jobs by state, and the host's hand on them. */
export function jobHandlers(ctx: CoreContext, actor: string): JobHandlers {
  const find = async (
    queue: PinQueueName,
    id: string,
  ): Promise<Job<PinJobData, JobOutcome>> => {
    const job = await ctx.queues.byName(queue).getJob(id);
    if (!job)
      throw new LockstepError('not_found', `No job ${id}.`, {
        fields: [{ field: 'id', message: 'unknown job' }],
      });
    return job;
  };
  const requireState = async (job: Job, allowed: JobState[], verb: string) => {
    const state = await job.getState();
    if (!(allowed as string[]).includes(state)) {
      throw new LockstepError(
        'job_state',
        `Only ${allowed.join(' or ')} jobs can be ${verb}; this one is ${state}.`,
      );
    }
  };

  return {
    async 'jobs:list'() {
      const guestNames = new Map(
        (await ctx.stores.reservations.all()).map((r) => [r.id, r.guestName]),
      );
      const counts = Object.fromEntries(
        JOB_STATES.map((s) => [s, 0]),
      ) as Record<JobState, number>;
      const jobs: JobView[] = [];
      for (const name of PIN_QUEUES) {
        const queue = ctx.queues.byName(name);
        const queueCounts = await queue.getJobCounts(...JOB_STATES);
        for (const state of JOB_STATES)
          counts[state] += queueCounts[state] ?? 0;
        for (const state of JOB_STATES) {
          const found = await queue.getJobs(
            [state],
            0,
            LIST_LIMIT - 1,
            state === 'delayed',
          );
          for (const job of found)
            jobs.push(
              toView(
                name,
                state,
                job as Job<PinJobData, JobOutcome>,
                guestNames,
              ),
            );
        }
      }
      return { counts, jobs: jobs.sort((a, b) => a.runAtMs - b.runAtMs) };
    },

    async 'jobs:runNow'({ queue, id }) {
      const job = await find(queue, id);
      await requireState(job, ['delayed'], 'run now');
      await job.promote();
      await ctx.stores.journal.audit(actor, 'job.run-now', id);
      ctx.notify('jobs');
      return null;
    },

    async 'jobs:retry'({ queue, id }) {
      const job = await find(queue, id);
      await requireState(job, ['failed'], 'retried');
      await job.retry('failed');
      await ctx.stores.journal.audit(actor, 'job.retry', id);
      ctx.notify('jobs');
      return null;
    },

    async 'jobs:cancel'({ queue, id }) {
      const job = await find(queue, id);
      await requireState(job, ['delayed', 'waiting', 'failed'], 'cancelled');
      await job.remove();
      const data = job.data;
      const record = await ctx.stores.pins.get(
        pinField(data.reservationId, data.lockId),
      );
      if (
        queue === 'pin-create' &&
        record &&
        !record.onLock &&
        record.version === data.version
      ) {
        await ctx.stores.pins.put(pinField(data.reservationId, data.lockId), {
          ...record,
          state: 'skipped',
          lastError: 'The host cancelled the create job.',
          updatedAtMs: ctx.now(),
        });
      }
      await ctx.stores.journal.audit(actor, 'job.cancel', id);
      ctx.notify('jobs', 'reservations');
      return null;
    },
  };
}

function toView(
  queue: PinQueueName,
  state: JobState,
  job: Job<PinJobData, JobOutcome>,
  guestNames: Map<string, string>,
): JobView {
  const data = job.data;
  const late = job.returnvalue?.lateByMs;
  return {
    id: job.id ?? '',
    queue,
    state,
    reservationId: data.reservationId,
    lockId: data.lockId,
    guestName: guestNames.get(data.reservationId) ?? data.reservationId,
    runAtMs: data.runAtMs,
    attemptsMade: job.attemptsMade,
    ...(job.failedReason ? { failedReason: job.failedReason } : {}),
    ...(late !== undefined && late > 60_000 ? { lateByMs: late } : {}),
    ...(job.returnvalue?.outcome ? { result: job.returnvalue.outcome } : {}),
  };
}
