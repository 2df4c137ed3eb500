import { isTokenRejection } from './errors';
import { tokenSchema, parseReply, type TokenReply } from './wire';

/** Refresh when less than this is left, so no call races the expiry. */
export const REFRESH_MARGIN_MS = 60_000;

export interface AccessToken {
  accessToken: string;
  refreshToken: string;
  /** Instant the cloud stops accepting it, ms since the epoch (our clock). */
  expiresAtMs: number;
  uid: string;
}

/** Fetches `result` of a signed token call (no access token in the sign). */
export type TokenCall = (pathAndQuery: string) => Promise<unknown>;

/**
 * Holds the project's access token. All callers share one request while a
 * token is being fetched (single flight), and a token is stored only from a
 * successful reply, so a failed refresh never leaves a half-written pair.
 */
export class TokenManager {
  private current: AccessToken | null = null;
  private inFlight: Promise<AccessToken> | null = null;

  constructor(
    private readonly call: TokenCall,
    private readonly now: () => number,
  ) {}

  /** A token with at least `REFRESH_MARGIN_MS` left; fetches one if needed. */
  async get(): Promise<AccessToken> {
    const token = this.current;
    if (token && token.expiresAtMs - this.now() > REFRESH_MARGIN_MS) {
      return token;
    }
    this.inFlight ??= this.renew(token).finally(() => {
      this.inFlight = null;
    });
    return this.inFlight;
  }

  /**
   * Forgets `accessToken` after the cloud rejected it. A caller holding an
   * older token than the current one changes nothing, so a burst of
   * rejections for one stale token still leads to a single new token.
   */
  invalidate(accessToken: string): void {
    if (this.current?.accessToken === accessToken) this.current = null;
  }

  private async renew(previous: AccessToken | null): Promise<AccessToken> {
    let reply: TokenReply | undefined;
    if (previous) {
      try {
        reply = await this.fetch(`/v1.0/token/${previous.refreshToken}`);
      } catch (error) {
        // A refresh token the cloud no longer knows: start a new grant.
        if (!isTokenRejection(error)) throw error;
      }
    }
    reply ??= await this.fetch('/v1.0/token?grant_type=1');
    this.current = {
      accessToken: reply.access_token,
      refreshToken: reply.refresh_token,
      expiresAtMs: this.now() + reply.expire_time * 1000,
      uid: reply.uid,
    };
    return this.current;
  }

  private async fetch(pathAndQuery: string): Promise<TokenReply> {
    return parseReply(tokenSchema, await this.call(pathAndQuery), 'token');
  }
}
