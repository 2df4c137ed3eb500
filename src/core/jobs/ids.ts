export type PinQueueName = 'pin-create' | 'pin-revoke';
export const PIN_QUEUES: readonly PinQueueName[] = ['pin-create', 'pin-revoke'];

/** What every PIN job carries; read back through `parsePinJobData`. */
export interface PinJobData {
  reservationId: string;
  lockId: string;
  /** Reservation version the job was scheduled for; stale versions do nothing. */
  version: number;
  /** When the job was meant to run, ms since the epoch (for lateness). */
  runAtMs: number;
}

/**
 * Deterministic job id: the same (queue, reservation, lock, version) always
 * maps to the same id, so scheduling twice adds nothing. Ids avoid ':' and
 * are never all digits, as BullMQ requires of custom ids.
 */
export function pinJobId(
  queue: PinQueueName,
  data: Pick<PinJobData, 'reservationId' | 'lockId' | 'version'>,
): string {
  const verb = queue === 'pin-create' ? 'create' : 'revoke';
  return `${verb}-${data.reservationId}-${data.lockId}-v${data.version}`;
}

export function parsePinJobData(raw: unknown): PinJobData {
  const value = raw as Partial<PinJobData> | null;
  if (
    !value ||
    typeof value.reservationId !== 'string' ||
    typeof value.lockId !== 'string' ||
    typeof value.version !== 'number' ||
    typeof value.runAtMs !== 'number'
  ) {
    throw new TypeError(`PIN job data is malformed: ${JSON.stringify(raw)}`);
  }
  return {
    reservationId: value.reservationId,
    lockId: value.lockId,
    version: value.version,
    runAtMs: value.runAtMs,
  };
}
