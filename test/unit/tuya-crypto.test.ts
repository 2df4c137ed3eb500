import { createCipheriv, createDecipheriv } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { decryptTicketKey, encryptPin } from '../../src/core/locks/tuya/crypto';
import { LockstepError } from '../../src/core/errors';

const secret = 'fedcba9876543210fedcba9876543210';
const ticketKey = 'Q7k2mZp9Lx4Tn8Wc';

function sealedTicketKey(): string {
  const cipher = createCipheriv('aes-256-ecb', Buffer.from(secret), null);
  return Buffer.concat([cipher.update(ticketKey), cipher.final()]).toString(
    'hex',
  );
}

describe('decryptTicketKey', () => {
  it('recovers the 16-character key sealed under the access secret', () => {
    expect(decryptTicketKey(sealedTicketKey(), secret)).toBe(ticketKey);
    expect(decryptTicketKey(sealedTicketKey().toUpperCase(), secret)).toBe(
      ticketKey,
    );
  });

  it('reports a wrong or malformed secret as a credentials problem', () => {
    expect(
      codeOf(() => decryptTicketKey(sealedTicketKey(), '0'.repeat(32))),
    ).toBe('provider_auth');
    expect(codeOf(() => decryptTicketKey(sealedTicketKey(), 'short'))).toBe(
      'provider_auth',
    );
  });
});

describe('encryptPin', () => {
  it('gives upper-case hex that AES-128-ECB under the ticket key opens', () => {
    const sealed = encryptPin('4815162', ticketKey);
    expect(sealed).toMatch(/^[0-9A-F]{32}$/);

    const decipher = createDecipheriv(
      'aes-128-ecb',
      Buffer.from(ticketKey),
      null,
    );
    const pin = Buffer.concat([
      decipher.update(Buffer.from(sealed, 'hex')),
      decipher.final(),
    ]).toString('utf8');
    expect(pin).toBe('4815162');
  });

  it('differs per ticket key, so a ticket cannot be replayed for another PIN', () => {
    expect(encryptPin('123456', ticketKey)).not.toBe(
      encryptPin('123456', 'AAAAAAAAAAAAAAAA'),
    );
  });
});

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return error instanceof LockstepError ? error.code : 'not a LockstepError';
  }
  return undefined;
}
