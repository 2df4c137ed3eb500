import { FAULT } from './fault';
import type { StoredPassword } from './door-lock';

/** The fields of a `temp-password` create body, checked like the cloud. */
export interface CreateFields {
  name: string;
  password: string;
  ticketId: string;
  effectiveS: number;
  invalidS: number;
}

export function readCreateBody(body: unknown): CreateFields {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<
    string,
    unknown
  >;
  for (const field of ['name', 'password', 'ticket_id', 'password_type']) {
    if (typeof b[field] !== 'string' || b[field] === '')
      throw FAULT.paramEmpty(field);
  }
  if (b.password_type !== 'ticket') throw FAULT.paramRange('password_type');
  const effectiveS = b.effective_time;
  const invalidS = b.invalid_time;
  if (!isTenDigitSeconds(effectiveS) || !isTenDigitSeconds(invalidS)) {
    throw FAULT.paramRange(
      'effective_time and invalid_time must be 10-digit seconds',
    );
  }
  if (invalidS <= effectiveS)
    throw FAULT.paramRange('invalid_time before effective_time');
  return {
    name: b.name as string,
    password: b.password as string,
    ticketId: b.ticket_id as string,
    effectiveS,
    invalidS,
  };
}

function isTenDigitSeconds(value: unknown): value is number {
  return (
    Number.isInteger(value) &&
    (value as number) >= 1e9 &&
    (value as number) < 1e10
  );
}

/** The list/single read shape of a stored password. */
export function passwordView(p: StoredPassword): Record<string, unknown> {
  return {
    id: p.id,
    name: p.name,
    phase: p.phase,
    effective_time: p.effectiveS,
    invalid_time: p.invalidS,
    ...(p.deliveryStatus === undefined
      ? {}
      : { delivery_status: p.deliveryStatus }),
  };
}
