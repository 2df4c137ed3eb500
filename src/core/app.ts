import type { AppInfo, ChangeTopic, LockstepHandlers } from '../shared';

/** The running core, as the Electron main process and serve mode host it. */
export interface LockstepCore {
  readonly info: AppInfo;
  /** Every contract channel, taking already-parsed input. */
  readonly handlers: LockstepHandlers;
  /** Calls `listener` when something the panel shows changed; returns unsubscribe. */
  onChange(listener: (topics: ChangeTopic[]) => void): () => void;
  /**
   * PMS webhook intake. `rawBody` is the exact bytes received (the signature
   * covers them). Returns the HTTP status and JSON body to answer with.
   */
  receiveWebhook(
    rawBody: Buffer,
    headers: Record<string, string | undefined>,
  ): Promise<{ status: number; body: unknown }>;
  /** Closes workers, then queues, then Redis; safe to call twice. */
  close(): Promise<void>;
}
