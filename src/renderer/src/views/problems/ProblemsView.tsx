import { LoadError } from '../../components/LoadError';
import { ZonedTime } from '../../components/ZonedTime';
import { useLockstepStore } from '../../store';
import type { ProblemView } from '../../../../shared';
import { AuditLog } from './AuditLog';
import { WebhookList } from './WebhookList';

const KIND_LABELS: Record<ProblemView['kind'], string> = {
  feed: 'Feed event rejected',
  webhook: 'Webhook rejected',
  job: 'Job failed',
  lock: 'Lock',
  config: 'Setup',
};

/** What needs the host's attention, newest first, then the audit log. */
export function ProblemsView() {
  const problems = useLockstepStore((s) => s.problems);
  const sorted = [...problems].sort((a, b) => b.atMs - a.atMs);

  return (
    <section aria-labelledby="problems-heading">
      <h2 id="problems-heading">Problems</h2>
      <LoadError list="problems" />
      {sorted.length === 0 ? (
        <p className="muted">Nothing needs attention.</p>
      ) : (
        <table className="grid" data-testid="problems-table">
          <thead>
            <tr>
              <th>When</th>
              <th>What</th>
              <th>Subject</th>
              <th>Field</th>
              <th>Reason</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((p) => (
              <tr key={p.id} data-testid="problem-row" data-kind={p.kind}>
                <td>
                  <ZonedTime ms={p.atMs} />
                </td>
                <td>{KIND_LABELS[p.kind]}</td>
                <td>{p.subject}</td>
                <td>{p.field ? <code>{p.field}</code> : ''}</td>
                <td className="reason">{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <WebhookList />
      <AuditLog />
    </section>
  );
}
