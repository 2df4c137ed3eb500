import { useLockstepStore, type Connection } from '../store';

const CONNECTION_TEXT: Record<Connection, string> = {
  connecting: 'Connecting…',
  online: 'Connected',
  'no-redis': 'Database unreachable',
  offline: 'Server unreachable',
};

/** App name, machine, demo-mode badge and the connection indicator. */
export function Header() {
  const info = useLockstepStore((s) => s.info);
  const connection = useLockstepStore((s) => s.connection);

  return (
    <header className="header">
      <h1>Lockstep</h1>
      {info ? (
        <span className="machine" data-testid="machine">
          {info.machine} · v{info.version} · {info.redis} Redis
        </span>
      ) : null}
      {info?.isDemoMode ? (
        <span className="badge badge-demo" data-testid="demo-badge">
          Demo mode: locks are simulated
        </span>
      ) : null}
      <span
        className={`connection connection-${connection}`}
        data-testid="connection"
        data-state={connection}
        role="status"
      >
        {CONNECTION_TEXT[connection]}
      </span>
    </header>
  );
}
