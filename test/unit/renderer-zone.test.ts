import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  localInputToMs,
  msToLocalInput,
  offsetMsAt,
} from '../../src/renderer/src/lib/zone';

const HOUR_MS = 3_600_000;

// The panel's zone must never matter; run under an unusual one to prove it.
beforeAll(() => {
  vi.stubEnv('TZ', 'Pacific/Kiritimati');
});
afterAll(() => {
  vi.unstubAllEnvs();
});

describe('localInputToMs', () => {
  it('reads a wall time in the property zone, not the machine zone', () => {
    expect(new Date(Date.UTC(2025, 0, 1)).getHours()).toBe(14);
    expect(localInputToMs('2025-07-01T15:00', 'Europe/Lisbon')).toBe(
      Date.UTC(2025, 6, 1, 14, 0),
    );
    expect(localInputToMs('2025-01-15T15:00', 'Europe/Lisbon')).toBe(
      Date.UTC(2025, 0, 15, 15, 0),
    );
    expect(localInputToMs('2025-07-01T11:00', 'Asia/Kolkata')).toBe(
      Date.UTC(2025, 6, 1, 5, 30),
    );
  });

  it('moves a wall time inside a spring-forward gap forward by the gap', () => {
    // New York skipped 02:00-03:00 on 2025-03-09; 02:30 becomes 03:30 EDT.
    expect(localInputToMs('2025-03-09T02:30', 'America/New_York')).toBe(
      Date.UTC(2025, 2, 9, 7, 30),
    );
    // Lord Howe springs forward by only 30 minutes at 02:00.
    expect(localInputToMs('2025-10-05T02:15', 'Australia/Lord_Howe')).toBe(
      Date.UTC(2025, 9, 4, 15, 45),
    );
  });

  it('takes the first occurrence of a wall time repeated at fall-back', () => {
    // 01:30 happened at 05:30 UTC (EDT) and again at 06:30 UTC (EST).
    expect(localInputToMs('2025-11-02T01:30', 'America/New_York')).toBe(
      Date.UTC(2025, 10, 2, 5, 30),
    );
    expect(localInputToMs('2025-10-26T02:30', 'Europe/Berlin')).toBe(
      Date.UTC(2025, 9, 26, 0, 30),
    );
  });

  it('round-trips every hour of a year in zones with DST', () => {
    const start = Date.UTC(2025, 0, 1);
    for (const zone of [
      'Europe/London',
      'America/Sao_Paulo',
      'Australia/Sydney',
    ]) {
      for (let ms = start; ms < start + 365 * 24 * HOUR_MS; ms += HOUR_MS) {
        const wall = msToLocalInput(ms, zone);
        const back = localInputToMs(wall, zone);
        expect(back === null ? '' : msToLocalInput(back, zone)).toBe(wall);
        // A repeated wall time resolves to its first occurrence, never later.
        expect(back).toBeLessThanOrEqual(ms);
        expect(back).toBeGreaterThanOrEqual(ms - HOUR_MS);
      }
    }
  });

  it('rejects malformed or impossible values instead of guessing', () => {
    expect(localInputToMs('', 'Europe/Lisbon')).toBeNull();
    expect(localInputToMs('2025-02-30T10:00', 'Europe/Lisbon')).toBeNull();
    expect(localInputToMs('2025-02-10T24:00', 'Europe/Lisbon')).toBeNull();
    expect(localInputToMs('2025-02-10 10:00', 'Europe/Lisbon')).toBeNull();
  });

  it('throws for an unknown zone', () => {
    expect(() => localInputToMs('2025-02-10T10:00', 'Mars/Olympus')).toThrow(
      RangeError,
    );
  });
});

describe('msToLocalInput and offsetMsAt', () => {
  it('shows an instant as the property zone wall time', () => {
    const ms = Date.UTC(2025, 6, 1, 23, 30);
    expect(msToLocalInput(ms, 'Asia/Tokyo')).toBe('2025-07-02T08:30');
    expect(msToLocalInput(ms, 'America/Los_Angeles')).toBe('2025-07-01T16:30');
    expect(offsetMsAt('America/Los_Angeles', ms)).toBe(-7 * HOUR_MS);
  });
});
