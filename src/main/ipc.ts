import { BrowserWindow, ipcMain } from 'electron';
import type { LockstepCore } from '../core/app';
import { dispatch } from '../core/dispatch';
import type { Logger } from '../core/log';
import { CHANGE_EVENT_CHANNEL, CHANNELS, ipcChannelName } from '../shared';

/**
 * Maps every contract channel to the core over IPC and pushes the core's
 * change topics to every open window. Each handler parses its argument and
 * answers with a `CallResult`, so nothing thrown ever reaches the renderer.
 * Returns a dispose that removes the handlers and the subscription.
 */
export function setupIpc(core: LockstepCore, log: Logger): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(ipcChannelName(channel), (_event, input: unknown) =>
      dispatch(core.handlers, channel, input, log),
    );
  }

  const unsubscribe = core.onChange((topics) => {
    for (const window of BrowserWindow.getAllWindows()) {
      if (!window.isDestroyed()) {
        window.webContents.send(CHANGE_EVENT_CHANNEL, topics);
      }
    }
  });

  return () => {
    unsubscribe();
    for (const channel of CHANNELS) {
      ipcMain.removeHandler(ipcChannelName(channel));
    }
  };
}
