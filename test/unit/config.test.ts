import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadOptions } from '../../src/core/config/load';

function configFile(content: string): string {
  const path = join(
    mkdtempSync(join(tmpdir(), 'lockstep-config-')),
    'lockstep.config.json',
  );
  writeFileSync(path, content);
  return path;
}

describe('loadOptions', () => {
  it('starts from defaults: embedded Redis, port 4870, 3 retries from 2 s', () => {
    const options = loadOptions(undefined, {});
    expect(options.redisUrl).toBeUndefined();
    expect(options.port).toBe(4870);
    expect(options.retry).toEqual({ retries: 3, backoffMs: 2000 });
    expect(options.concurrency).toBe(5);
  });

  it('reads properties, locks and feeds from the config file, and env overrides it', () => {
    const path = configFile(
      JSON.stringify({
        port: 5000,
        properties: [
          {
            id: 'cabin',
            name: 'Cabin',
            timeZone: 'America/Denver',
            locks: [{ id: 'door', name: 'Door' }],
            feeds: [{ id: 'abnb', url: '/srv/cabin.ics', source: 'airbnb' }],
          },
        ],
      }),
    );
    const options = loadOptions(path, {
      LOCKSTEP_PORT: '6000',
      REDIS_URL: 'redis://127.0.0.1:6390',
    });
    expect(options.port).toBe(6000);
    expect(options.redisUrl).toBe('redis://127.0.0.1:6390');
    expect(options.properties[0]?.locks[0]).toMatchObject({
      id: 'door',
      provider: 'simulated',
      link: 'wifi',
    });
    expect(options.properties[0]?.checkInTime).toBe('15:00');
  });

  it('names every bad field of the file', () => {
    const path = configFile(
      JSON.stringify({
        port: 'x',
        properties: [{ id: 'a', name: 'A', timeZone: 'Nowhere/Land' }],
      }),
    );
    expect(() => loadOptions(path, {})).toThrow(
      /port: .*properties\.0\.timeZone: unknown IANA time zone/,
    );
  });

  it('says when the file is not JSON', () => {
    expect(() => loadOptions(configFile('{ nope'), {})).toThrow(
      /not valid JSON/,
    );
  });
});

describe('config file consistency', () => {
  it('refuses ids used twice and Tuya locks without a device, naming each', () => {
    const path = configFile(
      JSON.stringify({
        properties: [
          {
            id: 'p1',
            name: 'One',
            timeZone: 'UTC',
            locks: [{ id: 'l1', name: 'Door', provider: 'tuya' }],
          },
          {
            id: 'p1',
            name: 'Two',
            timeZone: 'UTC',
            locks: [{ id: 'l1', name: 'Door' }],
            feeds: [{ id: 'f1', url: 'relative.ics' }],
          },
        ],
      }),
    );
    expect(() => loadOptions(path, {})).toThrow(
      /properties\.0\.locks\.0\.deviceId: required for Tuya locks/,
    );
    expect(() => loadOptions(path, {})).toThrow(
      /properties\.1\.id: property id "p1" is used twice/,
    );
    expect(() => loadOptions(path, {})).toThrow(/properties\.1\.feeds\.0\.url/);
  });
});
