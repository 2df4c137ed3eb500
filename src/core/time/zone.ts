import { DateTime } from 'luxon';

export interface LocalDate {
  year: number;
  month: number;
  day: number;
}

/**
 * Turns a wall-clock date and time in an IANA zone into an instant (ms, UTC).
 *
 * Daylight-saving rule: a wall time that does not exist (inside a
 * spring-forward gap) moves forward by the gap, so 02:30 becomes 03:30; a wall
 * time that occurs twice (fall-back) means its first occurrence. The
 * machine's own zone never enters the computation.
 */
export function wallTimeToMs(
  date: LocalDate,
  timeOfDay: string,
  zone: string,
): number {
  const [hour, minute] = parseTimeOfDay(timeOfDay);
  const wall = { ...date, hour, minute, second: 0, millisecond: 0 };

  // Luxon resolves a gap forward by its length, which is the rule we want,
  // but resolves an overlap to the later offset; check both offsets instead.
  const guess = DateTime.fromObject(wall, { zone });
  if (!guess.isValid) {
    throw new RangeError(`Invalid date or zone: ${guess.invalidExplanation}`);
  }
  const wallAsUtcMs = Date.UTC(
    date.year,
    date.month - 1,
    date.day,
    hour,
    minute,
  );
  const offsets = new Set<number>([
    offsetMinutesAt(zone, wallAsUtcMs - 36 * 3600_000),
    offsetMinutesAt(zone, wallAsUtcMs + 36 * 3600_000),
    guess.offset,
  ]);
  const matches = [...offsets]
    .map((offset) => wallAsUtcMs - offset * 60_000)
    .filter((ms) => sameWallTime(ms, zone, wall))
    .sort((a, b) => a - b);

  return matches[0] ?? guess.toMillis();
}

/** The local calendar date and HH:MM of an instant in `zone`. */
export function msToWallTime(
  ms: number,
  zone: string,
): LocalDate & { timeOfDay: string } {
  const dt = DateTime.fromMillis(ms, { zone });
  return {
    year: dt.year,
    month: dt.month,
    day: dt.day,
    timeOfDay: dt.toFormat('HH:mm'),
  };
}

/** Parses "HH:MM" (24 h). Throws RangeError on anything else. */
export function parseTimeOfDay(value: string): [number, number] {
  const match = /^(\d{2}):(\d{2})$/.exec(value);
  const hour = Number(match?.[1]);
  const minute = Number(match?.[2]);
  if (!match || hour > 23 || minute > 59) {
    throw new RangeError(`Time of day must be HH:MM, got "${value}"`);
  }
  return [hour, minute];
}

/** Formats an instant for a host, in the property's zone, with its label. */
export function formatInZone(ms: number, zone: string): string {
  return DateTime.fromMillis(ms, { zone }).toFormat('yyyy-LL-dd HH:mm ZZZZ');
}

function offsetMinutesAt(zone: string, ms: number): number {
  return DateTime.fromMillis(ms, { zone }).offset;
}

function sameWallTime(
  ms: number,
  zone: string,
  wall: {
    year: number;
    month: number;
    day: number;
    hour: number;
    minute: number;
  },
): boolean {
  const dt = DateTime.fromMillis(ms, { zone });
  return (
    dt.year === wall.year &&
    dt.month === wall.month &&
    dt.day === wall.day &&
    dt.hour === wall.hour &&
    dt.minute === wall.minute
  );
}
