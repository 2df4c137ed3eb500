import type { LockPin, LockPinState } from '../provider';
import type { TempPassword } from './wire';

/** `phase` of a Tuya temporary password. */
const PHASE = { deleted: 0, toBeSent: 1, sent: 2, frozen: 3 } as const;

const DUPLICATE = 4;

/** Zigbee `delivery_status` values other than 1 (configuring) and 2 (ok). */
const DELIVERY_FAILURES: Record<number, string> = {
  3: 'The Zigbee gateway could not deliver the PIN to the lock.',
  4: 'The lock already holds this PIN under another name.',
  5: "The lock's PIN storage is full; delete unused PINs on the lock.",
  6: 'The lock refused the PIN because its window overlaps another.',
};

/**
 * What a Tuya temporary password means for Lockstep. `delivery_status`
 * (Zigbee only) wins over `phase`, because a Zigbee PIN stays in phase 1
 * while the gateway is still configuring it and after it failed.
 */
export function toLockPin(password: TempPassword): LockPin {
  const { state, detail } = describe(password);
  return {
    passwordId: password.id,
    name: password.name,
    state,
    validFromMs: password.effective_time * 1000,
    validToMs: password.invalid_time * 1000,
    ...(detail === undefined ? {} : { detail }),
    ...(password.delivery_status === DUPLICATE
      ? { isDuplicateCode: true }
      : {}),
  };
}

function describe(password: TempPassword): {
  state: LockPinState;
  detail?: string;
} {
  const delivery = password.delivery_status;
  if (password.phase === PHASE.deleted) {
    return { state: 'missing', detail: 'The PIN was deleted from the lock.' };
  }
  if (delivery !== undefined) {
    const failure = DELIVERY_FAILURES[delivery];
    if (failure) return { state: 'failed', detail: failure };
    if (delivery === 1) {
      return {
        state: 'pending',
        detail: 'The Zigbee gateway is still sending the PIN to the lock.',
      };
    }
  }
  if (password.phase === PHASE.frozen) {
    return {
      state: 'failed',
      detail: 'The PIN is frozen on the lock and will not open the door.',
    };
  }
  if (password.phase === PHASE.toBeSent) {
    return {
      state: 'pending',
      detail:
        'The lock has not fetched the PIN yet; Wi-Fi locks take it the next ' +
        'time they wake (someone uses the keypad or the lock checks in).',
    };
  }
  if (password.phase === PHASE.sent) return { state: 'active' };
  return {
    state: 'failed',
    detail: `The Tuya cloud reports an unknown PIN phase (${password.phase}).`,
  };
}
