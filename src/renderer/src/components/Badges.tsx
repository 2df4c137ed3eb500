import type { PinState } from '../../../shared';

/** Marks a simulated lock; demo locks are labelled wherever they appear. */
export function SimulatedBadge({ isSimulated }: { isSimulated: boolean }) {
  if (!isSimulated) return null;
  return (
    <span className="badge badge-simulated" data-testid="simulated-badge">
      Simulated
    </span>
  );
}

export const PIN_STATE_LABELS: Record<PinState, string> = {
  scheduled: 'Scheduled',
  pending: 'Pending on lock',
  active: 'On lock',
  failed: 'Failed',
  revoked: 'Revoked',
  skipped: 'Skipped',
};

/** A PIN's state for one lock. */
export function PinStateBadge({ state }: { state: PinState }) {
  return (
    <span
      className={`badge badge-pin-${state}`}
      data-testid="pin-state"
      data-state={state}
    >
      {PIN_STATE_LABELS[state]}
    </span>
  );
}

/** Online, offline or not yet checked. */
export function OnlineBadge({ online }: { online: boolean | null }) {
  const [cls, text] =
    online === null
      ? ['badge-unknown', 'Not checked']
      : online
        ? ['badge-ok', 'Online']
        : ['badge-bad', 'Offline'];
  return <span className={`badge ${cls}`}>{text}</span>;
}
