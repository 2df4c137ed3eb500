import {
  createCipheriv,
  createDecipheriv,
  createHmac,
  randomBytes,
} from 'node:crypto';
import { LockstepError } from '../errors';

/**
 * Seals secrets (PINs, Tuya credentials) with the installation key before
 * they reach Redis. AES-256-GCM; the key itself never enters Redis.
 */
export interface Sealer {
  seal(plain: string): string;
  /** Throws LockstepError('internal') when the value was sealed under another key. */
  open(sealed: string): string;
  /** A value that proves which key is in use without revealing it. */
  readonly keyCheck: string;
}

const VERSION = 'v1';

export function createSealer(key: Buffer): Sealer {
  if (key.length !== 32)
    throw new RangeError('The installation key must be 32 bytes');

  return {
    keyCheck: createHmac('sha256', key)
      .update('lockstep key check')
      .digest('hex')
      .slice(0, 32),

    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([
        cipher.update(plain, 'utf8'),
        cipher.final(),
      ]);
      const packed = Buffer.concat([iv, cipher.getAuthTag(), body]);
      return `${VERSION}:${packed.toString('base64')}`;
    },

    open(sealed) {
      const [version, data] = sealed.split(':');
      if (version !== VERSION || !data) {
        throw new LockstepError(
          'internal',
          'A stored secret has an unknown format.',
        );
      }
      const packed = Buffer.from(data, 'base64');
      try {
        const decipher = createDecipheriv(
          'aes-256-gcm',
          key,
          packed.subarray(0, 12),
        );
        decipher.setAuthTag(packed.subarray(12, 28));
        return Buffer.concat([
          decipher.update(packed.subarray(28)),
          decipher.final(),
        ]).toString('utf8');
      } catch {
        throw new LockstepError(
          'internal',
          'A stored secret was sealed with another installation key.',
        );
      }
    },
  };
}
