import { formatInZone } from '../lib/format';

interface ZonedTimeProps {
  /** The instant, ms since the epoch (UTC). */
  ms: number;
  /** IANA zone to show it in; the browser's zone when undefined. */
  zone?: string | undefined;
}

/** An instant as wall time in a zone, labelled with the zone abbreviation. */
export function ZonedTime({ ms, zone }: ZonedTimeProps) {
  const { text, zoneLabel } = formatInZone(ms, zone);
  return (
    <time dateTime={new Date(ms).toISOString()} className="zoned-time">
      {text}{' '}
      <abbr className="zone" title={zone ?? 'this computer’s time zone'}>
        {zoneLabel}
      </abbr>
    </time>
  );
}
