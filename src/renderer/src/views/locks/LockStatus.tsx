import type { LockView } from '../../../../shared';
import { OnlineBadge } from '../../components/Badges';

/**
 * Reachability of one lock. An offline cloud lock cannot take or drop PINs,
 * and the jobs keep retrying, so the host is told why PINs are waiting.
 */
export function LockStatus({ lock }: { lock: LockView }) {
  if (lock.provider !== 'tuya' || lock.online !== false) {
    return <OnlineBadge online={lock.online} />;
  }
  return (
    <span className="badge badge-bad" data-testid="lock-offline">
      Offline — PINs wait until it is back
    </span>
  );
}
