import {
  CHANGE_TOPICS,
  CHANNELS,
  ERROR_CODES,
  type CallError,
  type CallResult,
  type Channel,
  type ChangeTopic,
  type ErrorCode,
  type LockstepApi,
} from '../../../shared';
import { parseChangeMessage, type OpenEventStream } from './events';

/** The part of `fetch` the client uses, so tests can stub it. */
export type FetchLike = (
  url: string,
  init: { method: 'POST'; headers: Record<string, string>; body: string },
) => Promise<{ status: number; json(): Promise<unknown> }>;

export interface HttpApiOptions {
  /** Where the routes live; `POST <baseUrl>/<channel>`, `GET <baseUrl>/events`. */
  baseUrl?: string;
  fetch: FetchLike;
  openEvents: OpenEventStream;
  /** Told whenever a call or the event stream finds the server up or down. */
  onLinkChange?: (isUp: boolean) => void;
}

const transportFailures = new WeakSet<CallError>();

/** True when the error means the server could not be reached at all. */
export function isTransportFailure(error: CallError): boolean {
  return transportFailures.has(error);
}

/**
 * The contract over HTTP for serve mode. Every call resolves to a
 * `CallResult`; a network failure or an unreadable answer becomes an
 * `internal` error instead of a throw.
 */
export function createHttpApi(options: HttpApiOptions): LockstepApi {
  const baseUrl = options.baseUrl ?? '/api';
  const link = options.onLinkChange ?? (() => undefined);
  const calls = {} as Record<Channel, (input: unknown) => Promise<unknown>>;
  for (const channel of CHANNELS) {
    calls[channel] = (input) =>
      call(options.fetch, baseUrl, channel, input, link);
  }

  function onChange(listener: (topics: ChangeTopic[]) => void): () => void {
    const stream = options.openEvents(`${baseUrl}/events`, {
      onMessage(data) {
        const topics = parseChangeMessage(data);
        if (topics.length > 0) listener(topics);
      },
      // Changes made while the stream was down were never pushed, so every
      // (re)connection asks for everything to be read again.
      onOpen() {
        link(true);
        listener([...CHANGE_TOPICS]);
      },
      onError() {
        link(false);
      },
    });
    return () => stream.close();
  }

  return { ...calls, onChange } as LockstepApi;
}

async function call(
  fetchFn: FetchLike,
  baseUrl: string,
  channel: Channel,
  input: unknown,
  link: (isUp: boolean) => void,
): Promise<CallResult<unknown>> {
  let response: Awaited<ReturnType<FetchLike>>;
  try {
    response = await fetchFn(`${baseUrl}/${encodeURIComponent(channel)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(input ?? {}),
    });
  } catch (error) {
    link(false);
    const reason = error instanceof Error ? error.message : String(error);
    return failure(
      'internal',
      `The Lockstep server cannot be reached (${reason}).`,
      true,
    );
  }

  link(true);
  const body = await response.json().catch(() => undefined);
  return (
    asCallResult(body) ??
    failure(
      'internal',
      `The server answered ${response.status} without a result.`,
      false,
    )
  );
}

function failure(
  code: ErrorCode,
  message: string,
  isTransport: boolean,
): CallResult<never> {
  const error: CallError = { code, message };
  if (isTransport) transportFailures.add(error);
  return { ok: false, error };
}

function asCallResult(body: unknown): CallResult<unknown> | undefined {
  if (typeof body !== 'object' || body === null || !('ok' in body)) {
    return undefined;
  }
  if (body.ok === true && 'value' in body)
    return { ok: true, value: body.value };
  if (body.ok !== false || !('error' in body)) return undefined;

  const raw = body.error as Partial<CallError> | null;
  if (typeof raw?.message !== 'string') return undefined;
  const code = (ERROR_CODES as readonly unknown[]).includes(raw.code)
    ? (raw.code as ErrorCode)
    : 'internal';
  const fields = Array.isArray(raw.fields) ? raw.fields : undefined;
  return {
    ok: false,
    error: { code, message: raw.message, ...(fields ? { fields } : {}) },
  };
}
