import type { OpenEventStream } from './events';
import type { FetchLike } from './http';

/** `fetch` bound to the window, same origin, no caching of API answers. */
export const browserFetch: FetchLike = (url, init) =>
  window.fetch(url, { ...init, cache: 'no-store', credentials: 'same-origin' });

/**
 * A server-sent event stream on the browser's EventSource, which reconnects
 * by itself after an error until `close()` is called.
 */
export const openBrowserEvents: OpenEventStream = (url, handlers) => {
  const source = new EventSource(url);
  source.onmessage = (event: MessageEvent<unknown>) => {
    if (typeof event.data === 'string') handlers.onMessage(event.data);
  };
  source.onopen = () => handlers.onOpen();
  source.onerror = () => handlers.onError();
  return { close: () => source.close() };
};
