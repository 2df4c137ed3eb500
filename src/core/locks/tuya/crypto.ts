import { createCipheriv, createDecipheriv } from 'node:crypto';
import { LockstepError } from '../../errors';

/**
 * Decrypts a password ticket's `ticket_key` (hex of AES-256-ECB ciphertext
 * under the 32-character access secret) into the 16-character key that
 * encrypts one PIN. Throws `provider_auth` when the secret cannot be the key.
 */
export function decryptTicketKey(ticketKeyHex: string, secret: string): string {
  const key = Buffer.from(secret, 'utf8');
  if (key.length !== 32) {
    throw new LockstepError(
      'provider_auth',
      'The Tuya access secret must be 32 characters long.',
    );
  }
  try {
    const decipher = createDecipheriv('aes-256-ecb', key, null);
    const plain = Buffer.concat([
      decipher.update(Buffer.from(ticketKeyHex, 'hex')),
      decipher.final(),
    ]);
    return plain.toString('utf8');
  } catch (cause) {
    throw new LockstepError(
      'provider_auth',
      'The password ticket could not be decrypted with the access secret.',
      { cause },
    );
  }
}

/**
 * Encrypts a PIN for `temp-password`: AES-128-ECB with PKCS7 padding under
 * the decrypted ticket key (its 16 characters as bytes), as upper-case hex.
 */
export function encryptPin(pin: string, ticketKey: string): string {
  const key = Buffer.from(ticketKey, 'utf8');
  if (key.length !== 16) {
    throw new LockstepError(
      'lock_rejected',
      'The Tuya cloud sent a password ticket key of the wrong size.',
    );
  }
  const cipher = createCipheriv('aes-128-ecb', key, null);
  const sealed = Buffer.concat([cipher.update(pin, 'utf8'), cipher.final()]);
  return sealed.toString('hex').toUpperCase();
}
