import { randomBytes } from 'node:crypto';

interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresAtMs: number;
}

export type TokenCheck = 'ok' | 'expired' | 'invalid';

/**
 * Access tokens on the fake's clock. A refresh is single-use: it replaces
 * the pair, so both the old access token and the old refresh token stop
 * working at once.
 */
export class FakeTokens {
  private readonly byAccess = new Map<string, TokenPair>();
  private readonly byRefresh = new Map<string, TokenPair>();

  constructor(private readonly ttlS: number) {}

  /** A new pair; `nowMs` is the fake clock. Returns the `result` body. */
  grant(nowMs: number, uid: string): Record<string, unknown> {
    const pair: TokenPair = {
      accessToken: randomBytes(16).toString('hex'),
      refreshToken: randomBytes(16).toString('hex'),
      expiresAtMs: nowMs + this.ttlS * 1000,
    };
    this.byAccess.set(pair.accessToken, pair);
    this.byRefresh.set(pair.refreshToken, pair);
    return {
      access_token: pair.accessToken,
      refresh_token: pair.refreshToken,
      expire_time: this.ttlS,
      uid,
    };
  }

  /** Swaps a pair for a new one; null when the refresh token is unknown. */
  refresh(
    refreshToken: string,
    nowMs: number,
    uid: string,
  ): Record<string, unknown> | null {
    const old = this.byRefresh.get(refreshToken);
    if (!old) return null;
    this.byRefresh.delete(old.refreshToken);
    this.byAccess.delete(old.accessToken);
    return this.grant(nowMs, uid);
  }

  check(accessToken: string, nowMs: number): TokenCheck {
    const pair = this.byAccess.get(accessToken);
    if (!pair) return 'invalid';
    return pair.expiresAtMs <= nowMs ? 'expired' : 'ok';
  }

  /** Ends every access token now, as the cloud may do at any time. */
  expireAll(nowMs: number): void {
    for (const pair of this.byAccess.values()) pair.expiresAtMs = nowMs;
  }
}
