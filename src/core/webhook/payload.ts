import { z } from 'zod';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:\d{2}(\.\d+)?)?(Z|[+-](\d{2}):?(\d{2}))?$/;
const stayDate = z.string().max(40).refine(isStayDate, {
  message:
    'use a real ISO date (2027-03-14) or date and time (2027-03-14T15:00:00-04:00)',
});

/** True for a calendar date that exists, optionally with a valid time and offset. */
function isStayDate(value: string): boolean {
  const match = DATE.test(value)
    ? [value, ...value.split('-')]
    : DATE_TIME.exec(value);
  if (!match) return false;
  const [year, month, day] = [1, 2, 3].map((i) => Number(match[i]));
  const date = new Date(Date.UTC(year ?? 0, (month ?? 0) - 1, day ?? 0));
  const isRealDate =
    date.getUTCFullYear() === year &&
    date.getUTCMonth() + 1 === month &&
    date.getUTCDate() === day;
  const [hour, minute, offsetHours, offsetMinutes] = [4, 5, 9, 10].map((i) =>
    Number(match[i] ?? 0),
  );
  return (
    isRealDate &&
    (hour ?? 0) < 24 &&
    (minute ?? 0) < 60 &&
    (offsetHours ?? 0) <= 14 &&
    (offsetMinutes ?? 0) < 60
  );
}

const text = (max: number) =>
  z.string().trim().max(max, `at most ${max} characters`);
const reference = z.union([text(120).min(1), z.number()]).transform(String);

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
  timestamp: z.string().max(40).optional(),
  data: z.object({
    id: reference,
    accommodationId: reference,
    guestName: text(120).min(1).optional(),
    guestEmail: text(254).optional(),
    guestPhone: text(40).optional(),
    checkInDate: stayDate,
    checkOutDate: stayDate,
    status: text(40).optional(),
    numberOfGuests: z.number().int().nonnegative().max(1000).optional(),
    updatedAt: text(40).optional(),
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
