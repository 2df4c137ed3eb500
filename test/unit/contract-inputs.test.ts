import { describe, expect, it } from 'vitest';
import {
  describeError,
  feedInputSchema,
  isFeedAddress,
  tuyaSettingsInputSchema,
} from '../../src/shared';

describe('inputs the panel and API accept', () => {
  it('takes only http(s) addresses for the Tuya cloud', () => {
    expect(
      tuyaSettingsInputSchema.safeParse({
        accessId: 'abc',
        baseUrl: 'javascript:alert(1)',
      }).success,
    ).toBe(false);
    expect(
      tuyaSettingsInputSchema.safeParse({
        accessId: 'abc',
        baseUrl: 'http://127.0.0.1:9000',
      }).success,
    ).toBe(true);
  });

  it('takes feed addresses that can be fetched: http(s), webcal, file URLs and absolute paths', () => {
    for (const ok of [
      'https://www.airbnb.com/calendar/ical/1.ics?s=x',
      'webcal://example.test/a.ics',
      'file:///srv/a.ics',
      '/srv/a.ics',
      'C:\\cal\\a.ics',
    ]) {
      expect(isFeedAddress(ok)).toBe(true);
    }
    for (const bad of [
      'a.ics',
      'ftp://example.test/a.ics',
      'javascript:alert(1)',
      '',
    ]) {
      expect(isFeedAddress(bad)).toBe(false);
    }
    expect(
      feedInputSchema.safeParse({ propertyId: 'p1', url: 'a.ics' }).error
        ?.issues[0]?.path,
    ).toEqual(['url']);
  });
});

describe('describeError', () => {
  it('shows a whole-sentence message as it is, and gives terse ones the code’s sentence', () => {
    const full = 'The Tuya cloud refused the signature: check the access ID.';
    expect(describeError('provider_auth', full)).toBe(full);
    expect(describeError('provider_auth', 'sign invalid')).toBe(
      'The lock cloud refused the credentials. Check the access ID and secret. sign invalid',
    );
    expect(describeError('invalid_input', 'name: name is required.')).toContain(
      'Some fields need fixing.',
    );
  });
});
