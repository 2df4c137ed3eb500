import {
  createCipheriv,
  createDecipheriv,
  createHash,
  createHmac,
  randomBytes,
} from 'node:crypto';

/**
 * The cloud's half of Tuya's crypto, written apart from the client's code on
 * purpose: a mistake in the client must not be mirrored by the fake.
 */

export interface SignedParts {
  method: string;
  /** `req.url` as received. */
  rawUrl: string;
  body: Buffer;
  clientId: string;
  secret: string;
  accessToken: string;
  t: string;
  nonce: string;
  /** `name:value\n` for each header named in Signature-Headers. */
  headerLines: string;
}

/** The signature the cloud expects for a request, upper-case hex. */
export function expectedSignature(parts: SignedParts): string {
  const [path = '', query] = parts.rawUrl.split('?', 2) as [string, string?];
  const params = (query ?? '').split('&').filter(Boolean);
  const byKey = params
    .map((param) => ({ key: param.split('=')[0] ?? '', param }))
    .sort((a, b) => (a.key === b.key ? 0 : a.key < b.key ? -1 : 1))
    .map((entry) => entry.param);
  const url = byKey.length > 0 ? `${path}?${byKey.join('&')}` : path;
  const bodyHash = createHash('sha256').update(parts.body).digest('hex');
  const toSign = `${parts.method}\n${bodyHash}\n${parts.headerLines}\n${url}`;
  const message =
    parts.clientId + parts.accessToken + parts.t + parts.nonce + toSign;
  return createHmac('sha256', Buffer.from(parts.secret, 'utf8'))
    .update(message)
    .digest('hex')
    .toUpperCase();
}

/** A fresh 16-character ticket key (what the cloud keeps per ticket). */
export function newTicketKey(): string {
  return randomBytes(8).toString('hex');
}

/** `ticket_key` as sent: hex of AES-256-ECB(key) under the access secret. */
export function sealTicketKey(ticketKey: string, secret: string): string {
  const cipher = createCipheriv('aes-256-ecb', Buffer.from(secret), null);
  return Buffer.concat([cipher.update(ticketKey), cipher.final()])
    .toString('hex')
    .toUpperCase();
}

/** The plain PIN inside `password`, or null if it does not decrypt. */
export function openPin(passwordHex: string, ticketKey: string): string | null {
  if (!/^([0-9a-fA-F]{2})+$/.test(passwordHex)) return null;
  try {
    const decipher = createDecipheriv(
      'aes-128-ecb',
      Buffer.from(ticketKey),
      null,
    );
    const plain = Buffer.concat([
      decipher.update(Buffer.from(passwordHex, 'hex')),
      decipher.final(),
    ]);
    return plain.toString('utf8');
  } catch {
    return null;
  }
}
