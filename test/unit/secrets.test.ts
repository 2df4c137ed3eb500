import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  loadHeadlessKey,
  toPairingCode,
} from '../../src/core/secrets/key-file';
import { createSealer } from '../../src/core/secrets/sealer';

describe('sealer', () => {
  it('round-trips a PIN without storing it in plain form', () => {
    const sealer = createSealer(randomBytes(32));
    const sealed = sealer.seal('4829173');
    expect(sealed).not.toContain('4829173');
    expect(sealer.open(sealed)).toBe('4829173');
  });

  it('refuses values sealed under another key', () => {
    const sealed = createSealer(randomBytes(32)).seal('123987');
    expect(() => createSealer(randomBytes(32)).open(sealed)).toThrow(
      /another installation key/,
    );
  });
});

describe('headless installation key', () => {
  it('creates a 0600 key file once and reuses it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lockstep-key-'));
    const first = loadHeadlessKey(dir, {});
    expect(statSync(join(dir, 'install.key')).mode & 0o777).toBe(0o600);
    expect(loadHeadlessKey(dir, {}).equals(first)).toBe(true);
    expect(readFileSync(join(dir, 'install.key'), 'utf8').trim()).toBe(
      toPairingCode(first),
    );
  });

  it('takes a pairing code from LOCKSTEP_INSTALL_KEY and names the variable when it is malformed', () => {
    const dir = mkdtempSync(join(tmpdir(), 'lockstep-key-'));
    const key = randomBytes(32);
    expect(
      loadHeadlessKey(dir, { LOCKSTEP_INSTALL_KEY: toPairingCode(key) }).equals(
        key,
      ),
    ).toBe(true);
    expect(() =>
      loadHeadlessKey(dir, { LOCKSTEP_INSTALL_KEY: 'short' }),
    ).toThrow(/LOCKSTEP_INSTALL_KEY/);
  });
});
