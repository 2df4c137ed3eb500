import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { z } from 'zod';
import {
  CHANGE_EVENT_CHANNEL,
  CHANGE_TOPICS,
  CHANNELS,
  ipcChannelName,
  type CallResult,
  type Channel,
  type ChannelInput,
  type ChangeTopic,
  type ChannelOutput,
  type LockstepApi,
} from '../shared';

// The panel's only door to the main process: one named method per contract
// channel plus `onChange`, exposed as `window.lockstep`. Nothing else from
// Electron (no ipcRenderer, no event objects) reaches the page.

/** One channel's call; a failed invoke becomes an error result, never a throw. */
function call<C extends Channel>(channel: C) {
  return async (
    input: ChannelInput<C>,
  ): Promise<CallResult<ChannelOutput<C>>> => {
    try {
      return (await ipcRenderer.invoke(
        ipcChannelName(channel),
        input,
      )) as CallResult<ChannelOutput<C>>;
    } catch (error) {
      // Only a missing handler or a closed main process lands here.
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'internal', message } };
    }
  };
}

const topicsSchema = z.array(z.enum(CHANGE_TOPICS));

function onChange(listener: (topics: ChangeTopic[]) => void): () => void {
  const relay = (_event: IpcRendererEvent, payload: unknown) => {
    const parsed = topicsSchema.safeParse(payload);
    if (parsed.success) listener(parsed.data);
  };
  ipcRenderer.on(CHANGE_EVENT_CHANNEL, relay);
  return () => {
    ipcRenderer.removeListener(CHANGE_EVENT_CHANNEL, relay);
  };
}

type ChannelCalls = Omit<LockstepApi, 'onChange'>;

// Built from CHANNELS so a channel added to the contract is exposed at once;
// TypeScript cannot follow the loop over the keys, hence the one cast.
function callEveryChannel(): ChannelCalls {
  return Object.fromEntries(
    CHANNELS.map((channel) => [channel, call(channel)]),
  ) as ChannelCalls;
}

const api = { ...callEveryChannel(), onChange } satisfies LockstepApi;

contextBridge.exposeInMainWorld('lockstep', api);
