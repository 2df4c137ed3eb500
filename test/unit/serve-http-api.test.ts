import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHttpServer, type HttpServer } from '../../src/serve/http/server';
import { fakeCore, memoryLogger } from '../helpers/fake-electron';

let server: HttpServer;
let fakes: ReturnType<typeof fakeCore>;

beforeEach(async () => {
  fakes = fakeCore();
  server = await startHttpServer({
    core: fakes.core,
    log: memoryLogger().log,
    port: 0,
    staticDir: '/nonexistent',
  });
});
afterEach(() => server.close());

function post(
  path: string,
  body: string,
  headers: Record<string, string> = {},
) {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body,
  });
}

describe('POST /api/<channel>', () => {
  it('parses the body, calls the core and answers with the CallResult', async () => {
    const saved = { id: 'cabin', name: 'Cabin' };
    fakes.handlers['properties:save'].mockResolvedValue(saved);

    const res = await post(
      `/api/${encodeURIComponent('properties:save')}`,
      JSON.stringify({ name: 'Cabin', timeZone: 'America/New_York' }),
    );

    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, value: saved });
    expect(fakes.handlers['properties:save']).toHaveBeenCalledWith(
      expect.objectContaining({ name: 'Cabin', leadMinutes: 60 }),
    );
  });

  it('answers invalid input with the fields to fix and status 200', async () => {
    const res = await post('/api/locks:save', JSON.stringify({ name: 'Door' }));

    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      ok: boolean;
      error: { fields: { field: string }[] };
    };
    expect(body.ok).toBe(false);
    expect(body.error.fields.map((f) => f.field)).toContain('propertyId');
  });

  it('refuses a body that is not JSON with 400 naming the body', async () => {
    const res = await post('/api/locks:list', '{"oops"');

    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', fields: [{ field: '(body)' }] },
    });
    expect(fakes.handlers['locks:list']).not.toHaveBeenCalled();
  });

  it('refuses a body over 1 MB with 413', async () => {
    const res = await post('/api/locks:list', `"${'x'.repeat(1024 * 1024)}"`);

    expect(res.status).toBe(413);
    expect(fakes.handlers['locks:list']).not.toHaveBeenCalled();
  });

  it('stops reading a streamed body once it passes 1 MB', async () => {
    const chunk = new Uint8Array(64 * 1024).fill(0x20);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.length;
        if (sent > 4 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });

    const res = await fetch(`${server.url}/api/locks:list`, {
      method: 'POST',
      body,
      duplex: 'half',
    });

    expect(res.status).toBe(413);
    expect(fakes.handlers['locks:list']).not.toHaveBeenCalled();
  });

  it('answers an unknown channel with 404', async () => {
    const res = await post('/api/locks:explode', '{}');

    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('refuses calls from another origin with 403 and accepts its own', async () => {
    const foreign = await post('/api/locks:list', '{}', {
      origin: 'http://evil.example',
    });
    const own = await post('/api/locks:list', '{}', { origin: server.url });

    expect(foreign.status).toBe(403);
    expect(own.status).toBe(200);
    expect(fakes.handlers['locks:list']).toHaveBeenCalledTimes(1);
  });
});

describe('POST /webhooks/reservations', () => {
  it('hands the exact bytes and lowercased headers to the core and relays its answer', async () => {
    fakes.core.receiveWebhook.mockResolvedValue({
      status: 401,
      body: { error: 'bad signature' },
    });
    const raw = '{"event" : "reservation.created",\n "id":1}';

    const res = await fetch(`${server.url}/webhooks/reservations`, {
      method: 'POST',
      headers: { 'X-Webhook-Signature': 'sha256=abc' },
      body: raw,
    });

    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({ error: 'bad signature' });
    const [bytes, headers] = fakes.core.receiveWebhook.mock.calls[0] ?? [];
    expect(Buffer.isBuffer(bytes) && bytes.toString('utf8')).toBe(raw);
    expect(headers).toMatchObject({ 'x-webhook-signature': 'sha256=abc' });
  });
});

describe('GET /healthz', () => {
  it('answers 200 ok', async () => {
    const res = await fetch(`${server.url}/healthz`);

    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true });
  });
});

describe('close', () => {
  it('does not wait for idle keep-alive connections to time out', async () => {
    await fetch(`${server.url}/healthz`).then((res) => res.text());
    const startedMs = Date.now();

    await server.close();

    // Node keeps idle connections for 5000 ms; shutdown must not wait for that.
    expect(Date.now() - startedMs).toBeLessThan(1000);
  });
});
