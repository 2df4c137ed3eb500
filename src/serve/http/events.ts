import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LockstepCore } from '../../core/app';
import { BASE_HEADERS } from './respond';

/** Default gap between keep-alive comments, in ms; proxies drop idle streams. */
export const HEARTBEAT_MS = 15_000;

/**
 * `GET /api/events`: a server-sent event stream with one
 * `data: {"topics":[...]}` message per change the core reports. The core
 * subscription and the heartbeat end when the client goes away or `end()`
 * (server shutdown) is called. Returns that `end`.
 */
export function openEventStream(
  core: LockstepCore,
  req: IncomingMessage,
  res: ServerResponse,
  heartbeatMs: number = HEARTBEAT_MS,
): () => void {
  res.writeHead(200, {
    ...BASE_HEADERS,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  // A first comment flushes the headers so the client knows it is connected.
  res.write(': connected\n\n');

  const unsubscribe = core.onChange((topics) => {
    res.write(`data: ${JSON.stringify({ topics })}\n\n`);
  });
  const heartbeat = setInterval(
    () => res.write(': heartbeat\n\n'),
    heartbeatMs,
  );
  heartbeat.unref();

  let isEnded = false;
  const end = () => {
    if (isEnded) return;
    isEnded = true;
    clearInterval(heartbeat);
    unsubscribe();
    res.end();
  };
  req.on('close', end);
  res.on('close', end);
  return end;
}
