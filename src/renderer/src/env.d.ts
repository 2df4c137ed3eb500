import type { LockstepApi } from '../../shared';

declare global {
  interface Window {
    /** Exposed by the Electron preload; absent in a plain browser. */
    readonly lockstep?: LockstepApi;
  }
}

export {};
