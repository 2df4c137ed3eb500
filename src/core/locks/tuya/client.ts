import { createLogger, type Logger } from '../../log';
import { isTokenRejection } from './errors';
import { TokenManager, type AccessToken } from './tokens';
import {
  sendSigned,
  type HttpMethod,
  type TransportOptions,
} from './transport';

export interface TuyaClientOptions {
  accessId: string;
  /** The project's 32-character access secret. Never logged. */
  accessSecret: string;
  /** A data center from `TUYA_REGIONS`, or a local fake in tests. */
  baseUrl: string;
  /** Per-request limit in ms; default 10 000. */
  timeoutMs?: number;
  /** Clock in ms since the epoch; default `Date.now`. */
  now?: () => number;
  fetch?: typeof fetch;
  log?: Logger;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * A signed Tuya OpenAPI client with a shared access token. Business calls
 * that meet an expired or invalid token fetch one new token (once for all
 * concurrent callers) and repeat once; that never surfaces as a failure.
 */
export class TuyaClient {
  private readonly transport: TransportOptions;
  private readonly tokens: TokenManager;

  constructor(options: TuyaClientOptions) {
    this.transport = {
      accessId: options.accessId,
      accessSecret: options.accessSecret,
      baseUrl: options.baseUrl,
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      now: options.now ?? Date.now,
      // Bound late so tests that stub the global fetch are honoured.
      fetch: options.fetch ?? ((input, init) => fetch(input, init)),
      log: options.log ?? createLogger('locks.tuya'),
    };
    this.tokens = new TokenManager(
      (path) => sendSigned(this.transport, 'GET', path, undefined),
      this.transport.now,
    );
  }

  /** The current access token, fetching or refreshing it if needed. */
  token(): Promise<AccessToken> {
    return this.tokens.get();
  }

  /**
   * Calls a business endpoint and returns its `result`. Throws
   * `LockstepError` (see `errors.ts` for which code means what).
   */
  async request<T = unknown>(
    method: HttpMethod,
    pathAndQuery: string,
    body?: unknown,
  ): Promise<T> {
    const token = await this.tokens.get();
    try {
      return (await this.send(method, pathAndQuery, body, token)) as T;
    } catch (error) {
      if (!isTokenRejection(error)) throw error;
      this.transport.log.info('tuya token rejected; fetching a new one');
      this.tokens.invalidate(token.accessToken);
      const fresh = await this.tokens.get();
      return (await this.send(method, pathAndQuery, body, fresh)) as T;
    }
  }

  private send(
    method: HttpMethod,
    pathAndQuery: string,
    body: unknown,
    token: AccessToken,
  ): Promise<unknown> {
    return sendSigned(
      this.transport,
      method,
      pathAndQuery,
      body,
      token.accessToken,
    );
  }
}
