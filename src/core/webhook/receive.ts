import { randomUUID } from 'node:crypto';
import type { FieldProblem } from '../../shared';
import type { CoreContext } from '../context';
import { describeUnknown, zodProblems } from '../dispatch';
import { isLockstepError } from '../errors';
import { applyWebhook } from './apply';
import {
  deliveryId,
  storeDelivery,
  writeDelivery,
  type StoredWebhook,
} from './log';
import { webhookSchema } from './payload';
import { isValidSignature } from './signature';

export interface WebhookAnswer {
  status: number;
  body: unknown;
}

const BODY_KEEP_BYTES = 64 * 1024;
/** An accepted delivery still unprocessed after this long was cut off. */
const STUCK_MS = 60_000;

/**
 * PMS webhook intake: verify the signature over the raw bytes, parse, store
 * the event, then apply it once. Every delivery, accepted or not, lands in
 * the event log the host browses; a rejected one says why.
 */
export async function receiveWebhook(
  ctx: CoreContext,
  rawBody: Buffer,
  headers: Record<string, string | undefined>,
): Promise<WebhookAnswer> {
  const secret = ctx.options.webhookSecret;
  if (!secret)
    return reject(
      ctx,
      rawBody,
      503,
      'Webhook intake is off: set LOCKSTEP_WEBHOOK_SECRET (or webhookSecret in the config file).',
    );
  if (!isValidSignature(rawBody, headers['x-webhook-signature'], secret)) {
    const reason = headers['x-webhook-signature']
      ? 'X-Webhook-Signature does not match the body: check that the PMS signs with the same shared secret as LOCKSTEP_WEBHOOK_SECRET'
      : 'X-Webhook-Signature header is missing';
    return reject(ctx, rawBody, 401, reason);
  }

  let json: unknown;
  try {
    json = JSON.parse(rawBody.toString('utf8'));
  } catch {
    return reject(ctx, rawBody, 400, 'body is not JSON', [
      { field: '(body)', message: 'not valid JSON' },
    ]);
  }
  const parsed = webhookSchema.safeParse(json);
  if (!parsed.success) {
    const fields = zodProblems(parsed.error);
    return reject(
      ctx,
      rawBody,
      400,
      fields.map((f) => `${f.field}: ${f.message}`).join('; '),
      fields,
    );
  }

  const payload = parsed.data;
  const entry: StoredWebhook = {
    id: deliveryId(rawBody),
    receivedAtMs: ctx.now(),
    status: 'accepted',
    httpStatus: 202,
    event: payload.event,
    pmsReservationId: payload.data.id,
    accommodationId: payload.data.accommodationId,
    duplicates: 0,
    body: rawBody.toString('utf8').slice(0, BODY_KEEP_BYTES),
  };
  const previous = await storeDelivery(ctx, entry);
  // A delivery that failed (or was cut off by a crash) is processed again
  // when the sender retries it; anything else was handled already.
  const isUnfinished =
    previous &&
    (previous.status === 'failed' ||
      (previous.status === 'accepted' &&
        ctx.now() - previous.receivedAtMs > STUCK_MS));
  if (previous && !isUnfinished) {
    return {
      status: 200,
      body: {
        ok: true,
        id: entry.id,
        duplicate: true,
        status: previous.status,
      },
    };
  }
  return process(ctx, previous ?? entry, payload);
}

/** Applies a stored delivery and records the outcome; used for replays too. */
export async function process(
  ctx: CoreContext,
  entry: StoredWebhook,
  payload = webhookSchema.parse(JSON.parse(entry.body)),
): Promise<WebhookAnswer> {
  let outcome: StoredWebhook;
  try {
    const result = await applyWebhook(ctx, payload);
    outcome = {
      ...entry,
      ...result,
      httpStatus: result.status === 'held' ? 202 : 200,
    };
  } catch (error) {
    // Bad content found only once the property is known (check-out before
    // check-in in its zone) is the sender's to fix: 400, not a retry.
    const isBadInput = isLockstepError(error) && error.code === 'invalid_input';
    if (!isBadInput) {
      ctx.log.error('webhook processing failed', {
        id: entry.id,
        error: describeUnknown(error),
      });
    }
    outcome = {
      ...entry,
      status: isBadInput ? 'rejected' : 'failed',
      reason: describeUnknown(error),
      httpStatus: isBadInput ? 400 : 500,
    };
    if (isBadInput) {
      await ctx.stores.journal.problem({
        kind: 'webhook',
        subject: `Webhook delivery ${entry.id}`,
        field: error.options.fields?.[0]?.field ?? 'data',
        message: `Rejected (400): ${describeUnknown(error)}`,
      });
    }
  }
  await writeDelivery(ctx, outcome);
  ctx.notify('reservations', 'problems');
  return {
    status: outcome.httpStatus,
    body: {
      ok: outcome.status !== 'failed' && outcome.status !== 'rejected',
      id: outcome.id,
      status: outcome.status,
      ...(outcome.reason ? { reason: outcome.reason } : {}),
      ...(outcome.reservationId
        ? { reservationId: outcome.reservationId }
        : {}),
    },
  };
}

async function reject(
  ctx: CoreContext,
  rawBody: Buffer,
  httpStatus: number,
  reason: string,
  fields?: FieldProblem[],
): Promise<WebhookAnswer> {
  // Rejected deliveries get ids of their own: a later, valid delivery of the
  // same bytes must still be processed.
  const entry: StoredWebhook = {
    id: `x${randomUUID().replace(/-/g, '').slice(0, 23)}`,
    receivedAtMs: ctx.now(),
    status: 'rejected',
    httpStatus,
    reason,
    duplicates: 0,
    // Unverified senders get little room: enough to recognise the payload.
    body: rawBody
      .toString('utf8')
      .slice(0, httpStatus === 401 ? 1024 : BODY_KEEP_BYTES),
  };
  await storeDelivery(ctx, entry);
  ctx.log.warn('webhook rejected', { id: entry.id, httpStatus, reason });
  // Repeats of one rejection (a sender with the wrong secret retrying all
  // day) are one entry for the host; each delivery is in the webhook log.
  await ctx.stores.journal.problem({
    kind: 'webhook',
    key: `webhook-rejected:${httpStatus}:${reason}`,
    subject: `Webhook delivery ${entry.id}`,
    ...(fields?.[0] ? { field: fields[0].field } : {}),
    message: `Rejected (${httpStatus}): ${reason}`,
  });
  ctx.notify('problems');
  return {
    status: httpStatus,
    body: {
      ok: false,
      id: entry.id,
      error: reason,
      ...(fields ? { fields } : {}),
    },
  };
}
