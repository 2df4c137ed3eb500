import type { Redis } from 'ioredis';
import type { Keys } from '../keys';
import type { Logger } from '../log';
import { HashStore } from './hash-store';
import { Journal } from './journal';
import {
  feedRecord,
  lockRecord,
  pinRecord,
  propertyRecord,
  reservationRecord,
} from './records';

export type Stores = ReturnType<typeof createStores>;

/** Every store over one Redis connection. */
export function createStores(
  redis: Redis,
  keys: Keys,
  log: Logger,
  machine: string,
) {
  return {
    redis,
    keys,
    properties: new HashStore(redis, keys.properties, propertyRecord, log),
    locks: new HashStore(redis, keys.locks, lockRecord, log),
    feeds: new HashStore(redis, keys.feeds, feedRecord, log),
    reservations: new HashStore(
      redis,
      keys.reservations,
      reservationRecord,
      log,
    ),
    pins: new HashStore(redis, keys.pins, pinRecord, log),
    journal: new Journal(redis, keys, machine),
  };
}
