import type { Logger } from './log';

/**
 * Keeps one stray promise from ending the process that holds every lock's
 * schedule: an unhandled rejection is logged with its reason, not fatal.
 * Returns a function that removes the guard.
 */
export function guardProcess(log: Logger): () => void {
  const onRejection = (reason: unknown) => {
    const message = reason instanceof Error ? reason.message : String(reason);
    log.error('unhandled rejection', { reason: message });
  };
  process.on('unhandledRejection', onRejection);
  return () => process.off('unhandledRejection', onRejection);
}
