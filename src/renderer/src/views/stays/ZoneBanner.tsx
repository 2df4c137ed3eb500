import { useLockstepStore } from '../../store';

/**
 * Warns when this computer's zone differs from a property's, because the
 * panel shows each stay in its property's zone, not the computer's.
 */
export function ZoneBanner() {
  const machineZone = useLockstepStore((s) => s.info?.machineTimeZone);
  const properties = useLockstepStore((s) => s.properties);
  if (!machineZone) return null;

  const others = properties.filter((p) => p.timeZone !== machineZone);
  if (others.length === 0) return null;

  return (
    <p className="banner banner-warn" role="note" data-testid="zone-banner">
      This computer is set to {machineZone}. Times are shown in each property’s
      own zone: {others.map((p) => `${p.name} (${p.timeZone})`).join(', ')}.
    </p>
  );
}
