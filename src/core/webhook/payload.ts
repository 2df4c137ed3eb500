import { z } from 'zod';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME =
  /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const stayDate = z.string().refine((v) => DATE.test(v) || DATE_TIME.test(v), {
  message:
    'use an ISO date (2027-03-14) or date and time (2027-03-14T15:00:00-04:00)',
});

/** Event names PMS tools send; both spellings of each are accepted. */
const EVENTS = {
  'reservation.created': 'created',
  'reservation.updated': 'updated',
  'reservation.modified': 'updated',
  'reservation.cancelled': 'cancelled',
  'reservation.canceled': 'cancelled',
} as const;

export const webhookSchema = z.object({
  event: z.enum(
    Object.keys(EVENTS) as [keyof typeof EVENTS, ...(keyof typeof EVENTS)[]],
    {
      message: `must be one of ${Object.keys(EVENTS).join(', ')}`,
    },
  ),
  timestamp: z.string().optional(),
  data: z.object({
    id: z.union([z.string().min(1), z.number()]).transform(String),
    accommodationId: z.union([z.string().min(1), z.number()]).transform(String),
    guestName: z.string().trim().min(1).optional(),
    guestEmail: z.string().optional(),
    guestPhone: z.string().optional(),
    checkInDate: stayDate,
    checkOutDate: stayDate,
    status: z.string().optional(),
    numberOfGuests: z.number().int().nonnegative().optional(),
    updatedAt: z.string().optional(),
  }),
});

export type WebhookPayload = z.output<typeof webhookSchema>;
export type WebhookAction = (typeof EVENTS)[keyof typeof EVENTS];

export function actionOf(payload: WebhookPayload): WebhookAction {
  const status = payload.data.status?.toLowerCase();
  if (status === 'cancelled' || status === 'canceled') return 'cancelled';
  return EVENTS[payload.event];
}

/** The instant that orders events of one reservation: updatedAt, else timestamp (ms). */
export function eventTimeMs(payload: WebhookPayload): number | undefined {
  const value = payload.data.updatedAt ?? payload.timestamp;
  const ms = value === undefined ? Number.NaN : Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

export function isDateOnly(value: string): boolean {
  return DATE.test(value);
}
