import { Queue, Worker, UnrecoverableError, DelayedError } from 'bullmq';
import { Redis } from 'ioredis';
const connection = new Redis('redis://127.0.0.1:6379/5', {
  maxRetriesPerRequest: null,
});
const q = new Queue('smoke', { connection, prefix: '{ls-smoke}' });
q.on('error', (e) => console.error('qerr', e));
await q.obliterate({ force: true }).catch(() => {});
const w = new Worker(
  'smoke',
  async (job) => {
    console.log('run', job.id, job.data, job.attemptsMade);
    return 'ok';
  },
  { connection: connection.duplicate(), prefix: '{ls-smoke}', concurrency: 5 },
);
w.on('error', (e) => console.error('werr', e));
const j = await q.add(
  'create',
  { a: 1 },
  {
    jobId: 'create-r1-l1-v1',
    delay: 200,
    attempts: 3,
    backoff: { type: 'exponential', delay: 2000 },
  },
);
console.log('added', j.id, await j.getState(), j.opts.delay, j.timestamp);
const j2 = await q.add(
  'create',
  { a: 1 },
  { jobId: 'create-r1-l1-v1', delay: 200 },
);
console.log('dup', j2.id);
console.log(
  await q.getJobCounts('delayed', 'waiting', 'active', 'completed', 'failed'),
);
await new Promise((r) => setTimeout(r, 1000));
console.log(
  await q.getJobCounts('delayed', 'waiting', 'active', 'completed', 'failed'),
);
await w.close();
await q.close();
await connection.quit();
console.log(typeof UnrecoverableError, typeof DelayedError);
