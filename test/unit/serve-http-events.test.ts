import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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
    heartbeatMs: 20,
  });
});
afterEach(() => server.close());

/** Opens the event stream and reads from it until `until` matches. */
async function openStream(signal: AbortSignal) {
  const res = await fetch(`${server.url}/api/events`, { signal });
  const reader: ReadableStreamDefaultReader<Uint8Array> | undefined =
    res.body?.getReader();
  if (!reader) throw new Error('event stream has no body');
  const decoder = new TextDecoder();
  let text = '';
  const readUntil = async (until: RegExp): Promise<RegExpMatchArray> => {
    for (;;) {
      const match = text.match(until);
      if (match) return match;
      const { value, done } = await reader.read();
      if (done) throw new Error(`stream ended before ${String(until)}`);
      text += decoder.decode(value, { stream: true });
    }
  };
  return { res, readUntil };
}

describe('GET /api/events', () => {
  it('sends each change the core reports as a data message', async () => {
    const abort = new AbortController();
    const { res, readUntil } = await openStream(abort.signal);
    await vi.waitFor(() => expect(fakes.listeners.size).toBe(1));

    fakes.emitChange(['reservations', 'jobs']);
    const [, data] = await readUntil(/^data: (.*)$/m);

    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    expect(JSON.parse(data ?? '')).toEqual({
      topics: ['reservations', 'jobs'],
    });
    abort.abort();
  });

  it('keeps the stream alive with heartbeat comments', async () => {
    const abort = new AbortController();
    const { readUntil } = await openStream(abort.signal);

    await expect(readUntil(/^: heartbeat$/m)).resolves.toBeTruthy();
    abort.abort();
  });

  it('unsubscribes from the core when the client goes away', async () => {
    const abort = new AbortController();
    await openStream(abort.signal);
    await vi.waitFor(() => expect(fakes.listeners.size).toBe(1));

    abort.abort();

    await vi.waitFor(() => expect(fakes.unsubscribe).toHaveBeenCalledTimes(1));
    expect(fakes.listeners.size).toBe(0);
  });

  it('close ends open streams and may be called twice', async () => {
    const abort = new AbortController();
    const { readUntil } = await openStream(abort.signal);
    await vi.waitFor(() => expect(fakes.listeners.size).toBe(1));

    await Promise.all([server.close(), server.close()]);

    await expect(readUntil(/never/)).rejects.toThrow(/ended/);
    expect(fakes.unsubscribe).toHaveBeenCalledTimes(1);
  });

  it('refuses a stream requested by another origin', async () => {
    const res = await fetch(`${server.url}/api/events`, {
      headers: { origin: 'http://evil.example' },
    });

    expect(res.status).toBe(403);
    expect(fakes.core.onChange).not.toHaveBeenCalled();
  });
});
