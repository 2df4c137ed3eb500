import { describe, expect, it } from 'vitest';
import type { FeedSource } from '../../src/shared';
import { isLockstepError } from '../../src/core/errors';
import { readGuest } from '../../src/core/feeds/guest';
import { compileStayRules, skipReason } from '../../src/core/feeds/rules';

const isStay = (source: FeedSource, summary: string) =>
  skipReason(summary, compileStayRules(source)) === null;

describe('default stay rules', () => {
  it.each([
    ['airbnb', 'Reserved', true],
    ['airbnb', 'Airbnb (Not available)', false],
    ['vrbo', 'Reserved', true],
    ['vrbo', 'Reserved - Jane D', true],
    ['vrbo', 'Blocked', false],
    ['booking', 'CLOSED - Not available', true],
    ['other', 'Stay 1001', true],
    ['other', 'Blocked', false],
    ['other', 'Not available', false],
    ['other', 'Owner use - unavailable', false],
    ['other', 'CLOSED', false],
  ] as const)('%s: "%s" is a stay: %s', (source, summary, expected) => {
    expect(isStay(source, summary)).toBe(expected);
  });

  it('explains a skip by the pattern that matched', () => {
    expect(skipReason(' Blocked ', compileStayRules('vrbo'))).toBe(
      '"Blocked" matches "^blocked\\b"',
    );
  });
});

describe('host overrides', () => {
  it('are checked before the source defaults', () => {
    const rules = compileStayRules('other', {
      stay: ['^closed for guest '],
      skip: ['^owner'],
    });
    expect(skipReason('Closed for guest A. Test', rules)).toBeNull();
    expect(skipReason('Owner weekend', rules)).toMatch(/\^owner/);
    expect(skipReason('Blocked', rules)).not.toBeNull();
  });

  it('can make unknown summaries skips', () => {
    const rules = compileStayRules('airbnb', { otherwise: 'skip' });
    expect(skipReason('Reserved', rules)).toBeNull();
    expect(skipReason('Something new', rules)).toMatch(/no stay rule/);
  });

  it('name every invalid pattern', () => {
    let fields: unknown;
    try {
      compileStayRules('other', { stay: ['ok', '('], skip: ['[a-'] });
    } catch (e) {
      if (isLockstepError(e) && e.code === 'invalid_input') {
        fields = e.options.fields?.map((f) => f.field);
      }
    }
    expect(fields).toEqual(['stay.1', 'skip.0']);
  });
});

describe('readGuest', () => {
  it('reads a VRBO name from the summary and phone digits from text', () => {
    const vrbo = compileStayRules('vrbo');
    expect(readGuest('Reserved - Jane D', '', vrbo)).toEqual({
      guestName: 'Jane D',
    });
    expect(
      readGuest('Reserved', 'Phone Number (Last 4 Digits): 0142', vrbo),
    ).toEqual({
      phoneLast4: '0142',
    });
    expect(
      readGuest('Reserved - Jane D', '', compileStayRules('airbnb')),
    ).toEqual({});
  });
});
