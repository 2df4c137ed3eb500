import { mkdirSync } from 'node:fs';
import { hostname } from 'node:os';
import type { AppInfo, ChangeTopic, LockstepHandlers } from '../shared';
import { createChangeBus } from './changes';
import type { LockstepOptions } from './config/options';
import type { CoreContext } from './context';
import { LockstepError } from './errors';
import { createPinQueues } from './jobs/queues';
import { startPinWorkers } from './jobs/workers';
import { createKeys } from './keys';
import { ProviderRegistry } from './locks/registry';
import { SimulatedLockProvider } from './locks/simulated';
import { createLogger, type Logger } from './log';
import { startMaintenance } from './maintenance';
import { connectForPanel, connectForWorkers, quietQuit } from './redis/connect';
import { startEmbeddedRedis, type EmbeddedRedis } from './redis/embedded';
import { createSealer, type Sealer } from './secrets/sealer';
import { seedFromOptions } from './seed';
import { jobHandlers } from './service/jobs';
import { journalHandlers } from './service/journal';
import { settingsHandlers } from './service/settings';
import { setupHandlers } from './service/setup';
import { stayHandlers } from './service/stays';
import { webhookHandlers } from './service/webhooks';
import { createStores } from './store';
import { receiveWebhook } from './webhook/receive';

/** The host-facing core: what the Electron main process and serve mode use. */
export interface LockstepCore {
  readonly info: AppInfo;
  /** Every contract channel, taking already-parsed input. */
  readonly handlers: LockstepHandlers;
  /** Calls `listener` when something the panel shows changed; returns unsubscribe. */
  onChange(listener: (topics: ChangeTopic[]) => void): () => void;
  /**
   * PMS webhook intake. `rawBody` is the exact bytes received (the signature
   * covers them). Returns the HTTP status and JSON body to answer with.
   */
  receiveWebhook(
    rawBody: Buffer,
    headers: Record<string, string | undefined>,
  ): Promise<{ status: number; body: unknown }>;
  /** Closes workers, then queues, then Redis; safe to call twice. */
  close(): Promise<void>;
}

/** The core with its internals, for tests and the demo tools. */
export interface LockstepRuntime extends LockstepCore {
  readonly context: CoreContext;
  readonly simulated: SimulatedLockProvider;
  /** Runs feed polling, lock health and reconciliation once, now. */
  maintain(): Promise<void>;
}

export interface StartOptions {
  /** 32 bytes that seal PINs and credentials; never stored in Redis. */
  installKey: Buffer;
  /** Name of this machine in the audit log; default the host name. */
  machine?: string;
  version?: string;
  log?: Logger;
  /** Whether this process runs PIN workers (default true). */
  runWorkers?: boolean;
  now?: () => number;
}

/**
 * Starts the core: Redis (embedded unless `redisUrl`), stores, queues,
 * workers and the maintenance schedule. Throws LockstepError with one clear
 * sentence when Redis cannot be had or the installation key does not match.
 */
export async function startLockstep(
  options: LockstepOptions,
  start: StartOptions,
): Promise<LockstepRuntime> {
  const log = start.log ?? createLogger('lockstep');
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  const embedded = options.redisUrl
    ? undefined
    : await startEmbeddedRedis(options.dataDir, log.child('redis'));
  const redisUrl = options.redisUrl ?? embedded?.url ?? '';
  const cleanups: Array<() => Promise<unknown>> = [
    async () => embedded?.stop(),
  ];
  const closeAll = async () => {
    for (const cleanup of cleanups.reverse())
      await cleanup().catch((e: unknown) =>
        log.warn('close step failed', { error: String(e) }),
      );
  };

  try {
    return await assemble(
      options,
      start,
      log,
      redisUrl,
      embedded,
      cleanups,
      closeAll,
    );
  } catch (error) {
    await closeAll();
    throw error;
  }
}

async function assemble(
  options: LockstepOptions,
  start: StartOptions,
  log: Logger,
  redisUrl: string,
  embedded: EmbeddedRedis | undefined,
  cleanups: Array<() => Promise<unknown>>,
  closeAll: () => Promise<void>,
): Promise<LockstepRuntime> {
  const machine = start.machine ?? hostname();
  const keys = createKeys(options.namespace);
  const redis = connectForPanel(redisUrl, log, 'lockstep-panel');
  const workerRedis = connectForWorkers(redisUrl, log, 'lockstep-workers');
  const subscriber = connectForWorkers(redisUrl, log, 'lockstep-changes');
  cleanups.push(() =>
    Promise.all([
      quietQuit(redis),
      quietQuit(workerRedis),
      quietQuit(subscriber),
    ]),
  );
  try {
    await redis.connect();
  } catch (error) {
    throw new LockstepError(
      'redis_unavailable',
      `Cannot connect to Redis at ${redactUrl(redisUrl)}: ${(error as Error).message}. Check REDIS_URL or unset it to use an embedded redis-server.`,
    );
  }

  const sealer = createSealer(start.installKey);
  await checkInstallKey(redis, keys.keyCheck, sealer);

  const bus = createChangeBus(
    redis,
    subscriber,
    keys.changes,
    log.child('changes'),
  );
  cleanups.push(() => bus.close());
  const stores = createStores(redis, keys, log.child('store'), machine);
  const queues = createPinQueues(
    workerRedis,
    keys.bullPrefix,
    options.retry,
    log.child('queues'),
  );
  cleanups.push(() => queues.close());

  const simulated = new SimulatedLockProvider(
    redis,
    keys.simulatedLock,
    sealer,
  );
  const providers = new ProviderRegistry(
    redis,
    keys,
    sealer,
    options,
    simulated,
    log.child('tuya'),
  );
  await providers.reload();
  // Credentials saved on another machine reach this one's provider too.
  const stopReloading = bus.onChange((topics) => {
    if (topics.includes('settings'))
      void providers
        .reload()
        .catch((e: unknown) =>
          log.warn('settings reload failed', { error: String(e) }),
        );
  });
  cleanups.push(() => Promise.resolve(stopReloading()));

  const ctx: CoreContext = {
    options,
    machine,
    keys,
    redis,
    stores,
    queues,
    sealer,
    log,
    providers,
    providerFor: (lock) => providers.providerFor(lock),
    notify: (...topics) => bus.notify(...topics),
    now: start.now ?? Date.now,
  };
  await seedFromOptions(ctx);

  if (start.runWorkers ?? true) {
    const workers = startPinWorkers(ctx, workerRedis);
    cleanups.push(() => workers.close());
  }
  const maintenance = await startMaintenance(ctx, workerRedis);
  cleanups.push(() => maintenance.close());
  void maintenance.runNow();

  const info: AppInfo = {
    version: start.version ?? '0.0.0',
    machine,
    machineTimeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    isDemoMode: providers.isDemoMode,
    redis: embedded ? 'embedded' : 'external',
  };
  const actor = `host@${machine}`;
  const handlers: LockstepHandlers = {
    'app:info': () =>
      Promise.resolve({ ...info, isDemoMode: providers.isDemoMode }),
    ...settingsHandlers(ctx, actor),
    ...setupHandlers(ctx, actor),
    ...stayHandlers(ctx, actor),
    ...jobHandlers(ctx, actor),
    ...journalHandlers(ctx, actor),
    ...webhookHandlers(ctx, actor),
  };

  let closed: Promise<void> | undefined;
  return {
    info,
    handlers,
    context: ctx,
    simulated,
    onChange: (listener) => bus.onChange(listener),
    receiveWebhook: (rawBody, headers) => receiveWebhook(ctx, rawBody, headers),
    maintain: () => maintenance.runNow(),
    close() {
      closed ??= closeAll();
      return closed;
    },
  };
}

/** Machines sharing one Redis must share one installation key. */
async function checkInstallKey(
  redis: CoreContext['redis'],
  key: string,
  sealer: Sealer,
): Promise<void> {
  await redis.set(key, sealer.keyCheck, 'NX');
  const stored = await redis.get(key);
  if (stored !== sealer.keyCheck) {
    throw new LockstepError(
      'invalid_input',
      'This Redis already holds Lockstep data sealed with another installation key. Set LOCKSTEP_INSTALL_KEY to the pairing code of the first machine (it prints it with `npm run serve -- --pairing-code`).',
      {
        fields: [
          {
            field: 'LOCKSTEP_INSTALL_KEY',
            message: 'does not match the key this Redis was set up with',
          },
        ],
      },
    );
  }
}

function redactUrl(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}
