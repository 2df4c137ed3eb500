const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/**
 * The origins a browser shows for this server. On loopback any loopback name
 * is the same machine, so each is accepted.
 * LIMITATION: bound to a LAN address, only `http://<host>:<port>` is accepted,
 * so a browser must use exactly that address, not a host name for it.
 */
export function ownOrigins(host: string, port: number): Set<string> {
  const name = host.includes(':') ? `[${host}]` : host;
  const names = LOOPBACK_NAMES.includes(name) ? LOOPBACK_NAMES : [name];
  return new Set(names.map((n) => `http://${n}:${port}`));
}

/**
 * A request is allowed when it carries no Origin (curl, scripts, the
 * same-origin GETs of a browser) or this server's own. Any other origin is a
 * web page trying to drive the local panel, or a DNS-rebinding attempt.
 */
export function isAllowedOrigin(
  origin: string | undefined,
  own: ReadonlySet<string>,
): boolean {
  return origin === undefined || own.has(origin);
}
