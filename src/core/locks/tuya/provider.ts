import type { Lock } from '../../../shared';
import { LockstepError } from '../../errors';
import { createLogger, type Logger } from '../../log';
import type {
  CreatePinRequest,
  LockHealth,
  LockPin,
  LockProvider,
} from '../provider';
import { TuyaClient, type TuyaClientOptions } from './client';
import { checkConnection, type TuyaConnectionCheck } from './connection';
import { checkPin, deviceIdOf, sendPin } from './create-pin';
import { listProjectDevices, readHealth, type TuyaDevice } from './devices';
import { toLockPin } from './pin-state';
import { parseReply, tempPasswordSchema } from './wire';

export type TuyaLockProviderOptions = TuyaClientOptions;

/**
 * Guest PINs on Tuya cloud locks. `Lock.deviceId` is the Tuya device id and
 * `Lock.link` decides the PIN length. PINs, tokens and the secret are never
 * logged.
 */
export class TuyaLockProvider implements LockProvider {
  readonly kind = 'tuya' as const;
  private readonly client: TuyaClient;
  private readonly log: Logger;

  constructor(private readonly options: TuyaLockProviderOptions) {
    this.log = options.log ?? createLogger('locks.tuya');
    this.client = new TuyaClient({ ...options, log: this.log });
  }

  /** Wi-Fi locks take 7 digits; Zigbee and Bluetooth locks take 6. */
  pinLength(lock: Lock): number {
    return lock.link === 'wifi' ? 7 : 6;
  }

  /**
   * Puts a PIN on the lock for [validFromMs, validToMs] (ms, UTC), sent as
   * whole seconds rounded inwards so the lock never accepts it outside the
   * window. Returns the read-back state: 'pending' until the lock confirms.
   */
  async createPin(lock: Lock, request: CreatePinRequest): Promise<LockPin> {
    const deviceId = deviceIdOf(lock);
    checkPin(request.pin, this.pinLength(lock));
    const secret = this.options.accessSecret;
    const passwordId = await sendPin(
      this.client,
      secret,
      deviceId,
      request,
      this.log,
    );
    this.log.info('tuya pin sent', { deviceId, passwordId });

    try {
      return await this.readPin(lock, passwordId);
    } catch {
      // The PIN exists; a failed read-back must not make a worker create it
      // again, so report it as pending and let the next poll read it.
      return {
        passwordId,
        name: request.name,
        state: 'pending',
        validFromMs: request.validFromMs,
        validToMs: request.validToMs,
        detail: 'Sent to the Tuya cloud; the lock has not confirmed it yet.',
      };
    }
  }

  /** The lock's view of one PIN; an id the cloud does not know is 'missing'. */
  async readPin(lock: Lock, passwordId: string): Promise<LockPin> {
    const id = encodeURIComponent(passwordId);
    try {
      const reply = await this.client.request(
        'GET',
        `${lockPath(lock)}/temp-password/${id}`,
      );
      return toLockPin(parseReply(tempPasswordSchema, reply, 'PIN'));
    } catch (error) {
      if (!isNotFound(error)) throw error;
      return {
        passwordId,
        name: '',
        state: 'missing',
        validFromMs: 0,
        validToMs: 0,
        detail: 'The Tuya cloud has no PIN with this id.',
      };
    }
  }

  /** PINs the lock holds or is about to hold; deleted ones are left out. */
  async listPins(lock: Lock): Promise<LockPin[]> {
    const reply = await this.client.request(
      'GET',
      `${lockPath(lock)}/temp-passwords`,
    );
    const list = parseReply(
      tempPasswordSchema.array(),
      reply ?? [],
      'PIN list',
    );
    return list.map(toLockPin).filter((pin) => pin.state !== 'missing');
  }

  /** Deletes a PIN; deleting one that is already gone succeeds. */
  async deletePin(lock: Lock, passwordId: string): Promise<void> {
    const id = encodeURIComponent(passwordId);
    try {
      await this.client.request(
        'DELETE',
        `${lockPath(lock)}/temp-passwords/${id}`,
      );
      this.log.info('tuya pin deleted', {
        deviceId: lock.deviceId,
        passwordId,
      });
    } catch (error) {
      if (!isNotFound(error)) throw error;
    }
  }

  /** Online state and battery; an offline lock is reported, not thrown. */
  health(lock: Lock): Promise<LockHealth> {
    return readHealth(this.client, deviceIdOf(lock));
  }

  /** Devices of the project, for the lock picker in settings. */
  listDevices(): Promise<TuyaDevice[]> {
    return listProjectDevices(this.client);
  }

  /** Whether the credentials work, and if not which failure applies. */
  testConnection(): Promise<TuyaConnectionCheck> {
    return checkConnection(this.client);
  }
}

function lockPath(lock: Lock): string {
  return `/v1.0/devices/${encodeURIComponent(deviceIdOf(lock))}/door-lock`;
}

function isNotFound(error: unknown): boolean {
  return error instanceof LockstepError && error.code === 'not_found';
}
