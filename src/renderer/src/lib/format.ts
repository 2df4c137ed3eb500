/**
 * Display formatting for instants and durations. Instants are ms since the
 * epoch (UTC); each function says which zone it shows them in.
 */

const formatters = new Map<string, Intl.DateTimeFormat>();

export interface ZonedText {
  /** Date and time, for example "Tue, Jul 1, 15:00". */
  text: string;
  /** The zone's short name at that instant, for example "EDT" or "GMT+1". */
  zoneLabel: string;
}

/**
 * Formats `ms` as a wall time in IANA `zone` (a property's zone, or the
 * browser's when `zone` is undefined), with the zone abbreviation apart so
 * the panel can label it. `locale` defaults to the browser's.
 */
export function formatInZone(
  ms: number,
  zone: string | undefined,
  locale?: string,
): ZonedText {
  const parts = formatter(zone, locale).formatToParts(ms);
  const zonePart = parts.findIndex((p) => p.type === 'timeZoneName');
  const zoneLabel = parts[zonePart]?.value ?? '';
  // Drop the zone name and the separator that precedes it.
  const cut = parts[zonePart - 1]?.type === 'literal' ? zonePart - 1 : zonePart;
  const kept = zonePart >= 0 ? parts.slice(0, cut) : parts;
  const tail = zonePart >= 0 ? parts.slice(zonePart + 1) : [];
  const text = [...kept, ...tail].map((p) => p.value).join('');
  return { text: text.trim(), zoneLabel };
}

/** "Tue, Jul 1, 15:00 EDT": `formatInZone` as one string. */
export function formatInZoneText(
  ms: number,
  zone: string | undefined,
  locale?: string,
): string {
  const { text, zoneLabel } = formatInZone(ms, zone, locale);
  return zoneLabel ? `${text} ${zoneLabel}` : text;
}

/** A duration in ms as "45 s", "12 min", "3 h 5 min" or "2 d 4 h". */
export function formatDuration(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return joinUnits(hours, 'h', minutes % 60, 'min');
  return joinUnits(Math.floor(hours / 24), 'd', hours % 24, 'h');
}

/** "5 min ago" for an instant before `nowMs` (both ms, UTC). */
export function formatAgo(ms: number, nowMs: number): string {
  if (nowMs - ms < 30_000) return 'just now';
  return `${formatDuration(nowMs - ms)} ago`;
}

/** What a PIN cell shows: the revealed digits, else the mask it came with. */
export function displayPin(
  masked: string,
  revealed: string | undefined,
): string {
  return revealed ?? (masked || '••••••');
}

function joinUnits(big: number, bigUnit: string, small: number, unit: string) {
  return small > 0 ? `${big} ${bigUnit} ${small} ${unit}` : `${big} ${bigUnit}`;
}

function formatter(
  zone: string | undefined,
  locale: string | undefined,
): Intl.DateTimeFormat {
  const key = `${zone ?? ''}|${locale ?? ''}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, {
      ...(zone ? { timeZone: zone } : {}),
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'short',
    });
    formatters.set(key, f);
  }
  return f;
}
