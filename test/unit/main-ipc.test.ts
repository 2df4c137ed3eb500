import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  CHANGE_EVENT_CHANNEL,
  CHANNELS,
  ipcChannelName,
} from '../../src/shared';
import {
  FakeBrowserWindow,
  fake,
  fakeCore,
  invokeHandler,
  memoryLogger,
  resetFakeElectron,
} from '../helpers/fake-electron';

vi.mock(
  'electron',
  async () => (await import('../helpers/fake-electron')).electronModule,
);
const { setupIpc } = await import('../../src/main/ipc');

describe('setupIpc', () => {
  beforeEach(() => resetFakeElectron());

  it('registers a handler for every contract channel and no other', () => {
    setupIpc(fakeCore().core, memoryLogger().log);

    const registered = [...fake.handlers.keys()].sort();
    expect(registered).toEqual(CHANNELS.map(ipcChannelName).sort());
  });

  it('answers bad input with the fields to fix, without calling the core', async () => {
    const { core, handlers } = fakeCore();
    setupIpc(core, memoryLogger().log);

    const result = await invokeHandler(ipcChannelName('properties:save'), {
      name: '',
      timeZone: 'Mars/Olympus',
    });

    expect(result).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    const fields = (
      result as { error: { fields: { field: string }[] } }
    ).error.fields.map((f) => f.field);
    expect(fields).toEqual(expect.arrayContaining(['name', 'timeZone']));
    expect(handlers['properties:save']).not.toHaveBeenCalled();
  });

  it('passes parsed input (defaults filled) to the core and wraps its value', async () => {
    const { core, handlers } = fakeCore();
    const saved = { id: 'p1', name: 'Cabin' };
    handlers['properties:save'].mockResolvedValue(saved);
    setupIpc(core, memoryLogger().log);

    const result = await invokeHandler(ipcChannelName('properties:save'), {
      name: ' Cabin ',
      timeZone: 'Europe/Lisbon',
    });

    expect(result).toEqual({ ok: true, value: saved });
    expect(handlers['properties:save']).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'Cabin', checkInTime: '15:00' }),
    );
  });

  it('turns a core failure into an internal error result instead of throwing', async () => {
    const { core, handlers } = fakeCore();
    handlers['locks:list'].mockRejectedValue(new Error('redis went away'));
    const { log, entries } = memoryLogger();
    setupIpc(core, log);

    const result = await invokeHandler(ipcChannelName('locks:list'), {});

    expect(result).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(entries.some((e) => e.level === 'error')).toBe(true);
  });

  it('pushes change topics to every open window', () => {
    const { core, emitChange } = fakeCore();
    setupIpc(core, memoryLogger().log);
    const first = new FakeBrowserWindow({});
    const second = new FakeBrowserWindow({});

    emitChange(['reservations', 'jobs']);

    for (const window of [first, second]) {
      expect(window.webContents.send).toHaveBeenCalledWith(
        CHANGE_EVENT_CHANNEL,
        ['reservations', 'jobs'],
      );
    }
  });

  it('dispose removes every handler and the change subscription', () => {
    const { core, unsubscribe } = fakeCore();
    const dispose = setupIpc(core, memoryLogger().log);

    dispose();

    expect(fake.handlers.size).toBe(0);
    expect(unsubscribe).toHaveBeenCalledTimes(1);
  });
});
