import type { ErrorCode } from '../../../shared';
import { isLockstepError } from '../../errors';
import type { TuyaClient } from './client';
import { listProjectDevices } from './devices';

/** Result of checking a host's Tuya credentials from the settings screen. */
export type TuyaConnectionCheck =
  | { ok: true; deviceCount: number }
  | { ok: false; code: ErrorCode; message: string; isRetryable: boolean };

/**
 * Gets a token and lists the project's devices, which exercises signature,
 * clock, permission and API subscription in two calls. Never throws.
 */
export async function checkConnection(
  client: TuyaClient,
): Promise<TuyaConnectionCheck> {
  try {
    await client.token();
    const devices = await listProjectDevices(client);
    return { ok: true, deviceCount: devices.length };
  } catch (error) {
    if (isLockstepError(error)) {
      return {
        ok: false,
        code: error.code,
        message: error.message,
        isRetryable: error.isRetryable,
      };
    }
    return {
      ok: false,
      code: 'internal',
      message: 'Checking the Tuya connection failed unexpectedly.',
      isRetryable: false,
    };
  }
}
