import { useState } from 'react';
import type { PinView } from '../../../../shared';
import { PinStateBadge, SimulatedBadge } from '../../components/Badges';
import { ZonedTime } from '../../components/ZonedTime';
import { useAction } from '../../hooks/useAction';
import { displayPin } from '../../lib/format';

interface PinCellProps {
  reservationId: string;
  pin: PinView;
  zone: string;
  isSimulated: boolean;
}

/** One lock's PIN for a stay: state, masked digits with Reveal, window. */
export function PinCell({
  reservationId,
  pin,
  zone,
  isSimulated,
}: PinCellProps) {
  const act = useAction();
  // Revealed digits live only in this component and vanish on Hide.
  const [revealed, setRevealed] = useState<string | undefined>();

  const reveal = async (): Promise<void> => {
    const result = await act('pins:reveal', {
      reservationId,
      lockId: pin.lockId,
    });
    if (result.ok) setRevealed(result.value.pin);
  };

  return (
    <li className="pin" data-testid="pin" data-lock-id={pin.lockId}>
      <span className="pin-lock">{pin.lockName}</span>
      <SimulatedBadge isSimulated={isSimulated} />
      <PinStateBadge state={pin.state} />
      <code className="pin-code" data-testid="pin-code">
        {displayPin(pin.masked, revealed)}
      </code>
      {revealed === undefined ? (
        <button type="button" onClick={() => void reveal()}>
          Reveal
        </button>
      ) : (
        <button type="button" onClick={() => setRevealed(undefined)}>
          Hide
        </button>
      )}
      <span className="pin-window">
        <ZonedTime ms={pin.validFromMs} zone={zone} /> →{' '}
        <ZonedTime ms={pin.validToMs} zone={zone} />
      </span>
      {pin.lastError ? (
        <span
          // Only a failure is an error; other notes (a lock still asleep) are advice.
          className={pin.state === 'failed' ? 'pin-error' : 'pin-note'}
          data-testid="pin-error"
        >
          {pin.lastError}
        </span>
      ) : null}
    </li>
  );
}
