import type { Lock } from '../../../shared';
import { LockstepError } from '../../errors';
import type { Logger } from '../../log';
import type { CreatePinRequest } from '../provider';
import type { TuyaClient } from './client';
import { decryptTicketKey, encryptPin } from './crypto';
import { TUYA_CODE, tuyaCodeOf } from './errors';
import { createdSchema, parseReply, ticketSchema } from './wire';

/** Tuya device id of a lock; `invalid_input` when the host has not set it. */
export function deviceIdOf(lock: Lock): string {
  const id = lock.deviceId?.trim();
  if (id) return id;
  throw new LockstepError('invalid_input', 'This lock has no Tuya device id.', {
    fields: [
      { field: 'deviceId', message: 'pick the Tuya device of this lock' },
    ],
  });
}

/** Throws `pin_length` unless `pin` is exactly `length` digits. */
export function checkPin(pin: string, length: number): void {
  if (/^\d+$/.test(pin) && pin.length === length) return;
  throw new LockstepError(
    'pin_length',
    `This lock takes PINs of exactly ${length} digits.`,
    { fields: [{ field: 'pin', message: `use ${length} digits` }] },
  );
}

/**
 * Sends one PIN and returns the cloud's password id. Every attempt gets its
 * own password ticket (they last about 5 minutes and are single-use); when
 * the cloud refuses a ticket as stale, one more attempt uses a fresh one.
 * Checks PIN and window before any call.
 */
export async function sendPin(
  client: TuyaClient,
  secret: string,
  deviceId: string,
  request: CreatePinRequest,
  log: Logger,
): Promise<string> {
  const window = toWindowSeconds(request);
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await sendWithFreshTicket(
        client,
        secret,
        deviceId,
        request,
        window,
      );
    } catch (error) {
      const isStaleTicket = tuyaCodeOf(error) === TUYA_CODE.paramIllegal;
      if (!isStaleTicket || attempt >= 2) throw error;
      log.info('tuya ticket refused; fetching a fresh one', { deviceId });
    }
  }
}

/** Window in Unix seconds, rounded inwards so it never grows. */
interface WindowSeconds {
  effective: number;
  invalid: number;
}

function toWindowSeconds(request: CreatePinRequest): WindowSeconds {
  const effective = Math.ceil(request.validFromMs / 1000);
  const invalid = Math.floor(request.validToMs / 1000);
  if (invalid > effective) return { effective, invalid };
  throw new LockstepError(
    'invalid_input',
    'The PIN window ends before it starts.',
    {
      fields: [{ field: 'validToMs', message: 'must be after the start' }],
    },
  );
}

async function sendWithFreshTicket(
  client: TuyaClient,
  secret: string,
  deviceId: string,
  request: CreatePinRequest,
  window: WindowSeconds,
): Promise<string> {
  const base = `/v1.0/devices/${encodeURIComponent(deviceId)}/door-lock`;
  const ticketReply = await client.request('POST', `${base}/password-ticket`);
  const ticket = parseReply(ticketSchema, ticketReply, 'password ticket');
  const key = decryptTicketKey(ticket.ticket_key, secret);
  const created = await client.request('POST', `${base}/temp-password`, {
    name: request.name,
    password: encryptPin(request.pin, key),
    password_type: 'ticket',
    ticket_id: ticket.ticket_id,
    effective_time: window.effective,
    invalid_time: window.invalid,
  });
  return parseReply(createdSchema, created, 'created PIN').id;
}
