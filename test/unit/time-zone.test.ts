import { describe, expect, it } from 'vitest';
import { wallTimeToMs } from '../../src/core/time/zone';

const iso = (ms: number) => new Date(ms).toISOString();

describe('wallTimeToMs', () => {
  it('moves a wall time inside a spring-forward gap forward by the gap', () => {
    // 02:30 does not exist in New York on 2027-03-14; it means 03:30 EDT.
    expect(
      iso(
        wallTimeToMs(
          { year: 2027, month: 3, day: 14 },
          '02:30',
          'America/New_York',
        ),
      ),
    ).toBe('2027-03-14T07:30:00.000Z');
    expect(
      iso(
        wallTimeToMs(
          { year: 2027, month: 3, day: 28 },
          '01:30',
          'Europe/Lisbon',
        ),
      ),
    ).toBe('2027-03-28T01:30:00.000Z');
  });

  it('takes the first occurrence of a wall time that a fall-back repeats', () => {
    // 01:30 happens twice in New York on 2027-11-07: first at EDT (-04:00).
    expect(
      iso(
        wallTimeToMs(
          { year: 2027, month: 11, day: 7 },
          '01:30',
          'America/New_York',
        ),
      ),
    ).toBe('2027-11-07T05:30:00.000Z');
    expect(
      iso(
        wallTimeToMs(
          { year: 2027, month: 10, day: 31 },
          '01:30',
          'Europe/Lisbon',
        ),
      ),
    ).toBe('2027-10-31T00:30:00.000Z');
  });

  it('uses the property zone, not the machine zone', () => {
    expect(
      iso(
        wallTimeToMs({ year: 2027, month: 7, day: 7 }, '15:00', 'Asia/Tokyo'),
      ),
    ).toBe('2027-07-07T06:00:00.000Z');
    expect(
      iso(
        wallTimeToMs(
          { year: 2027, month: 1, day: 10 },
          '11:00',
          'Australia/Lord_Howe',
        ),
      ),
    ).toBe('2027-01-10T00:00:00.000Z');
  });

  it('rejects malformed times of day', () => {
    expect(() =>
      wallTimeToMs({ year: 2027, month: 1, day: 1 }, '25:00', 'UTC'),
    ).toThrow(/HH:MM/);
  });
});
