import type { ReservationView } from '../../../../shared';
import { ConfirmButton } from '../../components/ConfirmButton';
import { ZonedTime } from '../../components/ZonedTime';
import { useAction } from '../../hooks/useAction';
import { useIsSimulated } from '../../hooks/useIsSimulated';
import { PinCell } from './PinCell';

const SOURCE_LABELS: Record<ReservationView['source'], string> = {
  ical: 'Calendar feed',
  webhook: 'PMS webhook',
  manual: 'Walk-in',
};

/** One stay: who, where, when (in the property's zone) and its PINs. */
export function StayRow({ stay }: { stay: ReservationView }) {
  const act = useAction();
  const isSimulated = useIsSimulated();
  const isCancelled = stay.status === 'cancelled';

  return (
    <tr
      data-testid="stay-row"
      data-reservation-id={stay.id}
      data-status={stay.status}
      className={isCancelled ? 'row-muted' : undefined}
    >
      <td>{stay.propertyName}</td>
      <td>
        {stay.guestName}
        {stay.phoneLast4 ? (
          <small className="muted"> · phone …{stay.phoneLast4}</small>
        ) : null}
        {isCancelled ? (
          <span className="badge badge-bad">Cancelled</span>
        ) : null}
      </td>
      <td>{SOURCE_LABELS[stay.source]}</td>
      <td>
        <ZonedTime ms={stay.checkInMs} zone={stay.timeZone} />
      </td>
      <td>
        <ZonedTime ms={stay.checkOutMs} zone={stay.timeZone} />
      </td>
      <td>
        {stay.pins.length === 0 ? (
          <span className="muted">No locks</span>
        ) : (
          <ul className="pins">
            {stay.pins.map((pin) => (
              <PinCell
                key={pin.lockId}
                reservationId={stay.id}
                pin={pin}
                zone={stay.timeZone}
                isSimulated={isSimulated(pin.lockId)}
              />
            ))}
          </ul>
        )}
      </td>
      <td>
        {isCancelled ? null : (
          <ConfirmButton
            label="Cancel stay"
            question={`Cancel ${stay.guestName}'s stay and remove the PINs?`}
            confirmLabel="Yes, cancel stay"
            testId="cancel-stay"
            onConfirm={async () => {
              await act('reservations:cancel', { id: stay.id });
            }}
          />
        )}
      </td>
    </tr>
  );
}
