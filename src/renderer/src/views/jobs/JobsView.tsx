import { useState } from 'react';
import { JOB_STATES } from '../../../../shared';
import { Field } from '../../components/Field';
import { LoadError } from '../../components/LoadError';
import { useIsSimulated } from '../../hooks/useIsSimulated';
import { useLockstepStore } from '../../store';
import { JobRow } from './JobRow';
import { ReconcilePanel } from './ReconcilePanel';
import { JOB_STATE_LABELS, visibleJobs, type JobFilter } from './jobs';

/** PIN jobs by state, filterable, with run now / retry / cancel. */
export function JobsView() {
  const jobsView = useLockstepStore((s) => s.jobs);
  const reservations = useLockstepStore((s) => s.reservations);
  const locks = useLockstepStore((s) => s.locks);
  const isSimulated = useIsSimulated();
  const [filter, setFilter] = useState<JobFilter>('all');
  const zoneOf = (reservationId: string) =>
    reservations.find((r) => r.id === reservationId)?.timeZone;
  const jobs = visibleJobs(jobsView.jobs, filter);

  return (
    <section aria-labelledby="jobs-heading">
      <h2 id="jobs-heading">Jobs</h2>
      <LoadError list="jobs" />
      <ul className="counts">
        {JOB_STATES.map((state) => (
          <li key={state} data-testid={`job-count-${state}`}>
            <span className="count">{jobsView.counts[state]}</span>{' '}
            {JOB_STATE_LABELS[state].toLowerCase()}
          </li>
        ))}
      </ul>
      <Field label="Show jobs">
        {(c) => (
          <select
            {...c}
            value={filter}
            onChange={(e) => setFilter(e.target.value as JobFilter)}
          >
            <option value="all">All</option>
            {JOB_STATES.map((state) => (
              <option key={state} value={state}>
                {JOB_STATE_LABELS[state]}
              </option>
            ))}
          </select>
        )}
      </Field>
      {jobs.length === 0 ? (
        <p className="muted">No jobs.</p>
      ) : (
        <table className="grid" data-testid="jobs-table">
          <thead>
            <tr>
              <th>Job</th>
              <th>Guest</th>
              <th>Lock</th>
              <th>State</th>
              <th>Runs at</th>
              <th>Attempts</th>
              <th>Failed reason</th>
              <th>Late by</th>
              <th>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {jobs.map((job) => (
              <JobRow
                key={`${job.queue}/${job.id}`}
                job={job}
                zone={zoneOf(job.reservationId)}
                lockName={
                  locks.find((l) => l.id === job.lockId)?.name ?? job.lockId
                }
                isSimulated={isSimulated(job.lockId)}
              />
            ))}
          </tbody>
        </table>
      )}
      <ReconcilePanel />
    </section>
  );
}
