import type { IncomingMessage } from 'node:http';
import { expectedSignature } from './crypto';
import { FAULT } from './fault';
import type { FakeTokens } from './tokens';

export interface AuthContext {
  accessId: string;
  accessSecret: string;
  maxSkewMs: number;
  nowMs: number;
  tokens: FakeTokens;
}

/**
 * Checks a request the way the cloud does: client id, signing method, time
 * against the fake clock, then the exact signature (over the token only on
 * business calls), then, for business calls, the token itself.
 */
export function verifyRequest(
  req: IncomingMessage,
  body: Buffer,
  isTokenCall: boolean,
  ctx: AuthContext,
): void {
  const clientId = header(req, 'client_id');
  if (clientId === '') throw FAULT.missingHeader('client_id');
  if (clientId !== ctx.accessId) throw FAULT.clientIdInvalid();
  if (header(req, 'sign_method') !== 'HMAC-SHA256') throw FAULT.signInvalid();

  const t = header(req, 't');
  if (!/^\d{13}$/.test(t) || Math.abs(Number(t) - ctx.nowMs) > ctx.maxSkewMs) {
    throw FAULT.timeInvalid();
  }

  const accessToken = isTokenCall ? '' : header(req, 'access_token');
  const expected = expectedSignature({
    method: req.method ?? 'GET',
    rawUrl: req.url ?? '/',
    body,
    clientId,
    secret: ctx.accessSecret,
    accessToken,
    t,
    nonce: header(req, 'nonce'),
    headerLines: signedHeaderLines(req),
  });
  if (header(req, 'sign') !== expected) throw FAULT.signInvalid();

  if (isTokenCall) return;
  const check = ctx.tokens.check(accessToken, ctx.nowMs);
  if (check === 'expired') throw FAULT.tokenExpired();
  if (check === 'invalid') throw FAULT.tokenInvalid();
}

function header(req: IncomingMessage, name: string): string {
  const value = req.headers[name];
  return typeof value === 'string' ? value : '';
}

function signedHeaderLines(req: IncomingMessage): string {
  const names = header(req, 'signature-headers').split(':').filter(Boolean);
  return names
    .map((name) => `${name}:${header(req, name.toLowerCase())}\n`)
    .join('');
}
