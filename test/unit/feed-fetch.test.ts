import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isLockstepError, type LockstepError } from '../../src/core/errors';
import { fetchFeed, type FeedFetchResult } from '../../src/core/feeds/fetch';

const BODY = 'BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n';
const ETAG = '"v1"';
const MODIFIED = 'Mon, 01 Feb 2027 10:00:00 GMT';
const fixturePath = fileURLToPath(
  new URL('../fixtures/feeds/vrbo.ics', import.meta.url),
);

let server: Server;
let base = '';
let seen: IncomingHttpHeaders = {};

beforeAll(async () => {
  server = createServer((req, res) => {
    seen = req.headers;
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/hang') return; // never answers
    if (path === '/error') return void res.writeHead(500).end('boom');
    if (req.headers['if-none-match'] === ETAG)
      return void res.writeHead(304).end();
    res.writeHead(200, { etag: ETAG, 'last-modified': MODIFIED }).end(BODY);
  });
  await new Promise<void>((ready) => server.listen(0, '127.0.0.1', ready));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

function ok(result: FeedFetchResult) {
  if (result.status !== 'ok')
    throw new Error(`expected ok, got ${result.status}`);
  return result;
}

async function failure(promise: Promise<unknown>): Promise<LockstepError> {
  try {
    await promise;
  } catch (e) {
    if (isLockstepError(e)) return e;
    throw e;
  }
  throw new Error('expected a LockstepError');
}

describe('fetchFeed over http', () => {
  it('returns text and validators, then not_modified', async () => {
    const first = ok(await fetchFeed({ url: `${base}/cal.ics` }));
    expect(first).toEqual({
      status: 'ok',
      text: BODY,
      etag: ETAG,
      lastModified: MODIFIED,
    });

    const second = await fetchFeed({ url: `${base}/cal.ics` }, first);
    expect(second).toEqual({ status: 'not_modified' });
    expect(seen['if-none-match']).toBe(ETAG);
    expect(seen['if-modified-since']).toBe(MODIFIED);
  });

  it('names url and HTTP status, hiding the query', async () => {
    const error = await failure(fetchFeed({ url: `${base}/error?s=token123` }));
    expect(error.code).toBe('feed_unreadable');
    expect(error.message).toContain(`${base}/error`);
    expect(error.message).toContain('HTTP 500');
    expect(error.message).not.toContain('token123');
    expect(error.isRetryable).toBe(true);
  });

  it('gives up after the timeout', async () => {
    const error = await failure(
      fetchFeed({ url: `${base}/hang` }, {}, { timeoutMs: 150 }),
    );
    expect(error.code).toBe('feed_unreadable');
    expect(error.message).toMatch(/no answer within 150 ms/);
  });

  it('stops reading a body larger than any calendar', async () => {
    const error = await failure(
      fetchFeed({ url: `${base}/cal.ics` }, {}, { maxBytes: 10 }),
    );
    expect(error.code).toBe('feed_unreadable');
    expect(error.message).toContain('larger than 10 bytes');
    expect(error.isRetryable).toBe(false);
  });

  it('refuses a feed file larger than any calendar without reading it', async () => {
    const error = await failure(
      fetchFeed({ url: fixturePath }, {}, { maxBytes: 10 }),
    );
    expect(error.message).toContain('larger than 10 bytes');
  });

  it('reads webcal:// as https://', async () => {
    const asked: string[] = [];
    const fake: typeof fetch = (input) => {
      asked.push(input instanceof Request ? input.url : input.toString());
      return Promise.resolve(new Response(BODY));
    };
    const result = await fetchFeed(
      { url: 'webcal://calendar.example.test/a.ics' },
      {},
      { fetch: fake },
    );
    expect(result).toEqual({ status: 'ok', text: BODY });
    expect(asked).toEqual(['https://calendar.example.test/a.ics']);
  });
});

describe('fetchFeed from files', () => {
  it('reads a path and a file:// URL, then not_modified', async () => {
    const byPath = ok(await fetchFeed({ url: fixturePath }));
    const byUrl = await fetchFeed({ url: pathToFileURL(fixturePath).href });
    expect(byPath.status === 'ok' && byPath.text).toContain(
      'Reserved - Jane D',
    );
    expect(byUrl).toEqual(byPath);

    const again = await fetchFeed({ url: fixturePath }, byPath);
    expect(again).toEqual({ status: 'not_modified' });
  });

  it('reads a file again once it has changed', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'lockstep-feed-'));
    const path = join(dir, 'feed.ics');
    try {
      await writeFile(path, BODY);
      const first = ok(await fetchFeed({ url: path }));
      await writeFile(path, `${BODY}\r\n`);
      const second = await fetchFeed({ url: path }, first);
      expect(second).toMatchObject({ status: 'ok', text: `${BODY}\r\n` });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('names the file when it cannot be read', async () => {
    const missing = `${fixturePath}.missing`;
    const error = await failure(fetchFeed({ url: missing }));
    expect(error.code).toBe('feed_unreadable');
    expect(error.message).toContain(missing);
  });

  it('rejects other schemes and relative paths on field url', async () => {
    for (const url of ['ftp://example.test/a.ics', 'feeds/a.ics']) {
      const error = await failure(fetchFeed({ url }));
      expect(error.code).toBe('invalid_input');
      expect(error.options.fields?.map((f) => f.field)).toEqual(['url']);
    }
  });
});
