import { app } from 'electron';
import type { StartOptions } from '../core/app';
import { loadOptions } from '../core/config/load';
import { parsePairingCode } from '../core/secrets/key-file';
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
 * when `REDIS_URL` is set (otherwise the core starts its embedded one), the
 * same optional config file and variables as serve (LOCKSTEP_CONFIG, ...),
 * and the installation key kept by the OS keychain, or the pairing code in
 * LOCKSTEP_INSTALL_KEY when this machine joins another's Redis. Call after
 * `app.whenReady()`: the key needs `safeStorage`.
 */
export async function desktopOptions(
  log: Logger,
  env: NodeJS.ProcessEnv = process.env,
): Promise<DesktopStart> {
  const dataDir = env.LOCKSTEP_DATA_DIR?.trim() || app.getPath('userData');
  const options = loadOptions(env.LOCKSTEP_CONFIG?.trim() || undefined, {
    ...env,
    LOCKSTEP_DATA_DIR: dataDir,
  });
  const pairingCode = env.LOCKSTEP_INSTALL_KEY?.trim();
  const installKey = pairingCode
    ? parsePairingCode(pairingCode)
    : await loadInstallKey(options.dataDir, log);
  return {
    options,
    start: { installKey, version: app.getVersion(), log: log.child('core') },
  };
}
