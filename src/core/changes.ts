import type { Redis } from 'ioredis';
import { CHANGE_TOPICS, type ChangeTopic } from '../shared';
import type { Logger } from './log';

export interface ChangeBus {
  /** Publishes topics to every machine on this Redis (coalesced briefly). */
  notify(...topics: ChangeTopic[]): void;
  onChange(listener: (topics: ChangeTopic[]) => void): () => void;
  close(): Promise<void>;
}

const COALESCE_MS = 150;

/**
 * Live updates for panels on every machine: topics go out over Redis
 * pub/sub, so a job finished by another machine's worker still refreshes
 * this machine's panel.
 */
export function createChangeBus(
  publisher: Redis,
  subscriber: Redis,
  channel: string,
  log: Logger,
): ChangeBus {
  const listeners = new Set<(topics: ChangeTopic[]) => void>();
  let pending = new Set<ChangeTopic>();
  let timer: NodeJS.Timeout | undefined;

  subscriber.on('message', (from: string, message: string) => {
    if (from !== channel) return;
    const topics = parseTopics(message);
    for (const listener of listeners) listener(topics);
  });
  const subscribed = subscriber
    .subscribe(channel)
    .catch((error: Error) =>
      log.warn('change feed unavailable', { error: error.message }),
    );

  const flush = () => {
    timer = undefined;
    const topics = [...pending];
    pending = new Set();
    publisher
      .publish(channel, JSON.stringify(topics))
      .catch((error: Error) =>
        log.warn('change not published', { error: error.message }),
      );
  };

  return {
    notify(...topics) {
      for (const topic of topics) pending.add(topic);
      timer ??= setTimeout(flush, COALESCE_MS);
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      if (timer) clearTimeout(timer);
      listeners.clear();
      await subscribed;
    },
  };
}

function parseTopics(message: string): ChangeTopic[] {
  try {
    const value: unknown = JSON.parse(message);
    return Array.isArray(value)
      ? value.filter((t): t is ChangeTopic =>
          (CHANGE_TOPICS as readonly unknown[]).includes(t),
        )
      : [];
  } catch {
    return [];
  }
}
