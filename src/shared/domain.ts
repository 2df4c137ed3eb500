/**
 * Everything that crosses the IPC/HTTP boundary. Inputs are zod schemas so
 * both ends parse them; outputs are plain JSON view types (numbers for
 * instants, in ms since the epoch, UTC).
 */
export * from './setup';
export * from './views';
export * from './webhooks';
export * from './reconcile';
export * from './tuya';
