import { randomBytes } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readFileSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { LockstepError } from '../errors';

/**
 * The headless installation key: LOCKSTEP_INSTALL_KEY (64 hex characters,
 * the pairing code another machine shows) wins; otherwise `<dataDir>/install.key`
 * (mode 0600), created on first start.
 */
export function loadHeadlessKey(
  dataDir: string,
  env: NodeJS.ProcessEnv = process.env,
): Buffer {
  const fromEnv = env.LOCKSTEP_INSTALL_KEY?.trim();
  if (fromEnv) return parsePairingCode(fromEnv);

  const path = join(dataDir, 'install.key');
  if (existsSync(path))
    return parsePairingCode(readFileSync(path, 'utf8').trim());

  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const key = randomBytes(32);
  writeFileSync(path, `${key.toString('hex')}\n`, { mode: 0o600 });
  chmodSync(path, 0o600);
  return key;
}

/** The key as the pairing code a second machine is given (64 hex characters). */
export function toPairingCode(key: Buffer): string {
  return key.toString('hex');
}

export function parsePairingCode(code: string): Buffer {
  if (!/^[0-9a-fA-F]{64}$/.test(code)) {
    throw new LockstepError(
      'invalid_input',
      'The installation key (LOCKSTEP_INSTALL_KEY or install.key) must be 64 hexadecimal characters.',
      {
        fields: [
          {
            field: 'LOCKSTEP_INSTALL_KEY',
            message: 'expected 64 hex characters',
          },
        ],
      },
    );
  }
  return Buffer.from(code, 'hex');
}
