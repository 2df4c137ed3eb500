import { describe, expect, it } from 'vitest';
import {
  icalTimeToMs,
  nextDay,
  parseIcalTime,
  type IcalTime,
} from '../../src/core/feeds/dates';

// Expected instants are absolute UTC; the suite runs under several TZ values.
const utc = (iso: string) => Date.parse(iso);

function parse(value: string, params: Record<string, string> = {}): IcalTime {
  const time = parseIcalTime({ name: 'DTSTART', params, value });
  if (typeof time === 'string') throw new Error(time);
  return time;
}

function ms(value: string, zone: string, params = {}, fallback = '15:00') {
  return icalTimeToMs(parse(value, params), zone, fallback);
}

describe('parseIcalTime', () => {
  it('tells dates, UTC instants and wall times apart', () => {
    const date = { year: 2027, month: 3, day: 14 };
    expect(parse('20270314', { VALUE: 'DATE' })).toEqual({
      kind: 'date',
      date,
    });
    expect(parse('20270314')).toEqual({ kind: 'date', date });
    expect(parse('20270314T150000Z')).toEqual({
      kind: 'utc',
      ms: utc('2027-03-14T15:00:00Z'),
    });
    expect(parse('20270314T150005', { TZID: 'Europe/Lisbon' })).toEqual({
      kind: 'wall',
      date,
      timeOfDay: '15:00',
      second: 5,
      zone: 'Europe/Lisbon',
    });
    expect(parse('20270314T150000')).not.toHaveProperty('zone');
  });

  it('names what is wrong with a bad value or zone', () => {
    const bad = (value: string, params = {}) =>
      parseIcalTime({ name: 'DTSTART', params, value });
    expect(bad('20270231')).toMatch(/20270231.*not a real calendar date/);
    expect(bad('2027-03-14')).toMatch(/not a date/);
    expect(bad('20270314T250000')).toMatch(/not a date/);
    expect(bad('20270314T150000', { TZID: 'Mars/Base' })).toMatch(
      /unknown time zone "Mars\/Base" in TZID/,
    );
  });
});

describe('icalTimeToMs', () => {
  it('gives an all-day date the default time in the property zone', () => {
    // 2027-03-14 is a spring-forward day in New York: 11:00 is already EDT.
    expect(ms('20270314', 'America/New_York', {}, '11:00')).toBe(
      utc('2027-03-14T15:00:00Z'),
    );
    expect(ms('20270312', 'America/New_York')).toBe(
      utc('2027-03-12T20:00:00Z'),
    );
    expect(ms('20270501', 'Pacific/Auckland')).toBe(
      utc('2027-05-01T03:00:00Z'),
    );
  });

  it('places a floating time in the property zone, a TZID in its own', () => {
    expect(ms('20270610T160000', 'America/New_York')).toBe(
      utc('2027-06-10T20:00:00Z'),
    );
    expect(
      ms('20270610T160000', 'Asia/Tokyo', { TZID: 'America/New_York' }),
    ).toBe(utc('2027-06-10T20:00:00Z'));
    expect(ms('20270610T160000Z', 'Asia/Tokyo')).toBe(
      utc('2027-06-10T16:00:00Z'),
    );
  });

  it('moves a time in a spring-forward gap forward, keeps seconds', () => {
    // Lisbon skips 01:00-02:00 on 2027-03-28; 01:30:20 becomes 02:30:20 WEST.
    expect(ms('20270328T013020', 'Europe/Lisbon')).toBe(
      utc('2027-03-28T01:30:20Z'),
    );
  });

  it('reads a repeated fall-back time as its first occurrence', () => {
    // Lisbon repeats 01:00-02:00 on 2027-10-31; first is WEST (UTC+1).
    expect(ms('20271031T013000', 'Europe/Lisbon')).toBe(
      utc('2027-10-31T00:30:00Z'),
    );
  });
});

describe('nextDay', () => {
  it('crosses month and year ends and leap days', () => {
    expect(nextDay({ year: 2027, month: 12, day: 31 })).toEqual({
      year: 2028,
      month: 1,
      day: 1,
    });
    expect(nextDay({ year: 2028, month: 2, day: 28 })).toEqual({
      year: 2028,
      month: 2,
      day: 29,
    });
  });
});
