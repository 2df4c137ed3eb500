import { useLockstepStore } from '../../store';

/**
 * Warns when the zone of the machine Lockstep runs on differs from a
 * property's, because the panel shows each stay in its property's zone. In
 * serve mode that machine is the office server, named so the host knows.
 */
export function ZoneBanner() {
  const machineZone = useLockstepStore((s) => s.info?.machineTimeZone);
  const machine = useLockstepStore((s) => s.info?.machine);
  const properties = useLockstepStore((s) => s.properties);
  if (!machineZone) return null;

  const others = properties.filter((p) => p.timeZone !== machineZone);
  if (others.length === 0) return null;

  return (
    <p className="banner banner-warn" role="note" data-testid="zone-banner">
      Lockstep’s machine{machine ? ` (${machine})` : ''} runs in {machineZone}.
      Times are shown in each property’s own zone:{' '}
      {others.map((p) => `${p.name} (${p.timeZone})`).join(', ')}.
    </p>
  );
}
