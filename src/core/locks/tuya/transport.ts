import { randomUUID } from 'node:crypto';
import type { Logger } from '../../log';
import { httpFailure, networkFailure, tuyaFailure } from './errors';
import { signRequest } from './sign';
import { envelopeSchema, parseReply } from './wire';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface TransportOptions {
  accessId: string;
  accessSecret: string;
  /** e.g. https://openapi.tuyaeu.com; no trailing slash needed. */
  baseUrl: string;
  /** Per-request limit in ms. */
  timeoutMs: number;
  /** Clock in ms since the epoch; the `t` header comes from it. */
  now: () => number;
  fetch: typeof fetch;
  log: Logger;
}

/**
 * Sends one signed request and returns the reply's `result`, or throws the
 * mapped `LockstepError`. No retries here: re-authentication lives in the
 * client and everything else is the job worker's decision.
 */
export async function sendSigned(
  options: TransportOptions,
  method: HttpMethod,
  pathAndQuery: string,
  body: unknown,
  accessToken?: string,
): Promise<unknown> {
  const bodyText = body === undefined ? '' : JSON.stringify(body);
  const t = String(Math.round(options.now()));
  const nonce = randomUUID();
  const { sign } = signRequest({
    method,
    pathAndQuery,
    body: bodyText,
    clientId: options.accessId,
    secret: options.accessSecret,
    t,
    nonce,
    ...(accessToken === undefined ? {} : { accessToken }),
  });

  const headers: Record<string, string> = {
    client_id: options.accessId,
    sign,
    sign_method: 'HMAC-SHA256',
    t,
    nonce,
  };
  if (accessToken !== undefined) headers.access_token = accessToken;
  if (bodyText !== '') headers['content-type'] = 'application/json';

  let response: Response;
  try {
    response = await options.fetch(baseUrl(options) + pathAndQuery, {
      method,
      headers,
      body: bodyText === '' ? null : bodyText,
      signal: AbortSignal.timeout(options.timeoutMs),
    });
  } catch (cause) {
    options.log.warn('tuya request failed', {
      method,
      path: safePath(pathAndQuery),
    });
    throw networkFailure(cause, options.timeoutMs);
  }
  if (response.status !== 200) {
    options.log.warn('tuya http error', { status: response.status });
    throw httpFailure(response.status, response.headers.get('retry-after'));
  }

  const json = await readJson(response, options.timeoutMs);
  const reply = parseReply(envelopeSchema, json, 'envelope');
  if (reply.success) return reply.result;
  const code = reply.code ?? 0;
  options.log.info('tuya refused', {
    method,
    path: safePath(pathAndQuery),
    code,
  });
  throw tuyaFailure(code, reply.msg ?? '', reply.t, options.now());
}

async function readJson(
  response: Response,
  timeoutMs: number,
): Promise<unknown> {
  try {
    return await response.json();
  } catch (cause) {
    // A body cut off by the timeout, or a proxy's HTML page: both transient.
    throw networkFailure(cause, timeoutMs);
  }
}

function baseUrl(options: TransportOptions): string {
  return options.baseUrl.replace(/\/+$/, '');
}

/** The refresh call carries a token in its path; keep it out of logs. */
export function safePath(pathAndQuery: string): string {
  return pathAndQuery.replace(
    /^\/v1\.0\/token\/[^?]+/,
    '/v1.0/token/[refresh]',
  );
}
