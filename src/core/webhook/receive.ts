import type { CoreContext } from '../context';

/** PMS webhook intake; see docs/API.md for the event shapes. */
export function receiveWebhook(
  ctx: CoreContext,
  _rawBody: Buffer,
  _headers: Record<string, string | undefined>,
): Promise<{ status: number; body: unknown }> {
  if (!ctx.options.webhookSecret) {
    return Promise.resolve({ status: 503, body: { ok: false, error: 'Webhook intake is off: set LOCKSTEP_WEBHOOK_SECRET.' } });
  }
  return Promise.resolve({ status: 501, body: { ok: false, error: 'not implemented' } });
}
