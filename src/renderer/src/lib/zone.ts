/**
 * Wall time in a property's IANA zone, computed with Intl only so the
 * browser's own zone never enters the result.
 */

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;
const HOUR_MS = 3_600_000;
const partFormatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Turns a `datetime-local` value ("YYYY-MM-DDTHH:mm") read as a wall time in
 * `zone` into an instant (ms since the epoch, UTC). A wall time skipped by a
 * spring-forward gap moves forward by the gap; one that occurs twice at
 * fall-back means its first occurrence. Returns null for a malformed value;
 * throws RangeError for an unknown zone.
 */
export function localInputToMs(value: string, zone: string): number | null {
  const wall = parseLocalInput(value);
  if (!wall) return null;

  const wallAsUtcMs = Date.UTC(
    wall.year,
    wall.month - 1,
    wall.day,
    wall.hour,
    wall.minute,
  );
  // The offsets around the wall time cover both sides of any transition.
  const offsetBeforeMs = offsetMsAt(zone, wallAsUtcMs - 36 * HOUR_MS);
  const offsets = new Set([
    offsetBeforeMs,
    offsetMsAt(zone, wallAsUtcMs),
    offsetMsAt(zone, wallAsUtcMs + 36 * HOUR_MS),
  ]);
  const matches = [...offsets]
    .map((offsetMs) => wallAsUtcMs - offsetMs)
    .filter((ms) => sameWall(wallAt(zone, ms), wall))
    .sort((a, b) => a - b);

  // No match means a gap: the pre-gap offset lands past it by its length.
  return matches[0] ?? wallAsUtcMs - offsetBeforeMs;
}

/** The `datetime-local` value ("YYYY-MM-DDTHH:mm") of an instant in `zone`. */
export function msToLocalInput(ms: number, zone: string): string {
  const w = wallAt(zone, ms);
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`;
}

/** How far `zone` is ahead of UTC at instant `ms`, in ms. */
export function offsetMsAt(zone: string, ms: number): number {
  const w = wallAt(zone, ms);
  const wallAsUtcMs = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute);
  const flooredMs = Math.floor(ms / 60_000) * 60_000;
  return wallAsUtcMs - flooredMs;
}

function wallAt(zone: string, ms: number): WallTime {
  const parts = partsFormatter(zone).formatToParts(ms);
  const read = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value);
  return {
    year: read('year'),
    month: read('month'),
    day: read('day'),
    hour: read('hour'),
    minute: read('minute'),
  };
}

function partsFormatter(zone: string): Intl.DateTimeFormat {
  let formatter = partFormatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    partFormatters.set(zone, formatter);
  }
  return formatter;
}

function parseLocalInput(value: string): WallTime | null {
  const m = LOCAL_INPUT.exec(value);
  if (!m) return null;
  const [year, month, day, hour, minute] = m.slice(1).map(Number);
  if (year === undefined || month === undefined || day === undefined) {
    return null;
  }
  if (hour === undefined || minute === undefined) return null;
  if (month < 1 || month > 12 || hour > 23 || minute > 59) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) return null;
  return { year, month, day, hour, minute };
}

function sameWall(a: WallTime, b: WallTime): boolean {
  return (
    a.year === b.year &&
    a.month === b.month &&
    a.day === b.day &&
    a.hour === b.hour &&
    a.minute === b.minute
  );
}
