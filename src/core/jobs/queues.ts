import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import type { Logger } from '../log';
import { pinJobId, type PinJobData, type PinQueueName } from './ids';

export interface RetryPolicy {
  /** Retries after the first try; delays double from `backoffMs`. */
  retries: number;
  backoffMs: number;
}

export interface PinQueues {
  create: Queue<PinJobData>;
  revoke: Queue<PinJobData>;
  byName(name: PinQueueName): Queue<PinJobData>;
  /** Adds (or finds, when the id exists) the job that runs at `runAtMs`. */
  add(name: PinQueueName, data: PinJobData, nowMs?: number): Promise<void>;
  close(): Promise<void>;
}

export function createPinQueues(
  connection: Redis,
  prefix: string,
  retry: RetryPolicy,
  log: Logger,
): PinQueues {
  const make = (name: PinQueueName) => {
    const queue = new Queue<PinJobData>(name, { connection, prefix });
    queue.on('error', (error) =>
      log.warn('queue error', { queue: name, error: error.message }),
    );
    return queue;
  };
  const create = make('pin-create');
  const revoke = make('pin-revoke');
  const byName = (name: PinQueueName) =>
    name === 'pin-create' ? create : revoke;

  const jobOptions = (
    name: PinQueueName,
    data: PinJobData,
    nowMs: number,
  ): JobsOptions => ({
    jobId: pinJobId(name, data),
    // The run time is exact: BullMQ adds `delay` to this timestamp.
    timestamp: nowMs,
    delay: Math.max(0, data.runAtMs - nowMs),
    attempts: retry.retries + 1,
    backoff: { type: 'exponential', delay: retry.backoffMs },
    // Finished jobs stay visible to the host for a week.
    removeOnComplete: { age: 7 * 24 * 3600, count: 2000 },
    removeOnFail: { age: 30 * 24 * 3600, count: 2000 },
  });

  let closed: Promise<void> | undefined;
  return {
    create,
    revoke,
    byName,
    async add(name, data, nowMs = Date.now()) {
      await byName(name).add(name, data, jobOptions(name, data, nowMs));
    },
    close() {
      closed ??= Promise.all([create.close(), revoke.close()]).then(
        () => undefined,
      );
      return closed;
    },
  };
}
