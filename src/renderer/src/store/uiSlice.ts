import type { StateCreator } from 'zustand/vanilla';
import type { LockstepState } from './types';

export const TABS = ['stays', 'jobs', 'locks', 'setup', 'problems'] as const;
export type TabId = (typeof TABS)[number];

/**
 * connecting: nothing answered yet; online: calls succeed; no-redis: the
 * core answers but cannot reach Redis; offline: the server is unreachable.
 */
export type Connection = 'connecting' | 'online' | 'no-redis' | 'offline';

export interface Notice {
  id: number;
  text: string;
}

export interface UiSlice {
  tab: TabId;
  setTab: (tab: TabId) => void;
  /** The last action error, shown until dismissed or replaced. */
  notice: Notice | null;
  showNotice: (text: string) => void;
  dismissNotice: () => void;
  connection: Connection;
  setConnection: (connection: Connection) => void;
}

let noticeCount = 0;

export const createUiSlice: StateCreator<LockstepState, [], [], UiSlice> = (
  set,
) => ({
  tab: 'stays',
  setTab: (tab) => set({ tab }),
  notice: null,
  showNotice: (text) => set({ notice: { id: ++noticeCount, text } }),
  dismissNotice: () => set({ notice: null }),
  connection: 'connecting',
  setConnection: (connection) => set({ connection }),
});
