import type { JobView } from '../../../../shared';
import { SimulatedBadge } from '../../components/Badges';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ZonedTime } from '../../components/ZonedTime';
import { useAction } from '../../hooks/useAction';
import { formatDuration } from '../../lib/format';
import { JOB_STATE_LABELS, QUEUE_LABELS, jobActions } from './jobs';
import type { JobAction } from './jobs';

interface JobRowProps {
  job: JobView;
  /** The property's zone when the job's stay is known; else the browser's. */
  zone: string | undefined;
  lockName: string;
  isSimulated: boolean;
}

const ACTION_LABELS: Record<JobAction, string> = {
  runNow: 'Run now',
  retry: 'Retry',
  cancel: 'Cancel',
};

/** One queued PIN job with the actions its state allows. */
export function JobRow({ job, zone, lockName, isSimulated }: JobRowProps) {
  const act = useAction();
  const ref = { queue: job.queue, id: job.id };

  const run = async (action: JobAction): Promise<void> => {
    await act(`jobs:${action}`, ref);
  };

  return (
    <tr data-testid="job-row" data-job-id={job.id} data-state={job.state}>
      <td>{QUEUE_LABELS[job.queue]}</td>
      <td>{job.guestName}</td>
      <td>
        {lockName} <SimulatedBadge isSimulated={isSimulated} />
      </td>
      <td>
        <span className={`badge badge-job-${job.state}`}>
          {JOB_STATE_LABELS[job.state]}
        </span>
      </td>
      <td>
        <ZonedTime ms={job.runAtMs} zone={zone} />
      </td>
      <td className="num">{job.attemptsMade}</td>
      <td className="reason">{job.failedReason ?? ''}</td>
      <td>{job.lateByMs ? formatDuration(job.lateByMs) : ''}</td>
      <td className="actions">
        {jobActions(job.state).map((action) =>
          action === 'cancel' ? (
            <ConfirmButton
              key={action}
              label={ACTION_LABELS.cancel}
              question={
                job.queue === 'pin-revoke'
                  ? 'Keep this PIN on the lock? It then works until its window ends.'
                  : 'Cancel putting this PIN on the lock?'
              }
              confirmLabel="Yes, cancel job"
              onConfirm={() => run('cancel')}
            />
          ) : (
            <button key={action} type="button" onClick={() => void run(action)}>
              {ACTION_LABELS[action]}
            </button>
          ),
        )}
      </td>
    </tr>
  );
}
