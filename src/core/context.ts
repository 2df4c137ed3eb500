import type { Redis } from 'ioredis';
import type { ChangeTopic, Lock } from '../shared';
import type { LockstepOptions } from './config/options';
import type { PinQueues } from './jobs/queues';
import type { Keys } from './keys';
import type { LockProvider } from './locks/provider';
import type { ProviderRegistry } from './locks/registry';
import type { Logger } from './log';
import type { Sealer } from './secrets/sealer';
import type { Stores } from './store';

/** What every core module is handed: one place, built once in `startLockstep`. */
export interface CoreContext {
  readonly options: LockstepOptions;
  readonly machine: string;
  readonly keys: Keys;
  /** Fail-fast connection for panel calls and stores. */
  readonly redis: Redis;
  readonly stores: Stores;
  readonly queues: PinQueues;
  readonly sealer: Sealer;
  readonly log: Logger;
  readonly providers: ProviderRegistry;
  /** The provider that drives this lock (simulated or Tuya). */
  providerFor(lock: Lock): LockProvider;
  /** Tells every panel, on every machine, that these topics changed. */
  notify(...topics: ChangeTopic[]): void;
  now(): number;
}
