import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CHANGE_EVENT_CHANNEL,
  CHANNELS,
  ipcChannelName,
  type LockstepApi,
} from '../../src/shared';
import { fake, resetFakeElectron } from '../helpers/fake-electron';

vi.mock(
  'electron',
  async () => (await import('../helpers/fake-electron')).electronModule,
);

await import('../../src/preload/index');
const exposed = new Map(fake.exposed);
const api = exposed.get('lockstep') as LockstepApi;

describe('preload', () => {
  beforeEach(() => resetFakeElectron());

  it('exposes exactly the contract channels plus onChange', () => {
    expect(Object.keys(api).sort()).toEqual([...CHANNELS, 'onChange'].sort());
    expect([...exposed.keys()]).toEqual(['lockstep']);
  });

  it('invokes each channel over its own IPC name and returns the result', async () => {
    const answer = { ok: true, value: [] };
    fake.ipcRenderer.invoke.mockResolvedValue(answer);

    for (const channel of CHANNELS) {
      const call = api[channel] as (input: unknown) => Promise<unknown>;
      await expect(call({ probe: channel })).resolves.toBe(answer);
      expect(fake.ipcRenderer.invoke).toHaveBeenLastCalledWith(
        ipcChannelName(channel),
        { probe: channel },
      );
    }
  });

  it('turns a failed invoke into an error result instead of throwing', async () => {
    fake.ipcRenderer.invoke.mockRejectedValue(new Error('No handler'));

    await expect(api['locks:list']({})).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: 'No handler' },
    });
  });

  it('onChange delivers valid topics only, and its unsubscribe stops delivery', () => {
    const listener = vi.fn();
    const unsubscribe = api.onChange(listener);

    fake.ipcRenderer.emit(CHANGE_EVENT_CHANNEL, {}, ['jobs']);
    fake.ipcRenderer.emit(CHANGE_EVENT_CHANNEL, {}, ['not-a-topic']);
    unsubscribe();
    fake.ipcRenderer.emit(CHANGE_EVENT_CHANNEL, {}, ['locks']);

    expect(listener.mock.calls).toEqual([[['jobs']]]);
  });
});

describe('preload imports', () => {
  it('reach only electron, zod and src/shared, which a sandboxed preload can load', async () => {
    const { readFile } = await import('node:fs/promises');
    const source = await readFile(
      new URL('../../src/preload/index.ts', import.meta.url),
      'utf8',
    );
    const specifiers = [...source.matchAll(/from '([^']+)'/g)].map((m) => m[1]);

    expect(specifiers.length).toBeGreaterThan(0);
    for (const specifier of specifiers) {
      expect(['electron', 'zod', '../shared']).toContain(specifier);
    }
  });
});
