import { app } from 'electron';
import { createLogger } from '../core/log';
import { guardProcess } from '../core/process-guard';
import { desktopOptions } from './config';
import { runDesktopApp } from './lifecycle';
import { defaultWindowPaths } from './window';

/** Electron main entry (built to out/main/index.js). */
const log = createLogger('main');
guardProcess(log);

// Lets tests and a second profile keep their own data; must precede 'ready'.
const userDataDir = process.env.LOCKSTEP_USER_DATA_DIR;
if (userDataDir) app.setPath('userData', userDataDir);

runDesktopApp({
  log,
  paths: defaultWindowPaths(),
  startCore: async () => {
    // Loaded after the single-instance check, so a second launch that only
    // focuses the first window never loads BullMQ and Redis.
    const { startLockstep } = await import('../core/app');
    const { options, start } = await desktopOptions(log);
    return startLockstep(options, start);
  },
});
