import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_BODY_SHA256,
  canonicalUrl,
  signRequest,
} from '../../src/core/locks/tuya/sign';

const clientId = 'a1b2c3d4e5f6g7h8i9j0';
const secret = '0123456789abcdef0123456789abcdef';
const t = '1700000000123';

/** The expected signature, computed here without the code under test. */
function hmacUpper(message: string): string {
  return createHmac('sha256', secret)
    .update(message)
    .digest('hex')
    .toUpperCase();
}

describe('signRequest', () => {
  it('signs a token call without an access token', () => {
    const result = signRequest({
      method: 'GET',
      pathAndQuery: '/v1.0/token?grant_type=1',
      body: '',
      clientId,
      secret,
      t,
    });

    const expected =
      'GET\n' +
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n' +
      '\n' +
      '/v1.0/token?grant_type=1';
    expect(result.stringToSign).toBe(expected);
    expect(result.sign).toBe(hmacUpper(clientId + t + expected));
    expect(result.sign).toMatch(/^[0-9A-F]{64}$/);
  });

  it('signs a business call over token, nonce and the exact body bytes', () => {
    const body = '{"name":"ls-r1","password_type":"ticket","note":"café"}';
    const result = signRequest({
      method: 'post',
      pathAndQuery: '/v1.0/devices/d1/door-lock/temp-password',
      body,
      clientId,
      secret,
      accessToken: 'tok-123',
      t,
      nonce: 'nonce-9',
    });

    const bodyHash = createHash('sha256')
      .update(Buffer.from(body, 'utf8'))
      .digest('hex');
    const expected = `POST\n${bodyHash}\n\n/v1.0/devices/d1/door-lock/temp-password`;
    expect(result.stringToSign).toBe(expected);
    expect(result.sign).toBe(
      hmacUpper(`${clientId}tok-123${t}nonce-9${expected}`),
    );
  });

  it('gives a different signature with and without the access token', () => {
    const base = {
      method: 'GET',
      pathAndQuery: '/v1.0/devices/d1',
      body: '',
      clientId,
      secret,
      t,
    };
    const without = signRequest(base).sign;
    const withToken = signRequest({ ...base, accessToken: 'tok' }).sign;
    expect(withToken).not.toBe(without);
    expect(withToken).toBe(
      hmacUpper(
        `${clientId}tok${t}GET\n${EMPTY_BODY_SHA256}\n\n/v1.0/devices/d1`,
      ),
    );
  });

  it('sorts query parameters by key in the signed URL', () => {
    const result = signRequest({
      method: 'GET',
      pathAndQuery:
        '/v1.0/iot-01/associated-users/devices?size=50&last_row_key=&app=x',
      body: '',
      clientId,
      secret,
      accessToken: 'tok',
      t,
    });
    const url =
      '/v1.0/iot-01/associated-users/devices?app=x&last_row_key=&size=50';
    expect(result.stringToSign.endsWith(`\n${url}`)).toBe(true);
    expect(result.sign).toBe(
      hmacUpper(`${clientId}tok${t}GET\n${EMPTY_BODY_SHA256}\n\n${url}`),
    );
  });

  it('puts Signature-Headers lines between the body hash and the URL', () => {
    const result = signRequest({
      method: 'GET',
      pathAndQuery: '/v1.0/devices/d1',
      body: '',
      clientId,
      secret,
      t,
      signedHeaders: [
        ['area_id', '29a33e8796834b1efa6'],
        ['call_id', '8afdb70ab2ed11eb85290242ac130003'],
      ],
    });
    const expected =
      `GET\n${EMPTY_BODY_SHA256}\n` +
      'area_id:29a33e8796834b1efa6\ncall_id:8afdb70ab2ed11eb85290242ac130003\n' +
      '\n/v1.0/devices/d1';
    expect(result.stringToSign).toBe(expected);
    expect(result.sign).toBe(hmacUpper(clientId + t + expected));
  });
});

describe('canonicalUrl', () => {
  it('keeps a path without query as it is', () => {
    expect(canonicalUrl('/v1.0/devices/d1/status')).toBe(
      '/v1.0/devices/d1/status',
    );
  });

  it('sorts by key only and keeps encoded values untouched', () => {
    expect(canonicalUrl('/p?c=3&a=x%20y&b=2')).toBe('/p?a=x%20y&b=2&c=3');
  });

  it('matches the empty-body hash constant', () => {
    expect(createHash('sha256').update('').digest('hex')).toBe(
      EMPTY_BODY_SHA256,
    );
  });
});
