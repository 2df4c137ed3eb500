import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LockstepCore } from '../../core/app';
import type { Logger } from '../../core/log';
import { handleApiCall } from './api';
import { contentSecurityPolicy } from './csp';
import { openEventStream } from './events';
import { isAllowedOrigin } from './origin';
import { sendError, sendJson } from './respond';
import { serveStatic } from './static';
import { handleWebhook } from './webhook';

export interface RouterOptions {
  core: LockstepCore;
  log: Logger;
  staticDir: string;
  heartbeatMs: number;
  /** This server's own origins; filled in once the port is known. */
  origins: ReadonlySet<string>;
  /** Open event streams, so shutdown can end them. */
  streams: Set<() => void>;
}

/** Sends each request to its route; the API is guarded against other origins. */
export function createRouter(options: RouterOptions) {
  const { core, log, streams } = options;
  const csp = contentSecurityPolicy();

  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const { pathname } = new URL(req.url ?? '/', 'http://panel.invalid');
    if (pathname === '/healthz') return sendJson(res, 200, { ok: true });
    if (pathname === '/webhooks/reservations') {
      return handleWebhook(core, log, req, res);
    }
    if (!pathname.startsWith('/api/')) {
      return serveStatic(options.staticDir, pathname, req, res, csp);
    }

    if (!isAllowedOrigin(req.headers.origin, options.origins)) {
      return sendError(res, 403, {
        code: 'invalid_input',
        message: 'calls from another origin are refused',
      });
    }
    if (pathname === '/api/events' && req.method === 'GET') {
      const end = openEventStream(core, req, res, options.heartbeatMs);
      streams.add(end);
      res.on('close', () => streams.delete(end));
      return;
    }
    const channel = decodeSegment(pathname.slice('/api/'.length));
    return handleApiCall(core, log, channel, req, res);
  };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
