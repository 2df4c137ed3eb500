import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isLockstepError } from '../../src/core/errors';
import {
  extractStays,
  type ExtractOptions,
} from '../../src/core/feeds/extract';

const utc = (iso: string) => Date.parse(iso);
const fixture = (name: string) =>
  readFileSync(new URL(`../fixtures/feeds/${name}`, import.meta.url), 'utf8');
const lisbon: ExtractOptions = {
  source: 'other',
  timeZone: 'Europe/Lisbon',
  checkInTime: '15:00',
  checkOutTime: '11:00',
};

const calendar = (events: string[][]) =>
  [
    'BEGIN:VCALENDAR',
    ...events.flatMap((e) => ['BEGIN:VEVENT', ...e, 'END:VEVENT']),
    'END:VCALENDAR',
  ].join('\r\n');

describe('extractStays with malformed events', () => {
  it('reports each bad event by UID and field and imports the rest', () => {
    const result = extractStays(fixture('broken.ics'), lisbon);

    expect(result.problems.map((p) => [p.index, p.uid, p.field])).toEqual([
      [1, 'no-start@pms.example.test', 'DTSTART'],
      [2, 'backwards@pms.example.test', 'DTEND'],
      [3, 'bad-zone@pms.example.test', 'DTSTART'],
      [4, 'bad-date@pms.example.test', 'DTSTART'],
      [5, 'timed-no-end@pms.example.test', 'DTEND'],
      [6, 'bad-line@pms.example.test', 'DTSTART'],
    ]);
    expect(result.problems[2]?.message).toMatch(/Mars\/Olympus_Mons/);
    expect(result.problems[3]?.message).toMatch(/20270231/);

    expect(result.stays).toEqual([
      {
        uid: 'good-1@pms.example.test',
        summary: 'Reserved',
        checkInMs: utc('2027-06-01T14:00:00Z'),
        checkOutMs: utc('2027-06-03T10:00:00Z'),
        isAllDay: true,
      },
      {
        // No UID and no DTEND: a synthetic UID, and one night (RFC 5545).
        uid: result.stays[1]?.uid,
        summary: 'Reserved',
        checkInMs: utc('2027-07-20T14:00:00Z'),
        checkOutMs: utc('2027-07-21T10:00:00Z'),
        isAllDay: true,
      },
    ]);
    expect(result.stays[1]?.uid).toMatch(/^nouid-[0-9a-f]{24}$/);
  });

  it('rejects an HTML page as feed_invalid', () => {
    let code: string | undefined;
    let message = '';
    try {
      extractStays(fixture('not-ical.txt'), lisbon);
    } catch (e) {
      if (isLockstepError(e)) ({ code, message } = e);
    }
    expect(code).toBe('feed_invalid');
    expect(message).toContain('web page');
  });

  it('gives a missing UID the same synthetic UID on every fetch', () => {
    const event = (start: string) => [
      `DTSTART;VALUE=DATE:${start}`,
      'DTEND;VALUE=DATE:20270905',
      'SUMMARY:Reserved',
    ];
    const uidOf = (text: string) => extractStays(text, lisbon).stays[0]?.uid;
    const first = uidOf(calendar([event('20270901')]));
    expect(first).toBeDefined();
    expect(
      uidOf(calendar([['DTSTAMP:20270101T000000Z', ...event('20270901')]])),
    ).toBe(first);
    expect(uidOf(calendar([event('20270902')]))).not.toBe(first);
  });

  it('keeps the first of two stays sharing a UID, reports the second', () => {
    const stay = (start: string) => [
      'UID:same',
      `DTSTART;VALUE=DATE:${start}`,
      'DTEND;VALUE=DATE:20271010',
    ];
    const result = extractStays(
      calendar([stay('20271001'), stay('20271005')]),
      lisbon,
    );
    expect(result.stays.map((s) => s.checkInMs)).toEqual([
      utc('2027-10-01T14:00:00Z'),
    ]);
    expect(result.problems).toMatchObject([
      { uid: 'same', index: 1, field: 'UID' },
    ]);
  });

  it('does not report odd dates on events it skips anyway', () => {
    const result = extractStays(
      calendar([['UID:b', 'SUMMARY:Blocked', 'DTSTART:garbage']]),
      lisbon,
    );
    expect(result.stays).toEqual([]);
    expect(result.skipped.map((s) => s.uid)).toEqual(['b']);
    expect(result.problems).toEqual([]);
  });
});
