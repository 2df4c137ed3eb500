import type { IncomingMessage, ServerResponse } from 'node:http';
import type { LockstepCore } from '../../core/app';
import { dispatch } from '../../core/dispatch';
import type { Logger } from '../../core/log';
import { CHANNELS, type Channel } from '../../shared';
import { BodyTooLargeError, readBody } from './body';
import { sendError, sendJson } from './respond';

/** Largest JSON body a panel call may send, in bytes. */
export const API_BODY_LIMIT_BYTES = 1024 * 1024;

export function isChannel(name: string): name is Channel {
  return (CHANNELS as readonly string[]).includes(name);
}

/**
 * `POST /api/<channel>`: the body is the channel's input as JSON (empty means
 * `{}`); the answer is always the call's `CallResult` with status 200, so a
 * browser client reads the same shapes as the Electron preload returns.
 */
export async function handleApiCall(
  core: LockstepCore,
  log: Logger,
  channelName: string,
  req: IncomingMessage,
  res: ServerResponse,
): Promise<void> {
  if (!isChannel(channelName)) {
    return sendError(res, 404, {
      code: 'not_found',
      message: `unknown channel "${channelName}"`,
    });
  }
  if (req.method !== 'POST') {
    return sendError(
      res,
      405,
      { code: 'invalid_input', message: 'use POST for channel calls' },
      { Allow: 'POST' },
    );
  }

  let input: unknown;
  try {
    const raw = await readBody(req, API_BODY_LIMIT_BYTES);
    input = raw.length === 0 ? undefined : JSON.parse(raw.toString('utf8'));
  } catch (error) {
    return sendBodyError(res, error);
  }
  sendJson(res, 200, await dispatch(core.handlers, channelName, input, log));
}

function sendBodyError(res: ServerResponse, error: unknown): void {
  const isTooLarge = error instanceof BodyTooLargeError;
  const message = isTooLarge
    ? error.message
    : `request body is not valid JSON: ${String(error)}`;
  sendError(
    res,
    isTooLarge ? 413 : 400,
    { code: 'invalid_input', message, fields: [{ field: '(body)', message }] },
    isTooLarge ? { Connection: 'close' } : {},
  );
}
