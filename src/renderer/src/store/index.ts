import { useStore } from 'zustand';
import { getApi, onLinkChange } from '../api';
import { createLockstepStore } from './createStore';
import type { LockstepState } from './types';

export type { LockstepState } from './types';
export type { ListKey } from './lists';
export { TABS, type Connection, type TabId } from './uiSlice';

export const lockstepStore = createLockstepStore({
  api: getApi(),
  onLinkChange,
});

/** Reads one slice of the panel state; re-renders when that slice changes. */
export function useLockstepStore<T>(selector: (state: LockstepState) => T): T {
  return useStore(lockstepStore, selector);
}
