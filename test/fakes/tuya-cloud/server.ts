import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { verifyRequest } from './auth';
import { FAULT, TuyaFault } from './fault';
import { TRANSPORT_KINDS, type FailKind } from './failures';
import { routeBusiness } from './routes';
import type { FakeState, LoggedRequest } from './state';

/** Answers one HTTP request; replies are HTTP 200 unless a failure is planned. */
export async function handleRequest(
  state: FakeState,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  const body = await readBody(req);
  const rawUrl = req.url ?? '/';
  const method = req.method ?? 'GET';
  const isTokenCall = /^\/v1\.0\/token(\/|\?|$)/.test(rawUrl);
  const entry: LoggedRequest = {
    atMs: state.clock.now(),
    method,
    path: rawUrl.replace(/^\/v1\.0\/token\/[^?]+/, '/v1.0/token/[refresh]'),
    isTokenCall,
    status: null,
    code: null,
  };
  state.requests.push(entry);
  if (isTokenCall) state.tokenRequests += 1;

  const planned = isTokenCall ? undefined : state.failures.take();
  if (planned === 'timeout') return; // held until the client gives up
  if (planned !== undefined && TRANSPORT_KINDS.has(planned)) {
    return sendTransportFailure(res, entry, planned);
  }

  try {
    const nowMs = state.clock.now();
    verifyRequest(req, body, isTokenCall, { ...state, nowMs });
    if (planned !== undefined) throw plannedFault(state, planned, nowMs);
    const result = isTokenCall
      ? answerToken(state, method, rawUrl, nowMs)
      : routeBusiness({ ...state, nowMs }, method, rawUrl, parseJson(body));
    sendJson(res, entry, {
      success: true,
      result,
      t: state.clock.now(),
      tid: tid(),
    });
  } catch (error) {
    if (!(error instanceof TuyaFault)) throw error;
    entry.code = error.code;
    const reply = { success: false, code: error.code, msg: error.msg };
    sendJson(res, entry, { ...reply, t: state.clock.now(), tid: tid() });
  }
}

function answerToken(
  state: FakeState,
  method: string,
  rawUrl: string,
  nowMs: number,
): unknown {
  const url = new URL(rawUrl, 'http://fake.invalid');
  if (method === 'GET' && url.pathname === '/v1.0/token') {
    if (url.searchParams.get('grant_type') !== '1')
      throw FAULT.paramRange('grant_type');
    return state.tokens.grant(nowMs, state.uid);
  }
  const refresh = /^\/v1\.0\/token\/([^/]+)$/.exec(url.pathname)?.[1];
  if (method !== 'GET' || refresh === undefined) throw FAULT.uriInvalid();
  const pair = state.tokens.refresh(refresh, nowMs, state.uid);
  if (!pair) throw FAULT.tokenInvalid();
  return pair;
}

function plannedFault(
  state: FakeState,
  kind: FailKind,
  nowMs: number,
): TuyaFault {
  if (kind === '1010') {
    state.tokens.expireAll(nowMs);
    return FAULT.tokenExpired();
  }
  if (kind === 'rate_limit') return FAULT.rateLimited();
  if (kind === 'quota') return FAULT.quota();
  return FAULT.permissionDeny();
}

function sendTransportFailure(
  res: ServerResponse,
  entry: LoggedRequest,
  kind: FailKind,
): void {
  entry.status = kind === 'http_429' ? 429 : 503;
  const headers = kind === 'http_429' ? { 'retry-after': '3' } : {};
  res.writeHead(entry.status, { 'content-type': 'text/plain', ...headers });
  res.end(kind === 'http_429' ? 'Too Many Requests' : 'Service Unavailable');
}

function sendJson(
  res: ServerResponse,
  entry: LoggedRequest,
  payload: unknown,
): void {
  entry.status = 200;
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(JSON.stringify(payload));
}

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

function parseJson(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch {
    throw FAULT.paramRange('body is not JSON');
  }
}

function tid(): string {
  return randomBytes(16).toString('hex');
}
