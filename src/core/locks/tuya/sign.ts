import { createHash, createHmac } from 'node:crypto';

/** SHA-256 of no bytes; what Tuya expects for requests without a body. */
export const EMPTY_BODY_SHA256 =
  'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export interface SignInput {
  method: string;
  /** Path plus query exactly as sent, e.g. `/v1.0/token?grant_type=1`. */
  pathAndQuery: string;
  /** The exact body text sent; '' when there is none. */
  body: string;
  clientId: string;
  secret: string;
  /** Present on business calls, absent on token calls. */
  accessToken?: string;
  /** Request time, ms since the epoch, as the decimal string sent in `t`. */
  t: string;
  nonce?: string;
  /** Headers listed in `Signature-Headers`, in that order. */
  signedHeaders?: ReadonlyArray<readonly [string, string]>;
}

export interface Signature {
  /** Upper-case hex HMAC-SHA256. */
  sign: string;
  stringToSign: string;
}

/**
 * Tuya's request signature (the HMAC-SHA256 scheme for new projects). Pure:
 * the same input always gives the same output, so tests can pin vectors.
 */
export function signRequest(input: SignInput): Signature {
  const headerLines = (input.signedHeaders ?? [])
    .map(([name, value]) => `${name}:${value}\n`)
    .join('');
  const stringToSign = [
    input.method.toUpperCase(),
    createHash('sha256').update(input.body, 'utf8').digest('hex'),
    headerLines,
    canonicalUrl(input.pathAndQuery),
  ].join('\n');

  const message =
    input.clientId +
    (input.accessToken ?? '') +
    input.t +
    (input.nonce ?? '') +
    stringToSign;
  const sign = createHmac('sha256', input.secret)
    .update(message, 'utf8')
    .digest('hex')
    .toUpperCase();
  return { sign, stringToSign };
}

/**
 * The path with its query parameters sorted by key. Values stay exactly as
 * they appear in the URL sent (already percent-encoded), because the cloud
 * signs what it received.
 */
export function canonicalUrl(pathAndQuery: string): string {
  const mark = pathAndQuery.indexOf('?');
  if (mark < 0) return pathAndQuery;
  const path = pathAndQuery.slice(0, mark);
  const params = pathAndQuery
    .slice(mark + 1)
    .split('&')
    .filter((part) => part !== '');
  if (params.length === 0) return path;
  const key = (part: string) => part.split('=', 1)[0] ?? '';
  params.sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  return `${path}?${params.join('&')}`;
}
