import { describe, expect, it } from 'vitest';
import {
  displayPin,
  formatDuration,
  formatInZone,
  formatInZoneText,
} from '../../src/renderer/src/lib/format';

describe('formatInZone', () => {
  const ms = Date.UTC(2025, 6, 1, 14, 0);

  it('shows the wall time in the given zone with its abbreviation apart', () => {
    expect(formatInZone(ms, 'Europe/Lisbon', 'en-GB')).toEqual({
      text: 'Tue 1 Jul, 15:00',
      zoneLabel: 'WEST',
    });
    expect(formatInZone(ms, 'America/New_York', 'en-US')).toEqual({
      text: 'Tue, Jul 1, 10:00',
      zoneLabel: 'EDT',
    });
  });

  it('labels the same instant differently across a DST change', () => {
    const winter = formatInZone(
      Date.UTC(2025, 0, 15, 14),
      'Europe/Berlin',
      'en-GB',
    );
    expect(winter.zoneLabel).toBe('CET');
    expect(formatInZone(ms, 'Europe/Berlin', 'en-GB').zoneLabel).toBe('CEST');
  });

  it('joins text and label for one-line use', () => {
    expect(formatInZoneText(ms, 'Asia/Tokyo', 'en-GB')).toBe(
      'Tue 1 Jul, 23:00 GMT+9',
    );
  });
});

describe('formatDuration', () => {
  it('uses the largest sensible units', () => {
    expect(formatDuration(45_000)).toBe('45 s');
    expect(formatDuration(12 * 60_000)).toBe('12 min');
    expect(formatDuration((3 * 60 + 5) * 60_000)).toBe('3 h 5 min');
    expect(formatDuration(2 * 3_600_000)).toBe('2 h');
    expect(formatDuration((2 * 24 + 4) * 3_600_000)).toBe('2 d 4 h');
  });
});

describe('displayPin', () => {
  it('keeps a PIN masked until it is revealed', () => {
    expect(displayPin('••••••', undefined)).toBe('••••••');
    expect(displayPin('', undefined)).toBe('••••••');
    expect(displayPin('••••••', '482913')).toBe('482913');
  });
});
