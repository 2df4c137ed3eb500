import { CHANGE_TOPICS, type ChangeTopic } from '../../../shared/domain';

/** The callbacks a server-sent event stream drives. */
export interface EventStreamHandlers {
  onMessage(data: string): void;
  onOpen(): void;
  onError(): void;
}

/** Opens a server-sent event stream at `url`; `close()` ends it for good. */
export type OpenEventStream = (
  url: string,
  handlers: EventStreamHandlers,
) => { close(): void };

/**
 * Reads the topics out of one change message (`{"topics":[...]}`). Unknown
 * topics and malformed messages yield an empty list rather than a throw, so
 * a newer server cannot break an older panel.
 */
export function parseChangeMessage(data: string): ChangeTopic[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return [];
  }
  if (typeof parsed !== 'object' || parsed === null) return [];
  const topics: unknown = (parsed as { topics?: unknown }).topics;
  if (!Array.isArray(topics)) return [];
  return topics.filter(isChangeTopic);
}

function isChangeTopic(value: unknown): value is ChangeTopic {
  return (CHANGE_TOPICS as readonly unknown[]).includes(value);
}
