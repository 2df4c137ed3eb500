import { createStore, type StoreApi } from 'zustand/vanilla';
import { createDataSlice, type DataSliceOptions } from './dataSlice';
import type { LockstepState } from './types';
import { createUiSlice } from './uiSlice';

/** The panel's one store, over whichever API transport it is given. */
export function createLockstepStore(
  options: DataSliceOptions,
): StoreApi<LockstepState> {
  return createStore<LockstepState>()((...args) => ({
    ...createDataSlice(options)(...args),
    ...createUiSlice(...args),
  }));
}
