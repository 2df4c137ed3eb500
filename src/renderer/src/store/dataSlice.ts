import type { StateCreator } from 'zustand/vanilla';
import {
  describeError,
  type CallResult,
  type Channel,
  type ChannelInput,
  type ChannelOutput,
  type LockstepApi,
} from '../../../shared';
import { isTransportFailure } from '../api/http';
import { AFFECTS } from './affects';
import {
  EMPTY_LISTS,
  LIST_KEYS,
  LOADERS,
  keysForTopics,
  type ListKey,
} from './lists';
import type { Connection } from './uiSlice';
import type { DataSlice, LockstepState } from './types';

export interface DataSliceOptions {
  api: LockstepApi;
  /** Transport link reports (HTTP only); returns its unsubscribe. */
  onLinkChange?: (listener: (isUp: boolean) => void) => () => void;
}

type Slice = StateCreator<LockstepState, [], [], DataSlice>;

export function createDataSlice(options: DataSliceOptions): Slice {
  const { api } = options;
  return (set, get) => {
    // A key read while already being read is read once more afterwards, so
    // the last push always wins and requests never pile up.
    const running = new Map<ListKey, { done: Promise<void>; again: boolean }>();

    function observe(result: CallResult<unknown>): void {
      set({ connection: connectionAfter(result) });
    }

    async function loadOnce(key: ListKey): Promise<void> {
      const load = LOADERS[key] as (
        a: LockstepApi,
      ) => Promise<CallResult<unknown>>;
      const result = await settle(load(api));
      observe(result);
      if (result.ok) {
        const errors = { ...get().loadErrors };
        delete errors[key];
        set({
          [key]: result.value,
          loaded: { ...get().loaded, [key]: true },
          loadErrors: errors,
        } as Partial<LockstepState>);
        return;
      }
      const text = describeError(result.error.code, result.error.message);
      set({ loadErrors: { ...get().loadErrors, [key]: text } });
    }

    function refreshOne(key: ListKey): Promise<void> {
      const current = running.get(key);
      if (current) {
        current.again = true;
        return current.done;
      }
      const entry = { done: Promise.resolve(), again: false };
      entry.done = (async () => {
        do {
          entry.again = false;
          await loadOnce(key);
        } while (entry.again);
        running.delete(key);
      })();
      running.set(key, entry);
      return entry.done;
    }

    return {
      ...EMPTY_LISTS,
      loaded: {},
      loadErrors: {},
      async refresh(keys) {
        await Promise.all([...new Set(keys)].map(refreshOne));
      },
      async perform<C extends Channel>(channel: C, input: ChannelInput<C>) {
        const send = api[channel] as (
          i: ChannelInput<C>,
        ) => Promise<CallResult<ChannelOutput<C>>>;
        const result = await settle(send(input));
        observe(result);
        if (result.ok) void get().refresh(AFFECTS[channel] ?? []);
        return result;
      },
      start() {
        const stopPush = api.onChange((topics) => {
          void get().refresh(keysForTopics(topics));
        });
        const stopLink = options.onLinkChange?.((isUp) => {
          if (!isUp) set({ connection: 'offline' });
          else if (get().connection === 'offline')
            set({ connection: 'online' });
        });
        void get().refresh(LIST_KEYS);
        return () => {
          stopPush();
          stopLink?.();
        };
      },
    };
  };
}

function connectionAfter(result: CallResult<unknown>): Connection {
  if (result.ok) return 'online';
  if (isTransportFailure(result.error)) return 'offline';
  return result.error.code === 'redis_unavailable' ? 'no-redis' : 'online';
}

/** A transport that rejects (an IPC handler missing) still yields a result. */
async function settle<T>(call: Promise<CallResult<T>>): Promise<CallResult<T>> {
  try {
    return await call;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'internal', message } };
  }
}
