import type { JobState, JobView } from '../../../../shared';

/** The host's word for each BullMQ state; "delayed" reads as scheduled. */
export const JOB_STATE_LABELS: Record<JobState, string> = {
  delayed: 'Scheduled',
  waiting: 'Waiting',
  active: 'Running',
  completed: 'Completed',
  failed: 'Failed',
};

export const QUEUE_LABELS: Record<JobView['queue'], string> = {
  'pin-create': 'Put PIN on lock',
  'pin-revoke': 'Remove PIN',
};

export type JobAction = 'runNow' | 'retry' | 'cancel';

/** The actions a job in `state` allows, in the order the row shows them. */
export function jobActions(state: JobState): JobAction[] {
  switch (state) {
    case 'delayed':
      return ['runNow', 'cancel'];
    case 'waiting':
      return ['cancel'];
    case 'failed':
      return ['retry', 'cancel'];
    default:
      return [];
  }
}

export type JobFilter = JobState | 'all';

/**
 * The jobs to list for a filter: soonest run time first, but failed jobs
 * ahead of the rest because they need the host.
 */
export function visibleJobs(jobs: JobView[], filter: JobFilter): JobView[] {
  const rank = (job: JobView): number => (job.state === 'failed' ? 0 : 1);
  return jobs
    .filter((job) => filter === 'all' || job.state === filter)
    .sort((a, b) => rank(a) - rank(b) || a.runAtMs - b.runAtMs);
}
