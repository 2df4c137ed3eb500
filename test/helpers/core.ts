import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLockstep, type LockstepRuntime } from '../../src/core/app';
import { parseOptions } from '../../src/core/config/load';
import type { LockstepOptionsInput } from '../../src/core/config/options';
import { createLogger } from '../../src/core/log';
import type { ChannelInput, ChannelOutput, Channel } from '../../src/shared';
import { dispatch } from '../../src/core/dispatch';

export interface TestCoreOptions {
  redisUrl: string;
  /** Share one namespace (and key) to act as several machines on one Redis. */
  namespace?: string;
  installKey?: Buffer;
  machine?: string;
  options?: Partial<LockstepOptionsInput>;
  /** The core's clock (ms); BullMQ delays still use the real clock. */
  now?: () => number;
}

export interface TestCore {
  core: LockstepRuntime;
  namespace: string;
  installKey: Buffer;
  /** Calls a contract channel as the panel would; throws on an error result. */
  call<C extends Channel>(
    channel: C,
    input: ChannelInput<C>,
  ): Promise<ChannelOutput<C>>;
  close(): Promise<void>;
}

const quietLog = createLogger('test', { level: 'error' });

/** A core on a real Redis with its own namespace and data dir; fast retries. */
export async function startTestCore(
  options: TestCoreOptions,
): Promise<TestCore> {
  const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-core-'));
  const namespace = options.namespace ?? `t${randomUUID().slice(0, 8)}`;
  const installKey = options.installKey ?? randomBytes(32);
  const parsed = parseOptions(
    {
      dataDir,
      redisUrl: options.redisUrl,
      namespace,
      retry: { retries: 2, backoffMs: 100 },
      ...options.options,
    },
    'test',
  );
  const core = await startLockstep(parsed, {
    installKey,
    machine: options.machine ?? 'test-machine',
    log: quietLog,
    ...(options.now ? { now: options.now } : {}),
  });

  return {
    core,
    namespace,
    installKey,
    async call(channel, input) {
      const result = await dispatch(core.handlers, channel, input, quietLog);
      if (!result.ok)
        throw new Error(
          `${channel} failed: ${result.error.code} ${result.error.message}`,
        );
      return result.value;
    },
    async close() {
      await core.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Polls `check` until it returns a value other than undefined, or fails after `timeoutMs`. */
export async function waitFor<T>(
  check: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 15_000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Waits until the stay's first PIN reaches `state` (as the panel lists it). */
export async function untilPinState(
  t: TestCore,
  reservationId: string,
  state: string,
  timeoutMs = 15_000,
): Promise<void> {
  await waitFor(
    async () => {
      const stays = await t.call('reservations:list', {});
      const pin = stays.find((s) => s.id === reservationId)?.pins[0];
      return pin?.state === state ? true : undefined;
    },
    timeoutMs,
    `PIN of ${reservationId} to be ${state}`,
  );
}
