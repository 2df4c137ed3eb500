import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  extractStays,
  type ExtractOptions,
} from '../../src/core/feeds/extract';
import type { FeedSource } from '../../src/shared';

// Instants are written in UTC; the suite runs under TZ=UTC and Asia/Tokyo.
const utc = (iso: string) => Date.parse(iso);
const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url), 'utf8');

function options(source: FeedSource, timeZone: string): ExtractOptions {
  return { source, timeZone, checkInTime: '15:00', checkOutTime: '11:00' };
}

describe('extractStays on platform exports', () => {
  it('reads Airbnb stays and phone digits from folded CRLF text', () => {
    const text = fixture('airbnb.ics');
    expect(text).toContain('\r\n nPhone Number');
    const result = extractStays(text, options('airbnb', 'America/New_York'));

    expect(result.stays).toEqual([
      {
        uid: '1418fb94e984-7c1d0e9a2b3f4c5d6e7f8091a2b3c4d5@airbnb.com',
        summary: 'Reserved',
        phoneLast4: '0142',
        // 2027-03-14 springs forward: check-out 11:00 EDT.
        checkInMs: utc('2027-03-12T20:00:00Z'),
        checkOutMs: utc('2027-03-14T15:00:00Z'),
        isAllDay: true,
      },
      {
        uid: '2b9c8d7e6f5a-1122334455667788990011223344aabb@airbnb.com',
        summary: 'Reserved',
        phoneLast4: '0177',
        // 2027-11-07 falls back: check-in 15:00 EDT, check-out 11:00 EST.
        checkInMs: utc('2027-11-05T19:00:00Z'),
        checkOutMs: utc('2027-11-07T16:00:00Z'),
        isAllDay: true,
      },
    ]);
    expect(result.skipped.map((s) => s.uid)).toEqual([
      '7f3a2b1c0d9e-0a1b2c3d4e5f60718293a4b5c6d7e8f9@airbnb.com',
    ]);
    expect(result.skipped[0]?.reason).toContain('Airbnb (Not available)');
    expect(result.problems).toEqual([]);
  });

  it('reads VRBO guest names and skips Blocked', () => {
    const result = extractStays(
      fixture('vrbo.ics'),
      options('vrbo', 'Europe/Lisbon'),
    );
    expect(result.stays).toEqual([
      {
        uid: '3a7d1f20-9b8c-4e5d-a6f7-0b1c2d3e4f50',
        summary: 'Reserved - Jane D',
        guestName: 'Jane D',
        checkInMs: utc('2027-04-01T14:00:00Z'),
        checkOutMs: utc('2027-04-05T10:00:00Z'),
        isAllDay: true,
      },
      {
        uid: '8e1a5d64-3f2b-4c9d-0e8f-4a5b6c7d8e90',
        summary: 'Reserved',
        checkInMs: utc('2027-04-12T14:00:00Z'),
        checkOutMs: utc('2027-04-13T10:00:00Z'),
        isAllDay: true,
      },
    ]);
    expect(result.skipped.map((s) => s.uid)).toEqual([
      '5c9e3b42-1d0f-4a7b-8c6d-2e3f4a5b6c70',
    ]);
  });

  it('counts Booking.com "CLOSED - Not available" as stays', () => {
    // Auckland is UTC+12 in May, so each local day starts the UTC day before.
    const result = extractStays(
      fixture('booking.ics'),
      options('booking', 'Pacific/Auckland'),
    );
    expect(result.stays.map((s) => [s.checkInMs, s.checkOutMs])).toEqual([
      [utc('2027-05-01T03:00:00Z'), utc('2027-05-02T23:00:00Z')],
      [utc('2027-05-03T03:00:00Z'), utc('2027-05-09T23:00:00Z')],
    ]);
    expect(result.stays.every((s) => s.guestName === undefined)).toBe(true);
    expect(result.skipped).toEqual([]);

    const asOther = extractStays(
      fixture('booking.ics'),
      options('other', 'Pacific/Auckland'),
    );
    expect(asOther.stays).toEqual([]);
  });
});

describe('extractStays on timed events', () => {
  it('honours TZID, UTC and floating times; skips cancels, blocks', () => {
    const result = extractStays(
      fixture('timed.ics'),
      options('other', 'Europe/Lisbon'),
    );
    const times = result.stays.map((s) => [s.uid, s.checkInMs, s.checkOutMs]);
    expect(times).toEqual([
      // 01:30 does not exist on 2027-03-28 in Lisbon: moved to 02:30 WEST.
      [
        'stay-1001@pms.example.test',
        utc('2027-03-28T01:30:00Z'),
        utc('2027-03-31T09:00:00Z'),
      ],
      [
        'stay-1002@pms.example.test',
        utc('2027-10-30T14:00:00Z'),
        utc('2027-11-02T10:00:00Z'),
      ],
      // Floating 01:30 on 2027-10-31 happens twice; the first is WEST.
      [
        'stay-1003@pms.example.test',
        utc('2027-10-31T00:30:00Z'),
        utc('2027-11-01T11:00:00Z'),
      ],
      [
        'stay-1004@pms.example.test',
        utc('2027-06-10T20:00:00Z'),
        utc('2027-06-12T13:00:00Z'),
      ],
    ]);
    expect(result.stays[0]).toMatchObject({
      phoneLast4: '0188',
      isAllDay: false,
    });
    expect(result.skipped.map((s) => s.uid)).toEqual([
      'block-2001@pms.example.test',
      'stay-1005@pms.example.test',
    ]);
  });

  it('skips stays that are over when given the time now', () => {
    const now = utc('2027-06-01T00:00:00Z');
    const result = extractStays(
      fixture('timed.ics'),
      options('other', 'Europe/Lisbon'),
      now,
    );
    expect(result.stays.map((s) => s.uid)).toEqual([
      'stay-1002@pms.example.test',
      'stay-1003@pms.example.test',
      'stay-1004@pms.example.test',
    ]);
    expect(result.skipped).toContainEqual({
      uid: 'stay-1001@pms.example.test',
      reason: 'the stay is over',
    });
  });
});
