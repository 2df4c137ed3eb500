import { describe, expect, it } from 'vitest';
import { readIcal } from '../../src/core/feeds/ical';
import {
  parseContentLine,
  unescapeText,
} from '../../src/core/feeds/ical-lines';
import { isLockstepError } from '../../src/core/errors';

const calendar = (body: string[], eol = '\r\n') =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', ...body, 'END:VCALENDAR'].join(eol);

function feedInvalid(text: string): string {
  try {
    readIcal(text);
  } catch (e) {
    if (isLockstepError(e) && e.code === 'feed_invalid') return e.message;
    throw e;
  }
  throw new Error('expected feed_invalid');
}

function value(text: string, name: string, event = 0): string | undefined {
  const events = readIcal(text).events;
  return events[event]?.properties.find((p) => p.name === name)?.value;
}

describe('readIcal', () => {
  it('joins folded lines (CRLF, LF or CR), dropping one space or tab', () => {
    const body = [
      'BEGIN:VEVENT',
      'UID:a',
      'DESCRIPTION:Phone Nu',
      ' mber (Last 4',
      '\t Digits): 0142',
      'END:VEVENT',
    ];
    for (const eol of ['\r\n', '\n', '\r']) {
      expect(value(calendar(body, eol), 'DESCRIPTION')).toBe(
        'Phone Number (Last 4 Digits): 0142',
      );
    }
  });

  it('ignores a byte order mark and lower-case names', () => {
    const text = `\uFEFF${calendar(['begin:vevent', 'uid:x-1', 'end:vevent'])}`;
    expect(readIcal(text).events).toEqual([
      {
        index: 0,
        uid: 'x-1',
        properties: [{ name: 'UID', params: {}, value: 'x-1' }],
      },
    ]);
  });

  it('reads parameters, quoted ones included', () => {
    const line = 'DTSTART;TZID="America/New_York";X-A=b,"c:d":20270610T160000';
    expect(parseContentLine(line)).toEqual({
      name: 'DTSTART',
      params: { TZID: 'America/New_York', 'X-A': 'b,c:d' },
      value: '20270610T160000',
    });
  });

  it('unescapes TEXT values', () => {
    expect(unescapeText('a\\, b\\; c\\\\n\\nd\\Ne')).toBe('a, b; c\\n\nd\ne');
  });

  it('keeps only event properties, not those of VALARM or VTIMEZONE', () => {
    const text = calendar([
      'BEGIN:VTIMEZONE',
      'TZID:Europe/Lisbon',
      'BEGIN:STANDARD',
      'DTSTART:19701025T020000',
      'END:STANDARD',
      'END:VTIMEZONE',
      'BEGIN:VEVENT',
      'BEGIN:VALARM',
      'SUMMARY:alarm text',
      'END:VALARM',
      'SUMMARY:Reserved',
      'END:VEVENT',
    ]);
    const { events } = readIcal(text);
    expect(events).toHaveLength(1);
    expect(events[0]?.properties).toEqual([
      { name: 'SUMMARY', params: {}, value: 'Reserved' },
    ]);
  });

  it('reports a bad line with the UID and field, and keeps the event', () => {
    const text = calendar([
      'BEGIN:VEVENT',
      'DTSTART;VALUE=DATE 20270710',
      'UID:bad-line',
      'SUMMARY:Reserved',
      'END:VEVENT',
    ]);
    const { events, problems } = readIcal(text);
    expect(events.map((e) => e.uid)).toEqual(['bad-line']);
    expect(problems.map((p) => [p.uid, p.index, p.field])).toEqual([
      ['bad-line', 0, 'DTSTART'],
    ]);
  });

  it('reports an event that is never closed and reads the next one', () => {
    const text = calendar([
      'BEGIN:VEVENT',
      'UID:open',
      'BEGIN:VEVENT',
      'UID:closed',
      'END:VEVENT',
    ]);
    const { events, problems } = readIcal(text);
    expect(events.map((e) => [e.index, e.uid])).toEqual([[1, 'closed']]);
    expect(problems).toMatchObject([{ uid: 'open', index: 0, field: 'END' }]);
  });

  it('rejects text that is not a calendar, saying what kind it saw without quoting it', () => {
    const html = feedInvalid('<!DOCTYPE html>\n<html></html>');
    expect(html).toMatch(/BEGIN:VCALENDAR.*web page/);
    expect(html).not.toContain('DOCTYPE');
    expect(feedInvalid('root:*:20228:0:99999:7:::')).not.toContain('root');
    expect(feedInvalid('')).toMatch(/empty/);
  });

  it('rejects a calendar cut off before END:VCALENDAR', () => {
    const text = ['BEGIN:VCALENDAR', 'BEGIN:VEVENT', 'UID:a', 'END:VEVENT'];
    expect(feedInvalid(text.join('\r\n'))).toMatch(/END:VCALENDAR/);
  });
});
