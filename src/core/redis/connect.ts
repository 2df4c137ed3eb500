import { Redis } from 'ioredis';
import type { Logger } from '../log';

/**
 * Two kinds of connection: workers and queues wait for Redis forever
 * (`maxRetriesPerRequest: null`, as BullMQ requires for blocking calls);
 * calls made for the panel fail fast so a host sees an error, not a hang.
 */
export function connectForWorkers(
  url: string,
  log: Logger,
  name: string,
): Redis {
  return watch(
    new Redis(url, { maxRetriesPerRequest: null, connectionName: name }),
    log,
    name,
  );
}

export function connectForPanel(url: string, log: Logger, name: string): Redis {
  return watch(
    new Redis(url, {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      connectTimeout: 5000,
      connectionName: name,
      lazyConnect: true,
    }),
    log,
    name,
  );
}

function watch(redis: Redis, log: Logger, name: string): Redis {
  let lastMessage = '';
  redis.on('error', (error: Error) => {
    // ioredis repeats the same error on every reconnect attempt.
    if (error.message !== lastMessage)
      log.warn('redis error', { connection: name, error: error.message });
    lastMessage = error.message;
  });
  redis.on('ready', () => {
    lastMessage = '';
  });
  return redis;
}

/** Quits a connection, tolerating one that is already closed. */
export async function quietQuit(redis: Redis): Promise<void> {
  if (redis.status === 'end') return;
  try {
    await redis.quit();
  } catch {
    redis.disconnect();
  }
}
