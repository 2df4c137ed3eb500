import type { FakeClock } from './clock';
import type { FakeDevice } from './devices';
import type { FakeDoorLocks } from './door-lock';
import type { FailurePlan } from './failures';
import type { FakeTokens } from './tokens';

/** One request as the fake saw it; no secrets, tokens, PINs or bodies. */
export interface LoggedRequest {
  /** Fake clock at arrival, ms since the epoch. */
  atMs: number;
  method: string;
  /** Path and query; a refresh token in the path reads `[refresh]`. */
  path: string;
  isTokenCall: boolean;
  /** HTTP status sent; null while held (timeout) or never answered. */
  status: number | null;
  /** Tuya error code of a `success: false` reply, else null. */
  code: number | null;
}

/** Everything the server and the test-facing API share. */
export interface FakeState {
  accessId: string;
  accessSecret: string;
  uid: string;
  maxSkewMs: number;
  clock: FakeClock;
  tokens: FakeTokens;
  devices: Map<string, FakeDevice>;
  doorLocks: FakeDoorLocks;
  failures: FailurePlan;
  requests: LoggedRequest[];
  tokenRequests: number;
}
