import { randomBytes } from 'node:crypto';
import { newTicketKey, sealTicketKey } from './crypto';
import { FAULT } from './fault';

interface Ticket {
  deviceId: string;
  key: string;
  expiresAtMs: number;
  isUsed: boolean;
}

/**
 * Password tickets: one device, one use, a few minutes on the fake clock.
 * Anything else is answered with the fake's stale-ticket code (1109).
 */
export class FakeTickets {
  private readonly tickets = new Map<string, Ticket>();

  constructor(
    private readonly secret: string,
    private readonly ttlS: number,
  ) {}

  /** The `password-ticket` result; `nowMs` is the fake clock. */
  issue(deviceId: string, nowMs: number): Record<string, unknown> {
    const ticketId = randomBytes(6).toString('base64url');
    const key = newTicketKey();
    const expiresAtMs = nowMs + this.ttlS * 1000;
    this.tickets.set(ticketId, { deviceId, key, expiresAtMs, isUsed: false });
    return {
      ticket_id: ticketId,
      ticket_key: sealTicketKey(key, this.secret),
      expire_time: this.ttlS,
    };
  }

  /** Spends a ticket and returns its plain 16-character key. */
  use(ticketId: string, deviceId: string, nowMs: number): string {
    const ticket = this.tickets.get(ticketId);
    const isValid =
      ticket !== undefined &&
      !ticket.isUsed &&
      ticket.deviceId === deviceId &&
      ticket.expiresAtMs > nowMs;
    if (!isValid) throw FAULT.ticketInvalid();
    ticket.isUsed = true;
    return ticket.key;
  }
}
