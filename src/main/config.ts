import { app } from 'electron';
import type { StartOptions } from '../core/app';
import { parseOptions } from '../core/config/load';
import type { LockstepOptions } from '../core/config/options';
import type { Logger } from '../core/log';
import { loadInstallKey } from './key';

/** The two arguments the desktop host passes to `startLockstep`. */
export interface DesktopStart {
  options: LockstepOptions;
  start: StartOptions;
}

/**
 * Desktop options: data in Electron's per-user folder, a shared Redis only
 * when `REDIS_URL` is set (otherwise the core starts its embedded one), and
 * the installation key kept by the OS keychain. Every other option keeps the
 * core's default. Call after `app.whenReady()`: the key needs `safeStorage`.
 */
export async function desktopOptions(
  log: Logger,
  env: NodeJS.ProcessEnv = process.env,
): Promise<DesktopStart> {
  const dataDir = app.getPath('userData');
  const redisUrl = env.REDIS_URL?.trim();
  const options = parseOptions(
    { dataDir, ...(redisUrl ? { redisUrl } : {}) },
    'the desktop settings',
  );
  const installKey = await loadInstallKey(dataDir, log);
  return {
    options,
    start: { installKey, version: app.getVersion(), log: log.child('core') },
  };
}
