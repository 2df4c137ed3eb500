import { describe, expect, it, vi } from 'vitest';
import {
  CHANNELS,
  type CallResult,
  type ChangeTopic,
  type LockstepApi,
} from '../../src/shared';
import { createHttpApi } from '../../src/renderer/src/api/http';
import { createLockstepStore } from '../../src/renderer/src/store/createStore';

type Answer = () => Promise<CallResult<unknown>>;

/** An API whose every channel answers `[]` unless told otherwise. */
function stubApi(answers: Partial<Record<string, Answer>> = {}) {
  let push: (topics: ChangeTopic[]) => void = () => undefined;
  const calls: string[] = [];
  const api: Record<string, unknown> = {
    onChange: (listener: (topics: ChangeTopic[]) => void) => {
      push = listener;
      return () => undefined;
    },
  };
  for (const channel of CHANNELS) {
    api[channel] = () => {
      calls.push(channel);
      const answer = answers[channel];
      return answer ? answer() : Promise.resolve({ ok: true, value: [] });
    };
  }
  return {
    api: api as unknown as LockstepApi,
    calls,
    push: (t: ChangeTopic[]) => push(t),
  };
}

describe('the panel store', () => {
  it('loads every list on start and goes online', async () => {
    const stub = stubApi();
    const store = createLockstepStore({ api: stub.api });
    store.getState().start();
    await vi.waitFor(() =>
      expect(Object.keys(store.getState().loaded)).toHaveLength(10),
    );

    expect(new Set(stub.calls)).toEqual(
      new Set([
        'app:info',
        'settings:get',
        'properties:list',
        'locks:list',
        'feeds:list',
        'reservations:list',
        'jobs:list',
        'problems:list',
        'audit:list',
        'webhooks:list',
      ]),
    );
    expect(store.getState().connection).toBe('online');
  });

  it('refetches only the pushed topic and the audit log', async () => {
    const stub = stubApi();
    const store = createLockstepStore({ api: stub.api });
    store.getState().start();
    await vi.waitFor(() =>
      expect(Object.keys(store.getState().loaded)).toHaveLength(10),
    );

    stub.calls.length = 0;
    stub.push(['jobs']);
    await vi.waitFor(() => expect(stub.calls).toHaveLength(2));
    expect(stub.calls.sort()).toEqual(['audit:list', 'jobs:list']);

    stub.calls.length = 0;
    stub.push(['reservations']);
    await vi.waitFor(() => expect(stub.calls).toHaveLength(3));
    expect(stub.calls.sort()).toEqual([
      'audit:list',
      'reservations:list',
      'webhooks:list',
    ]);
  });

  it('follows demo mode when the lock cloud settings change', async () => {
    let isDemoMode = true;
    const stub = stubApi({
      'app:info': () => Promise.resolve({ ok: true, value: { isDemoMode } }),
    });
    const store = createLockstepStore({ api: stub.api });
    store.getState().start();
    await vi.waitFor(() =>
      expect(store.getState().info?.isDemoMode).toBe(true),
    );

    isDemoMode = false;
    stub.calls.length = 0;
    stub.push(['settings']);
    await vi.waitFor(() =>
      expect(store.getState().info?.isDemoMode).toBe(false),
    );
    expect(stub.calls.sort()).toEqual([
      'app:info',
      'audit:list',
      'settings:get',
    ]);
  });

  it('reads a list once more, not once per push, while it is loading', async () => {
    let release: () => void = () => undefined;
    const stub = stubApi({
      'jobs:list': () =>
        new Promise((resolve) => {
          release = () =>
            resolve({ ok: true, value: { counts: {}, jobs: [] } });
        }),
    });
    const store = createLockstepStore({ api: stub.api });
    const refreshing = store.getState().refresh(['jobs']);
    void store.getState().refresh(['jobs']);
    void store.getState().refresh(['jobs']);
    const jobReads = () => stub.calls.filter((c) => c === 'jobs:list');
    expect(jobReads()).toHaveLength(1);
    release();
    await vi.waitFor(() => expect(jobReads()).toHaveLength(2));
    release();
    await refreshing;
    expect(jobReads()).toHaveLength(2);
  });

  it('keeps the old list and records why a read failed', async () => {
    const stub = stubApi({
      'locks:list': () =>
        Promise.resolve({
          ok: false,
          error: { code: 'redis_unavailable', message: 'ECONNREFUSED' },
        }),
    });
    const store = createLockstepStore({ api: stub.api });
    await store.getState().refresh(['locks']);
    expect(store.getState().locks).toEqual([]);
    expect(store.getState().loadErrors.locks).toContain(
      'cannot reach its Redis',
    );
    expect(store.getState().connection).toBe('no-redis');
  });

  it('rereads what an action changed without waiting for a push', async () => {
    const stub = stubApi({
      'reservations:cancel': () => Promise.resolve({ ok: true, value: {} }),
    });
    const store = createLockstepStore({ api: stub.api });
    const result = await store
      .getState()
      .perform('reservations:cancel', { id: 'r1' });
    expect(result.ok).toBe(true);
    await vi.waitFor(() => expect(stub.calls).toContain('jobs:list'));
    expect(stub.calls).toContain('reservations:list');
    expect(stub.calls).not.toContain('locks:list');
  });

  it('shows the server as unreachable when HTTP calls cannot connect', async () => {
    const api = createHttpApi({
      fetch: () => Promise.reject(new TypeError('Failed to fetch')),
      openEvents: () => ({ close: () => undefined }),
    });
    const store = createLockstepStore({ api });
    const result = await store
      .getState()
      .perform('jobs:runNow', { queue: 'pin-create', id: 'c-r1' });
    expect(result.ok).toBe(false);
    expect(store.getState().connection).toBe('offline');
  });

  it('turns a transport that throws into a failed result', async () => {
    const stub = stubApi({
      'feeds:sync': () => Promise.reject(new Error('No handler registered')),
    });
    const store = createLockstepStore({ api: stub.api });
    const result = await store.getState().perform('feeds:sync', { id: 'f1' });
    expect(result).toEqual({
      ok: false,
      error: { code: 'internal', message: 'No handler registered' },
    });
  });
});
