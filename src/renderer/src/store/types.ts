import type {
  CallResult,
  Channel,
  ChannelInput,
  ChannelOutput,
} from '../../../shared';
import type { ListKey, Lists } from './lists';
import type { UiSlice } from './uiSlice';

export interface DataSlice extends Lists {
  /** Lists read at least once, so views can tell "empty" from "loading". */
  loaded: Partial<Record<ListKey, true>>;
  /** The last failure reading each list, as a host-facing sentence. */
  loadErrors: Partial<Record<ListKey, string>>;
  /** Reads the given lists again; overlapping requests are coalesced. */
  refresh: (keys: ListKey[]) => Promise<void>;
  /**
   * Calls one channel, tracks the connection from the answer and, on
   * success, reads again the lists the call changed. Never throws.
   */
  perform: <C extends Channel>(
    channel: C,
    input: ChannelInput<C>,
  ) => Promise<CallResult<ChannelOutput<C>>>;
  /** Loads everything and follows change pushes; returns the stop function. */
  start: () => () => void;
}

export type LockstepState = DataSlice & UiSlice;
