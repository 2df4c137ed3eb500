import {
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  fake,
  memoryLogger,
  resetFakeElectron,
} from '../helpers/fake-electron';

vi.mock(
  'electron',
  async () => (await import('../helpers/fake-electron')).electronModule,
);
const { loadInstallKey, PLAIN_KEY_FILE, SEALED_KEY_FILE } =
  await import('../../src/main/key');

describe('loadInstallKey', () => {
  let dir: string;
  beforeEach(() => {
    resetFakeElectron();
    dir = mkdtempSync(join(tmpdir(), 'lockstep-key-'));
  });
  afterEach(() => {
    vi.restoreAllMocks();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates a 32-byte key sealed by the keychain and reads the same one back', async () => {
    const first = await loadInstallKey(dir, memoryLogger().log);
    const second = await loadInstallKey(dir, memoryLogger().log);

    expect(first).toHaveLength(32);
    expect(second.equals(first)).toBe(true);
    const stored = readFileSync(join(dir, SEALED_KEY_FILE));
    expect(stored.includes(first)).toBe(false);
    expect(stored.toString()).not.toContain(first.toString('base64'));
  });

  it('falls back to a file only this user can read, and says so', async () => {
    fake.safeStorage.isAvailable = false;
    const { log, entries } = memoryLogger();

    const key = await loadInstallKey(dir, log);

    const path = join(dir, PLAIN_KEY_FILE);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path).equals(key)).toBe(true);
    expect(entries.some((e) => e.level === 'warn')).toBe(true);
    expect((await loadInstallKey(dir, log)).equals(key)).toBe(true);
  });

  it('treats a keyring-less Linux "basic_text" store as no keychain', async () => {
    vi.spyOn(process, 'platform', 'get').mockReturnValue('linux');
    fake.safeStorage.backend = 'basic_text';

    await loadInstallKey(dir, memoryLogger().log);

    expect(statSync(join(dir, PLAIN_KEY_FILE)).isFile()).toBe(true);
  });

  it('refuses, rather than replacing the key, when the keychain is locked', async () => {
    await loadInstallKey(dir, memoryLogger().log);
    const sealed = readFileSync(join(dir, SEALED_KEY_FILE));
    fake.safeStorage.isAvailable = false;

    await expect(loadInstallKey(dir, memoryLogger().log)).rejects.toThrow(
      /keychain/,
    );
    expect(readFileSync(join(dir, SEALED_KEY_FILE)).equals(sealed)).toBe(true);
  });

  it('refuses a damaged key file instead of starting with a new key', async () => {
    writeFileSync(join(dir, PLAIN_KEY_FILE), Buffer.alloc(7));

    await expect(loadInstallKey(dir, memoryLogger().log)).rejects.toThrow(
      /damaged/,
    );
  });
});
