import { describe, expect, it, vi } from 'vitest';
import { CHANGE_TOPICS, CHANNELS, type ChangeTopic } from '../../src/shared';
import type {
  EventStreamHandlers,
  OpenEventStream,
} from '../../src/renderer/src/api/events';
import {
  createHttpApi,
  isTransportFailure,
  type FetchLike,
} from '../../src/renderer/src/api/http';

function answering(body: unknown, status = 200) {
  return vi.fn<FetchLike>(() =>
    Promise.resolve({ status, json: () => Promise.resolve(body) }),
  );
}

const noEvents: OpenEventStream = () => ({ close: () => undefined });

describe('createHttpApi calls', () => {
  it('has a method for every contract channel', () => {
    const api = createHttpApi({ fetch: answering({}), openEvents: noEvents });
    for (const channel of CHANNELS)
      expect(typeof api[channel]).toBe('function');
  });

  it('POSTs the input as JSON to /api/<encoded channel>', async () => {
    const fetch = answering({ ok: true, value: { pin: '1234' } });
    const api = createHttpApi({ fetch, openEvents: noEvents });
    const result = await api['pins:reveal']({
      reservationId: 'r1',
      lockId: 'l1',
    });

    expect(result).toEqual({ ok: true, value: { pin: '1234' } });
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('/api/pins%3Areveal');
    expect(init?.method).toBe('POST');
    expect(JSON.parse(init?.body ?? '')).toEqual({
      reservationId: 'r1',
      lockId: 'l1',
    });
  });

  it('passes a failed result through with its field problems', async () => {
    const error = {
      code: 'invalid_input',
      message: 'name: name is required',
      fields: [{ field: 'name', message: 'name is required' }],
    };
    const api = createHttpApi({
      fetch: answering({ ok: false, error }, 400),
      openEvents: noEvents,
    });
    const result = await api['properties:save']({ name: '', timeZone: 'UTC' });
    expect(result).toEqual({ ok: false, error });
    expect(result.ok || isTransportFailure(result.error)).toBe(false);
  });

  it('turns a network failure into a transport error, not a throw', async () => {
    const onLinkChange = vi.fn();
    const fetch = vi.fn<FetchLike>(() =>
      Promise.reject(new TypeError('Failed to fetch')),
    );
    const api = createHttpApi({ fetch, openEvents: noEvents, onLinkChange });
    const result = await api['jobs:list']({});

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('internal');
    expect(result.error.message).toContain('Failed to fetch');
    expect(isTransportFailure(result.error)).toBe(true);
    expect(onLinkChange).toHaveBeenLastCalledWith(false);
  });

  it('reports an answer that is not a CallResult as internal', async () => {
    const api = createHttpApi({
      fetch: answering('<html>Bad gateway</html>', 502),
      openEvents: noEvents,
    });
    const result = await api['app:info']({});
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('internal');
      expect(result.error.message).toContain('502');
      expect(isTransportFailure(result.error)).toBe(false);
    }
  });

  it('maps an error code this panel does not know to internal', async () => {
    const api = createHttpApi({
      fetch: answering({
        ok: false,
        error: { code: 'brand_new', message: 'x' },
      }),
      openEvents: noEvents,
    });
    expect(await api['audit:list']({})).toEqual({
      ok: false,
      error: { code: 'internal', message: 'x' },
    });
  });
});

describe('createHttpApi onChange', () => {
  function withStream() {
    const opened: { url: string; handlers: EventStreamHandlers }[] = [];
    const close = vi.fn();
    const openEvents: OpenEventStream = (url, handlers) => {
      opened.push({ url, handlers });
      return { close };
    };
    const api = createHttpApi({ fetch: answering({}), openEvents });
    return { api, opened, close };
  }

  it('delivers the topics of each pushed message and ignores junk', () => {
    const { api, opened } = withStream();
    const seen: ChangeTopic[][] = [];
    api.onChange((topics) => seen.push(topics));
    const stream = opened[0];

    expect(stream?.url).toBe('/api/events');
    stream?.handlers.onMessage('{"topics":["jobs","reservations"]}');
    stream?.handlers.onMessage('not json');
    stream?.handlers.onMessage('{"topics":["nonsense"]}');
    expect(seen).toEqual([['jobs', 'reservations']]);
  });

  it('asks for everything again when the stream (re)connects', () => {
    const { api, opened } = withStream();
    const seen: ChangeTopic[][] = [];
    api.onChange((topics) => seen.push(topics));
    opened[0]?.handlers.onError();
    opened[0]?.handlers.onOpen();
    expect(seen).toEqual([[...CHANGE_TOPICS]]);
  });

  it('closes the stream on unsubscribe', () => {
    const { api, close } = withStream();
    const stop = api.onChange(() => undefined);
    expect(close).not.toHaveBeenCalled();
    stop();
    expect(close).toHaveBeenCalledOnce();
  });
});
