import { DelayedError, UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { CoreContext } from '../context';
import { isLockstepError } from '../errors';
import { noteLockOffline } from '../locks/health';
import { pinField } from '../store/records';
import { parsePinJobData, type PinJobData, type PinQueueName } from './ids';
import { RedisMutex } from './mutex';
import { createPinForStay, type JobOutcome } from './pin-create';
import { revokePinForStay } from './pin-revoke';

/** Renewed while a job runs; a crashed machine frees its stays within this. */
const MUTEX_TTL_MS = 30_000;
const BUSY_RETRY_MS = 1_000;

export interface PinWorkers {
  close(): Promise<void>;
}

/**
 * Runs both PIN queues on this machine. Any number of machines may run
 * workers on one Redis: the per-(reservation, lock) mutex keeps two of them
 * from acting on one PIN at once.
 */
export function startPinWorkers(
  ctx: CoreContext,
  connection: Redis,
): PinWorkers {
  const mutex = new RedisMutex(ctx.redis);
  const start = (
    name: PinQueueName,
    run: (ctx: CoreContext, data: PinJobData) => Promise<JobOutcome>,
  ) => {
    const worker = new Worker<PinJobData, JobOutcome>(
      name,
      (job, token) => processWithMutex(ctx, mutex, job, token, run),
      {
        connection,
        prefix: ctx.keys.bullPrefix,
        concurrency: ctx.options.concurrency,
      },
    );
    worker.on('error', (error) =>
      ctx.log.warn('worker error', { queue: name, error: error.message }),
    );
    worker.on('failed', (job, error) => void onFailed(ctx, name, job, error));
    worker.on('completed', (job) => {
      ctx.notify('jobs');
      // A job that succeeds (say, after the host retried it) ends its failure's entry.
      void ctx.stores.journal
        .resolve(jobProblemKey(name, parsePinJobData(job.data)))
        .catch((e: unknown) =>
          ctx.log.warn('problem not resolved', { error: String(e) }),
        );
    });
    worker.on('active', () => ctx.notify('jobs'));
    return worker;
  };
  const workers = [
    start('pin-create', createPinForStay),
    start('pin-revoke', revokePinForStay),
  ];

  let closed: Promise<void> | undefined;
  return {
    close() {
      closed ??= Promise.all(workers.map((w) => w.close())).then(
        () => undefined,
      );
      return closed;
    },
  };
}

async function processWithMutex(
  ctx: CoreContext,
  mutex: RedisMutex,
  job: Job<PinJobData, JobOutcome>,
  token: string | undefined,
  run: (ctx: CoreContext, data: PinJobData) => Promise<JobOutcome>,
): Promise<JobOutcome> {
  const data = parsePinJobData(job.data);
  const key = ctx.keys.mutex(data.reservationId, data.lockId);
  const held = await mutex.withLock(key, MUTEX_TTL_MS, () =>
    runOnce(ctx, job, token, data, run),
  );
  return held
    ? held.value
    : waitWithoutSpendingAttempt(job, token, BUSY_RETRY_MS);
}

/** Turns a provider error into a wait, an immediate failure or a retry. */
async function runOnce(
  ctx: CoreContext,
  job: Job<PinJobData, JobOutcome>,
  token: string | undefined,
  data: PinJobData,
  run: (ctx: CoreContext, data: PinJobData) => Promise<JobOutcome>,
): Promise<JobOutcome> {
  try {
    return await run(ctx, data);
  } catch (error) {
    if (!isLockstepError(error)) throw error;
    if (error.options.holdsAttempt) {
      ctx.log.info('job waits', { jobId: job.id, code: error.code });
      await noteError(ctx, data, error.message);
      if (error.code === 'lock_offline')
        await noteLockOffline(ctx, data.lockId, error.message);
      return await waitWithoutSpendingAttempt(
        job,
        token,
        error.options.retryAfterMs ?? 30_000,
      );
    }
    if (!error.isRetryable)
      throw new UnrecoverableError(`${error.code}: ${error.message}`);
    throw error;
  }
}

/** Puts the job back in the delayed set; BullMQ does not count this as an attempt. */
async function waitWithoutSpendingAttempt(
  job: Job,
  token: string | undefined,
  delayMs: number,
): Promise<never> {
  await job.moveToDelayed(Date.now() + delayMs, token);
  throw new DelayedError();
}

async function noteError(
  ctx: CoreContext,
  data: PinJobData,
  message: string,
): Promise<void> {
  const field = pinField(data.reservationId, data.lockId);
  const record = await ctx.stores.pins.get(field);
  if (record)
    await ctx.stores.pins.put(field, {
      ...record,
      lastError: message,
      updatedAtMs: ctx.now(),
    });
  ctx.notify('reservations');
}

async function onFailed(
  ctx: CoreContext,
  queue: PinQueueName,
  job: Job<PinJobData> | undefined,
  error: Error,
): Promise<void> {
  ctx.notify('jobs', 'reservations', 'problems');
  if (!job) return;
  const isFinal =
    error instanceof UnrecoverableError ||
    job.attemptsMade >= (job.opts.attempts ?? 1);
  if (!isFinal) return;

  try {
    const data = parsePinJobData(job.data);
    const field = pinField(data.reservationId, data.lockId);
    const record = await ctx.stores.pins.get(field);
    if (queue === 'pin-create' && record && !record.onLock) {
      await ctx.stores.pins.put(field, {
        ...record,
        state: 'failed',
        lastError: error.message,
        updatedAtMs: ctx.now(),
      });
    }
    const isRevoke = queue === 'pin-revoke';
    await ctx.stores.journal.problem({
      kind: 'job',
      key: jobProblemKey(queue, data),
      subject: `${isRevoke ? 'Revoke' : 'Create'} PIN for stay ${data.reservationId} on lock ${data.lockId}`,
      message: isRevoke
        ? `SECURITY: the PIN may still open the door until its window ends. ${error.message}`
        : error.message,
    });
  } catch (recordError) {
    ctx.log.error('could not record job failure', {
      jobId: job.id,
      error: String(recordError),
    });
  }
}

function jobProblemKey(queue: PinQueueName, data: PinJobData): string {
  return `job:${queue}:${data.reservationId}:${data.lockId}`;
}
