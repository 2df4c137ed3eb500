import type { LockstepApi } from '../../../shared';
import { browserFetch, openBrowserEvents } from './browser';
import { createHttpApi } from './http';
import { reportLink } from './link';

export { isTransportFailure } from './http';
export { onLinkChange } from './link';

let api: LockstepApi | undefined;

/**
 * The one API the panel talks to: the preload's `window.lockstep` inside
 * Electron, otherwise the HTTP client of serve mode on this page's origin.
 */
export function getApi(): LockstepApi {
  api ??=
    window.lockstep ??
    createHttpApi({
      fetch: browserFetch,
      openEvents: openBrowserEvents,
      onLinkChange: reportLink,
    });
  return api;
}
