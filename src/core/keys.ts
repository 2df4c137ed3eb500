/**
 * Every Redis key Lockstep writes, under one hash-tagged prefix so that all of
 * them (and the BullMQ queues) land in one Redis Cluster slot.
 */
export function createKeys(namespace: string) {
  const tag = `{${namespace}}`;
  return {
    tag,
    /** BullMQ prefix; queue keys become `{ns}:pin-create:...`. */
    bullPrefix: tag,
    properties: `${tag}:properties`,
    locks: `${tag}:locks`,
    lockHealth: `${tag}:lock-health`,
    feeds: `${tag}:feeds`,
    feedState: `${tag}:feed-state`,
    reservations: `${tag}:reservations`,
    reservationBySource: `${tag}:reservation-by-source`,
    pins: `${tag}:pins`,
    problems: `${tag}:problems`,
    /** Keys of conditions listed in problems and not yet over. */
    problemKeys: `${tag}:problem-keys`,
    audit: `${tag}:audit`,
    keyCheck: `${tag}:key-check`,
    simulatedLock: (lockId: string) => `${tag}:sim-lock:${lockId}`,
    mutex: (reservationId: string, lockId: string) =>
      `${tag}:mutex:${reservationId}:${lockId}`,
    changes: `${tag}:changes`,
    webhookEvents: `${tag}:webhook-events`,
    webhookLog: `${tag}:webhook-log`,
    /** PMS reservation id to the time of the newest event applied (ms). */
    webhookOrder: `${tag}:webhook-order`,
    /** PMS accommodation id to Lockstep property id. */
    pmsProperties: `${tag}:pms-properties`,
    settings: `${tag}:settings`,
  };
}

export type Keys = ReturnType<typeof createKeys>;
