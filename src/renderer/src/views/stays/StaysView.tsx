import { LoadError } from '../../components/LoadError';
import { useLockstepStore } from '../../store';
import { StayRow } from './StayRow';
import { WalkInForm } from './WalkInForm';
import { ZoneBanner } from './ZoneBanner';

/** Upcoming stays with their PINs, and the walk-in form. */
export function StaysView() {
  const reservations = useLockstepStore((s) => s.reservations);
  const isLoaded = useLockstepStore((s) => s.loaded.reservations ?? false);
  const stays = [...reservations].sort((a, b) => a.checkInMs - b.checkInMs);

  return (
    <section aria-labelledby="stays-heading">
      <h2 id="stays-heading">Upcoming stays</h2>
      <ZoneBanner />
      <LoadError list="reservations" />
      {stays.length === 0 ? (
        <p className="muted">{isLoaded ? 'No upcoming stays.' : 'Loading…'}</p>
      ) : (
        <table className="grid" data-testid="stays-table">
          <thead>
            <tr>
              <th>Property</th>
              <th>Guest</th>
              <th>Source</th>
              <th>Check-in</th>
              <th>Check-out</th>
              <th>PINs</th>
              <th>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {stays.map((stay) => (
              <StayRow key={stay.id} stay={stay} />
            ))}
          </tbody>
        </table>
      )}
      <WalkInForm />
    </section>
  );
}
