import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { safeStorage } from 'electron';
import { LockstepError } from '../core/errors';
import type { Logger } from '../core/log';

const KEY_BYTES = 32;
/** The key sealed by the OS keychain through `safeStorage`. */
export const SEALED_KEY_FILE = 'install-key.bin';
/** The bare key, readable by this user only, when no keychain is available. */
export const PLAIN_KEY_FILE = 'install-key.raw';

/**
 * The installation key that seals PINs and lock-cloud credentials (32 bytes).
 * Created on first start; afterwards the same key is read back. A key file
 * that exists but cannot be opened is an error, never a reason to make a new
 * key: a new key would make every sealed secret unreadable.
 * Call after `app.whenReady()`; throws `LockstepError('internal')`.
 */
export async function loadInstallKey(
  dir: string,
  log: Logger,
): Promise<Buffer> {
  const sealedPath = join(dir, SEALED_KEY_FILE);
  const plainPath = join(dir, PLAIN_KEY_FILE);

  const sealed = await readIfExists(sealedPath);
  if (sealed) return unseal(sealed);

  const plain = await readIfExists(plainPath);
  if (plain) {
    log.warn('installation key is in a file, not the OS keychain', {
      path: plainPath,
    });
    return checkLength(plain);
  }

  const key = randomBytes(KEY_BYTES);
  await mkdir(dir, { recursive: true });
  if (isKeychainUsable()) {
    const blob = safeStorage.encryptString(key.toString('base64'));
    await writeAtomically(sealedPath, blob);
    log.info('created installation key in the OS keychain');
  } else {
    log.warn('OS keychain unavailable; installation key kept in a 0600 file', {
      path: plainPath,
    });
    await writeAtomically(plainPath, key);
  }
  return key;
}

// On Linux without a keyring Electron "encrypts" with a fixed password, which
// protects no better than a 0600 file and would only hide that fact.
function isKeychainUsable(): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  return (
    process.platform !== 'linux' ||
    safeStorage.getSelectedStorageBackend() !== 'basic_text'
  );
}

function unseal(blob: Buffer): Buffer {
  if (!safeStorage.isEncryptionAvailable()) {
    throw new LockstepError(
      'internal',
      'The installation key is sealed by the OS keychain, which is not available now. Unlock the keychain and start Lockstep again.',
    );
  }
  return checkLength(Buffer.from(safeStorage.decryptString(blob), 'base64'));
}

function checkLength(key: Buffer): Buffer {
  if (key.length !== KEY_BYTES) {
    throw new LockstepError(
      'internal',
      'The installation key file is damaged.',
    );
  }
  return key;
}

async function readIfExists(path: string): Promise<Buffer | undefined> {
  try {
    return await readFile(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

// Write then rename, so a crash mid-write never leaves a half key behind.
async function writeAtomically(path: string, data: Buffer): Promise<void> {
  const temp = `${path}.tmp`;
  await writeFile(temp, data, { mode: 0o600 });
  await rename(temp, path);
}
