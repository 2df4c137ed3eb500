/**
 * Whether the panel can reach whatever serves its API. Only the HTTP
 * transport reports here; over Electron IPC the link is always up.
 */
type LinkListener = (isUp: boolean) => void;

const listeners = new Set<LinkListener>();

/** Tells every listener the link went up or down. */
export function reportLink(isUp: boolean): void {
  for (const listener of listeners) listener(isUp);
}

/** Calls `listener` on every link report; returns its unsubscribe. */
export function onLinkChange(listener: LinkListener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}
