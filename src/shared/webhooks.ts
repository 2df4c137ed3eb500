import { z } from 'zod';
import { idSchema } from './setup';

/** The PMS webhook event log as the panel shows it, and accommodation mapping. */

export const WEBHOOK_STATUSES = [
  'rejected',
  'accepted',
  'applied',
  'stale',
  'held',
  'failed',
] as const;
/**
 * rejected: bad signature or body, not processed; accepted: stored, being
 * processed; applied: changed a reservation; stale: older than an event
 * already applied; held: waits for the host to map its accommodation;
 * failed: processing raised an error.
 */
export type WebhookStatus = (typeof WEBHOOK_STATUSES)[number];

export interface WebhookEventView {
  id: string;
  receivedAtMs: number;
  status: WebhookStatus;
  httpStatus: number;
  event?: string;
  pmsReservationId?: string;
  accommodationId?: string;
  reservationId?: string;
  reason?: string;
  /** Times the same body was delivered again after the first. */
  duplicates: number;
}

export const pmsMappingInputSchema = z.object({
  accommodationId: z
    .string()
    .trim()
    .min(1, 'accommodation id is required')
    .max(120),
  propertyId: idSchema,
});

/** One repair the reconciler would make. */
