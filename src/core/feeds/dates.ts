import { isKnownTimeZone } from '../../shared';
import { wallTimeToMs, type LocalDate } from '../time/zone';
import type { IcalProperty } from './types';

/**
 * An iCalendar DATE or DATE-TIME value. `date` is a calendar day (all-day);
 * `utc` is already an instant; `wall` is a local time in `zone`, or in the
 * property's zone when `zone` is absent (a floating time).
 */
export type IcalTime =
  | { kind: 'date'; date: LocalDate }
  | { kind: 'utc'; ms: number }
  | {
      kind: 'wall';
      date: LocalDate;
      timeOfDay: string;
      second: number;
      zone?: string;
    };

const DATE = /^(\d{4})(\d{2})(\d{2})$/;
const DATE_TIME = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/;

/**
 * Reads a DTSTART/DTEND value. Returns a message naming what is wrong instead
 * of throwing. An 8-digit value counts as a date even without VALUE=DATE.
 */
export function parseIcalTime(property: IcalProperty): IcalTime | string {
  const raw = property.value.trim().toUpperCase();
  const dateOnly = DATE.exec(raw);
  if (dateOnly) {
    const date = toLocalDate(dateOnly[1], dateOnly[2], dateOnly[3]);
    if (!date) return `"${raw}" is not a real calendar date`;
    return { kind: 'date', date };
  }

  const match = DATE_TIME.exec(raw);
  const date = match && toLocalDate(match[1], match[2], match[3]);
  const [hour = 99, minute = 99, second = 99] = (match ?? [])
    .slice(4, 7)
    .map(Number);
  // A leap second (60) is read as :59; no lock cares about that second.
  if (!match || !date || hour > 23 || minute > 59 || second > 60) {
    return `"${raw}" is not a date (YYYYMMDD) or date-time (YYYYMMDDTHHMMSS)`;
  }
  const clampedSecond = Math.min(second, 59);
  if (match[7] === 'Z') {
    const { year, month, day } = date;
    const ms = Date.UTC(year, month - 1, day, hour, minute, clampedSecond);
    return { kind: 'utc', ms };
  }

  const timeOfDay = `${match[4]}:${match[5]}`;
  const wall = {
    kind: 'wall' as const,
    date,
    timeOfDay,
    second: clampedSecond,
  };
  const zone = property.params.TZID?.trim();
  if (zone === undefined || zone === '') return wall;
  if (!isKnownTimeZone(zone)) return `unknown time zone "${zone}" in TZID`;
  return { ...wall, zone };
}

/**
 * The instant (ms, UTC) of a parsed value for a property in `timeZone`.
 * A date takes `defaultTimeOfDay` ('HH:MM') in `timeZone`; a wall time takes
 * its own zone, else `timeZone`. Spring-forward gaps move forward; repeated
 * fall-back times mean the first occurrence (see wallTimeToMs).
 */
export function icalTimeToMs(
  time: IcalTime,
  timeZone: string,
  defaultTimeOfDay: string,
): number {
  if (time.kind === 'utc') return time.ms;
  if (time.kind === 'date') {
    return wallTimeToMs(time.date, defaultTimeOfDay, timeZone);
  }
  const startOfMinute = wallTimeToMs(
    time.date,
    time.timeOfDay,
    time.zone ?? timeZone,
  );
  return startOfMinute + time.second * 1000;
}

/** The calendar day after `date`, computed without any machine zone. */
export function nextDay(date: LocalDate): LocalDate {
  const next = new Date(Date.UTC(date.year, date.month - 1, date.day + 1));
  return {
    year: next.getUTCFullYear(),
    month: next.getUTCMonth() + 1,
    day: next.getUTCDate(),
  };
}

function toLocalDate(
  y?: string,
  m?: string,
  d?: string,
): LocalDate | undefined {
  const [year, month, day] = [y, m, d].map(Number) as [number, number, number];
  const check = new Date(Date.UTC(year, month - 1, day));
  const isReal =
    check.getUTCFullYear() === year &&
    check.getUTCMonth() === month - 1 &&
    check.getUTCDate() === day;
  return isReal ? { year, month, day } : undefined;
}
