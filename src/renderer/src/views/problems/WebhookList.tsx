import type { WebhookStatus } from '../../../../shared';
import { LoadError } from '../../components/LoadError';
import { ZonedTime } from '../../components/ZonedTime';
import { useLockstepStore } from '../../store';
import { MappingForm } from './MappingForm';

const STATUS_LABELS: Record<WebhookStatus, string> = {
  rejected: 'Rejected',
  accepted: 'Processing',
  applied: 'Applied',
  stale: 'Out of date',
  held: 'Waiting for a property',
  failed: 'Failed',
};
const BAD: WebhookStatus[] = ['rejected', 'failed', 'held'];

/** PMS webhook deliveries, newest first; held ones can be mapped. */
export function WebhookList() {
  const events = useLockstepStore((s) => s.webhooks);
  const sorted = [...events].sort((a, b) => b.receivedAtMs - a.receivedAtMs);
  const held = unique(
    sorted.filter((e) => e.status === 'held').map((e) => e.accommodationId),
  );

  return (
    <section aria-labelledby="webhooks-heading">
      <h3 id="webhooks-heading">PMS webhooks</h3>
      <LoadError list="webhooks" />
      {held.map((accommodationId) => (
        <MappingForm key={accommodationId} accommodationId={accommodationId} />
      ))}
      {sorted.length === 0 ? (
        <p className="muted">No webhook deliveries yet.</p>
      ) : (
        <table className="grid" data-testid="webhooks-table">
          <thead>
            <tr>
              <th>Received</th>
              <th>Status</th>
              <th>Event</th>
              <th>PMS booking</th>
              <th>Accommodation</th>
              <th>Reason</th>
              <th>Repeats</th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((e) => (
              <tr key={e.id} data-testid="webhook-row" data-status={e.status}>
                <td>
                  <ZonedTime ms={e.receivedAtMs} />
                </td>
                <td>
                  <span
                    className={
                      BAD.includes(e.status) ? 'badge badge-bad' : 'badge'
                    }
                  >
                    {STATUS_LABELS[e.status]}
                  </span>
                </td>
                <td>{e.event ?? ''}</td>
                <td>{e.pmsReservationId ?? ''}</td>
                <td>{e.accommodationId ?? ''}</td>
                <td className="reason">{e.reason ?? ''}</td>
                <td className="num">{e.duplicates}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function unique(ids: (string | undefined)[]): string[] {
  return [...new Set(ids.filter((id): id is string => Boolean(id)))];
}
