import { SimulatedBadge } from '../../components/Badges';
import { LoadError } from '../../components/LoadError';
import { ZonedTime } from '../../components/ZonedTime';
import { useNow } from '../../hooks/useNow';
import { formatAgo } from '../../lib/format';
import { useLockstepStore } from '../../store';
import { LockStatus } from './LockStatus';

const PROVIDER_LABELS = { simulated: 'Simulated', tuya: 'Tuya cloud' };

/** Health of every lock: reachability, battery, live PINs, last error. */
export function LocksView() {
  const locks = useLockstepStore((s) => s.locks);
  const isDemoMode = useLockstepStore((s) => s.info?.isDemoMode ?? false);
  const nowMs = useNow();

  return (
    <section aria-labelledby="locks-heading">
      <h2 id="locks-heading">Locks</h2>
      <LoadError list="locks" />
      {locks.length === 0 ? (
        <p className="muted">No locks yet. Add one under Setup.</p>
      ) : (
        <table className="grid" data-testid="locks-table">
          <thead>
            <tr>
              <th>Lock</th>
              <th>Property</th>
              <th>Provider</th>
              <th>Status</th>
              <th>Battery</th>
              <th>Live PINs</th>
              <th>Last checked</th>
              <th>Last error</th>
            </tr>
          </thead>
          <tbody>
            {locks.map((lock) => (
              <tr key={lock.id} data-testid="lock-row" data-lock-id={lock.id}>
                <td>
                  {lock.name}{' '}
                  <SimulatedBadge
                    isSimulated={lock.isSimulated || isDemoMode}
                  />
                </td>
                <td>{lock.propertyName}</td>
                <td>
                  {PROVIDER_LABELS[lock.provider]} · {lock.link}
                </td>
                <td>
                  <LockStatus lock={lock} />
                </td>
                <td className="num">
                  {lock.batteryPercent === null
                    ? '—'
                    : `${lock.batteryPercent}%`}
                </td>
                <td className="num">
                  {lock.livePins}
                  {lock.passwordsOnLock !== null &&
                  lock.passwordsOnLock !== lock.livePins ? (
                    <span className="muted" data-testid="passwords-on-lock">
                      {' '}
                      (lock reports {lock.passwordsOnLock})
                    </span>
                  ) : null}
                </td>
                <td>
                  {lock.checkedAtMs === null ? (
                    'Never'
                  ) : (
                    <span title={formatAgo(lock.checkedAtMs, nowMs)}>
                      <ZonedTime ms={lock.checkedAtMs} />
                    </span>
                  )}
                </td>
                <td className="reason">{lock.lastError ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
