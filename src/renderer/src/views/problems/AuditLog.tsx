import { LoadError } from '../../components/LoadError';
import { ZonedTime } from '../../components/ZonedTime';
import { useLockstepStore } from '../../store';

/** Who did what from which machine, newest first. */
export function AuditLog() {
  const audit = useLockstepStore((s) => s.audit);
  const sorted = [...audit].sort((a, b) => b.atMs - a.atMs);

  return (
    <section aria-labelledby="audit-heading">
      <h3 id="audit-heading">Audit log</h3>
      <LoadError list="audit" />
      {sorted.length === 0 ? (
        <p className="muted">No entries yet.</p>
      ) : (
        <table className="grid" data-testid="audit-table">
          <thead>
            <tr>
              <th>When</th>
              <th>Who</th>
              <th>Machine</th>
              <th>Action</th>
              <th>Detail</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((entry, index) => (
              <tr key={`${entry.atMs}-${index}`} data-testid="audit-row">
                <td>
                  <ZonedTime ms={entry.atMs} />
                </td>
                <td>{entry.actor}</td>
                <td>{entry.machine}</td>
                <td>{entry.action}</td>
                <td>{entry.detail}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
