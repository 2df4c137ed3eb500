import { describe, expect, it } from 'vitest';
import type { LockDeviceView, SettingsView } from '../../src/shared';
import { keysForTopics } from '../../src/renderer/src/store/lists';
import { deviceFields } from '../../src/renderer/src/views/setup/lockDevice';
import {
  buildTuyaInput,
  changeRegion,
  describeConnectionCheck,
  tuyaToValues,
} from '../../src/renderer/src/views/setup/tuyaValues';

type StoredTuya = NonNullable<SettingsView['tuya']>;
const SECRET = 'a'.repeat(32);
const stored: StoredTuya = {
  accessId: 'abc123',
  region: 'eu-central',
  baseUrl: 'https://openapi.tuyaeu.com',
  hasSecret: true,
  origin: 'panel',
};

describe('the lock cloud form', () => {
  it('sends no secret when it is left empty and one is stored', () => {
    const built = buildTuyaInput(tuyaToValues(stored), stored);
    expect(built.ok).toBe(true);
    expect(built.ok && 'accessSecret' in built.input).toBe(false);
    expect(built.ok && built.input.accessId).toBe('abc123');
  });

  it('never shows the stored secret back', () => {
    expect(tuyaToValues(stored).accessSecret).toBe('');
  });

  it('sends a typed secret, and asks for one when none can be kept', () => {
    const values = { ...tuyaToValues(stored), accessSecret: ` ${SECRET} ` };
    const built = buildTuyaInput(values, stored);
    expect(built.ok && built.input.accessSecret).toBe(SECRET);

    expect(buildTuyaInput(tuyaToValues(null), null)).toEqual({
      ok: false,
      errors: { accessSecret: 'enter the access secret' },
    });
    // The core keeps only a secret saved from the panel, not a config one.
    const fromConfig: StoredTuya = { ...stored, origin: 'config' };
    expect(buildTuyaInput(tuyaToValues(fromConfig), fromConfig).ok).toBe(false);
  });

  it("drops the old data center's address when the data center changes", () => {
    const moved = changeRegion(tuyaToValues(stored), 'us-east', stored);
    const built = buildTuyaInput(moved, stored);
    expect(built.ok && built.input).toStrictEqual({
      accessId: 'abc123',
      region: 'us-east',
    });

    const custom = { ...tuyaToValues(stored), baseUrl: 'http://127.0.0.1:9' };
    expect(changeRegion(custom, 'india', stored).baseUrl).toBe(
      'http://127.0.0.1:9',
    );
  });

  it('describes a connection test in words', () => {
    expect(describeConnectionCheck({ ok: true, deviceCount: 3 })).toBe(
      'Connected: 3 devices',
    );
    const refused = describeConnectionCheck({
      ok: false,
      code: 'provider_auth',
      message: 'sign invalid',
    });
    expect(refused).toContain('refused the credentials');
    expect(refused).toContain('sign invalid');
  });
});

describe('picking a Tuya device for a lock', () => {
  const device: LockDeviceView = {
    deviceId: 'vdevo123',
    name: 'Front door',
    category: 'jtmspro',
    online: true,
    isSubDevice: false,
  };

  it('takes a device behind a gateway as Zigbee, a direct one as Wi-Fi', () => {
    expect(deviceFields({ ...device, isSubDevice: true }, '').link).toBe(
      'zigbee',
    );
    expect(deviceFields(device, '').link).toBe('wifi');
  });

  it('fills the ID, and the name only when the host typed none', () => {
    expect(deviceFields(device, '')).toEqual({
      deviceId: 'vdevo123',
      name: 'Front door',
      link: 'wifi',
    });
    expect(deviceFields(device, 'Unit 4').name).toBe('Unit 4');
  });
});

describe('change pushes', () => {
  it('reread the settings and the app info (demo mode) on settings', () => {
    const keys = keysForTopics(['settings']);
    expect(keys).toContain('settings');
    expect(keys).toContain('info');
    expect(keysForTopics(['jobs'])).not.toContain('info');
  });
});
