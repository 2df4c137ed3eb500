import { isAbsolute } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LockstepError } from '../errors';
import { readFeedFile } from './fetch-file';

export type FeedFetchResult =
  | { status: 'ok'; text: string; etag?: string; lastModified?: string }
  | { status: 'not_modified' };

/** Validators saved from the last good fetch, sent back to ask "changed?". */
export interface FeedValidators {
  etag?: string;
  lastModified?: string;
}

export interface FeedFetchOptions {
  /** Whole request, headers and body, in ms. Default 20 000. */
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Largest body accepted, in bytes. Default MAX_FEED_BYTES. */
  maxBytes?: number;
}

const DEFAULT_TIMEOUT_MS = 20_000;

/**
 * Fetches a feed from an http(s) or webcal URL, a file:// URL or an absolute
 * file path, with a conditional GET when `previous` holds validators.
 *
 * Throws LockstepError `feed_unreadable` naming the URL (query string left
 * out: it often holds the calendar's access token) and the HTTP status, the
 * timeout or the file error; `invalid_input` on field `url` for any other
 * kind of address.
 */
export async function fetchFeed(
  feed: { url: string },
  previous: FeedValidators = {},
  options: FeedFetchOptions = {},
): Promise<FeedFetchResult> {
  const url = feed.url.trim();
  if (isAbsolute(url))
    return readFeedFile(url, previous, options.maxBytes ?? MAX_FEED_BYTES);

  // webcal:// is the calendar apps' name for the same https address.
  const address = url.replace(/^webcal:/i, 'https:');
  const parsed = URL.canParse(address) ? new URL(address) : undefined;
  if (parsed?.protocol === 'file:') {
    return readFeedFile(
      fileURLToPath(parsed),
      previous,
      options.maxBytes ?? MAX_FEED_BYTES,
    );
  }
  if (parsed?.protocol !== 'http:' && parsed?.protocol !== 'https:') {
    const message =
      'url must be an http(s) URL or an absolute file path; ' +
      `got "${shown(url)}".`;
    throw new LockstepError('invalid_input', message, {
      fields: [{ field: 'url', message }],
    });
  }
  return fetchHttp(parsed, previous, options);
}

async function fetchHttp(
  url: URL,
  previous: FeedValidators,
  options: FeedFetchOptions,
): Promise<FeedFetchResult> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const headers: Record<string, string> = {
    accept: 'text/calendar, text/plain;q=0.9, */*;q=0.5',
  };
  if (previous.etag) headers['if-none-match'] = previous.etag;
  if (previous.lastModified)
    headers['if-modified-since'] = previous.lastModified;

  const fail = (why: string, isRetryable: boolean, cause?: unknown) =>
    new LockstepError('feed_unreadable', `${shown(url.href)}: ${why}.`, {
      isRetryable,
      cause,
    });
  try {
    const signal = AbortSignal.timeout(timeoutMs);
    const response = await (options.fetch ?? fetch)(url, { headers, signal });
    if (response.status === 304) return { status: 'not_modified' };
    if (!response.ok) {
      const status = `${response.status} ${response.statusText}`.trim();
      const isRetryable =
        response.status >= 500 || [408, 429].includes(response.status);
      throw fail(`HTTP ${status}`, isRetryable);
    }
    const maxBytes = options.maxBytes ?? MAX_FEED_BYTES;
    const text = await readCapped(response, maxBytes);
    if (text === undefined) {
      throw fail(
        `larger than ${maxBytes} bytes, too big for a reservation calendar`,
        false,
      );
    }
    const etag = response.headers.get('etag');
    const lastModified = response.headers.get('last-modified');
    return {
      status: 'ok',
      text,
      ...(etag ? { etag } : {}),
      ...(lastModified ? { lastModified } : {}),
    };
  } catch (e) {
    if (e instanceof LockstepError) throw e;
    const isTimeout = (e as { name?: unknown }).name === 'TimeoutError';
    const why = isTimeout ? `no answer within ${timeoutMs} ms` : describe(e);
    throw fail(why, true, e);
  }
}

/** Far above any real export (years of daily stays are a few MB). */
export const MAX_FEED_BYTES = 50_000_000;

/** The body as text, or undefined once it passes `maxBytes` (reading stops there). */
async function readCapped(
  response: Response,
  maxBytes: number,
): Promise<string | undefined> {
  if (!response.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    size += chunk.byteLength;
    if (size > maxBytes) {
      await response.body.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/** An address fit for messages and logs: no query, no user info. */
function shown(address: string): string {
  if (!URL.canParse(address)) return address.slice(0, 200);
  const { protocol, host, pathname, search } = new URL(address);
  const base =
    protocol === 'file:'
      ? `file://${pathname}`
      : `${protocol}//${host}${pathname}`;
  return search ? `${base}?…` : base;
}

/** Node's fetch hides the socket error (ECONNREFUSED, ...) in `cause`. */
function describe(e: unknown): string {
  const cause = e instanceof Error ? e.cause : undefined;
  const code = (cause as { code?: unknown } | undefined)?.code;
  const detail =
    typeof code === 'string'
      ? code
      : cause instanceof Error
        ? cause.message
        : String(e);
  return `the request failed (${detail})`;
}
