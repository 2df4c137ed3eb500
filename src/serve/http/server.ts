import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { LockstepCore } from '../../core/app';
import { describeUnknown } from '../../core/dispatch';
import type { Logger } from '../../core/log';
import { trackConnections } from './connections';
import { HEARTBEAT_MS } from './events';
import { ownOrigins } from './origin';
import { sendError } from './respond';
import { createRouter } from './router';

export interface HttpServerOptions {
  core: LockstepCore;
  log: Logger;
  /** Interface to bind; loopback unless the host deliberately opens it up. */
  host?: string;
  /** TCP port; 0 picks a free one (read it back from `url`). */
  port: number;
  /** The built panel; defaults to out/renderer beside the built serve.js. */
  staticDir?: string;
  /** Gap between event-stream keep-alive comments, in ms. */
  heartbeatMs?: number;
}

export interface HttpServer {
  /** Base URL, for example `http://127.0.0.1:4173`. */
  readonly url: string;
  /** Ends event streams and stops listening; safe to call twice. */
  close(): Promise<void>;
}

/**
 * Serve mode's HTTP transport: the panel's files, the contract as
 * `POST /api/<channel>`, live changes as `GET /api/events`, the PMS webhook
 * and `GET /healthz`. Resolves once listening.
 */
export async function startHttpServer(
  options: HttpServerOptions,
): Promise<HttpServer> {
  const { log, host = '127.0.0.1' } = options;
  const origins = new Set<string>();
  const streams = new Set<() => void>();
  const route = createRouter({
    core: options.core,
    log,
    staticDir: options.staticDir ?? join(__dirname, '../renderer'),
    heartbeatMs: options.heartbeatMs ?? HEARTBEAT_MS,
    origins,
    streams,
  });

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      log.error('request failed', { error: describeUnknown(error) });
      if (res.headersSent) return void res.destroy();
      sendError(res, 500, { code: 'internal', message: 'request failed' });
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  const connections = trackConnections(server);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  for (const origin of ownOrigins(host, port)) origins.add(origin);
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  log.info('panel listening', { url });

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= new Promise<void>((resolve, reject) => {
      for (const end of streams) end();
      server.close((error) => (error ? reject(error) : resolve()));
      connections.closeIdle();
    });
    return closing;
  };
  return { url, close };
}
