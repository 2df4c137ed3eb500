import type {
  IncomingHttpHeaders,
  IncomingMessage,
  ServerResponse,
} from 'node:http';
import type { LockstepCore } from '../../core/app';
import { describeUnknown } from '../../core/dispatch';
import type { Logger } from '../../core/log';
import { BodyTooLargeError, readBody } from './body';
import { sendError, sendJson } from './respond';

/** Largest PMS webhook body accepted, in bytes. */
export const WEBHOOK_BODY_LIMIT_BYTES = 1024 * 1024;

/**
 * `POST /webhooks/reservations`: hands the exact bytes received (the PMS
 * signature covers them) and the headers to the core, and answers with the
 * status and body the core chose.
 */
export async function handleWebhook(
  core: LockstepCore,
  log: Logger,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (req.method !== 'POST') {
    return sendError(
      res,
      405,
      { code: 'invalid_input', message: 'use POST for webhooks' },
      { Allow: 'POST' },
    );
  }

  let rawBody: Buffer;
  try {
    rawBody = await readBody(req, WEBHOOK_BODY_LIMIT_BYTES);
  } catch (error) {
    const isTooLarge = error instanceof BodyTooLargeError;
    const message = describeUnknown(error);
    return sendError(res, isTooLarge ? 413 : 400, {
      code: 'invalid_input',
      message,
    });
  }

  try {
    const answer = await core.receiveWebhook(rawBody, flatHeaders(req.headers));
    sendJson(res, answer.status, answer.body);
  } catch (error) {
    log.error('webhook intake failed', { error: describeUnknown(error) });
    sendError(res, 500, { code: 'internal', message: 'webhook not accepted' });
  }
}

/** Node already lowercases header names; repeated headers are joined. */
function flatHeaders(
  headers: IncomingHttpHeaders,
): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(headers)) {
    out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
