import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Lock } from '../../shared';
import { LockstepError } from '../errors';
import type { Sealer } from '../secrets/sealer';
import type {
  CreatePinRequest,
  LockHealth,
  LockPin,
  LockProvider,
} from './provider';

interface SimulatedPin {
  passwordId: string;
  name: string;
  sealedPin: string;
  validFromMs: number;
  validToMs: number;
}

interface SimulatedState {
  online: boolean;
  batteryPercent: number;
  /** Calls that will fail before the lock behaves again (forced failures). */
  failuresLeft: number;
}

const DEFAULT_STATE: SimulatedState = {
  online: true,
  batteryPercent: 87,
  failuresLeft: 0,
};

/**
 * Demo locks that live in Redis: they accept, list and delete PINs the way a
 * real lock would, confirm at once, and can be switched offline or told to
 * fail for training and tests. Labelled "simulated" wherever they appear.
 */
export class SimulatedLockProvider implements LockProvider {
  readonly kind = 'simulated' as const;

  constructor(
    private readonly redis: Redis,
    private readonly keyFor: (lockId: string) => string,
    private readonly sealer: Sealer,
  ) {}

  pinLength(lock: Lock): number {
    return lock.link === 'wifi' ? 7 : 6;
  }

  async createPin(lock: Lock, request: CreatePinRequest): Promise<LockPin> {
    await this.checkReachable(lock);
    if (
      request.pin.length !== this.pinLength(lock) ||
      !/^\d+$/.test(request.pin)
    ) {
      throw new LockstepError(
        'pin_length',
        `${lock.name} takes ${this.pinLength(lock)}-digit PINs.`,
      );
    }
    const stored: SimulatedPin = {
      passwordId: randomUUID().slice(0, 8),
      name: request.name,
      sealedPin: this.sealer.seal(request.pin),
      validFromMs: request.validFromMs,
      validToMs: request.validToMs,
    };
    await this.redis.hset(
      this.keyFor(lock.id),
      stored.passwordId,
      JSON.stringify(stored),
    );
    return toLockPin(stored);
  }

  async readPin(lock: Lock, passwordId: string): Promise<LockPin> {
    await this.checkReachable(lock);
    const raw = await this.redis.hget(this.keyFor(lock.id), passwordId);
    if (raw === null) {
      return {
        passwordId,
        name: '',
        state: 'missing',
        validFromMs: 0,
        validToMs: 0,
      };
    }
    return toLockPin(JSON.parse(raw) as SimulatedPin);
  }

  async deletePin(lock: Lock, passwordId: string): Promise<void> {
    await this.checkReachable(lock);
    await this.redis.hdel(this.keyFor(lock.id), passwordId);
  }

  async listPins(lock: Lock): Promise<LockPin[]> {
    await this.checkReachable(lock);
    return (await this.storedPins(lock.id)).map(toLockPin);
  }

  async health(lock: Lock): Promise<LockHealth> {
    const state = await this.state(lock.id);
    return {
      online: state.online,
      batteryPercent: state.batteryPercent,
      name: lock.name,
    };
  }

  /** The PINs that would open this lock now and later, in plain form (demo only). */
  async plainPins(
    lockId: string,
  ): Promise<
    Array<{ name: string; pin: string; validFromMs: number; validToMs: number }>
  > {
    return (await this.storedPins(lockId)).map((p) => ({
      name: p.name,
      pin: this.sealer.open(p.sealedPin),
      validFromMs: p.validFromMs,
      validToMs: p.validToMs,
    }));
  }

  async setOnline(lockId: string, online: boolean): Promise<void> {
    await this.saveState(lockId, { ...(await this.state(lockId)), online });
  }

  /** The next `count` calls to this lock fail as if the lock did not answer. */
  async failNext(lockId: string, count: number): Promise<void> {
    await this.saveState(lockId, {
      ...(await this.state(lockId)),
      failuresLeft: count,
    });
  }

  private async checkReachable(lock: Lock): Promise<void> {
    const state = await this.state(lock.id);
    if (!state.online) {
      throw new LockstepError('lock_offline', `${lock.name} is offline.`, {
        isRetryable: true,
        holdsAttempt: true,
        retryAfterMs: 30_000,
      });
    }
    if (state.failuresLeft > 0) {
      await this.saveState(lock.id, {
        ...state,
        failuresLeft: state.failuresLeft - 1,
      });
      throw new LockstepError(
        'provider_unreachable',
        `${lock.name} did not answer (simulated failure).`,
        { isRetryable: true },
      );
    }
  }

  private async storedPins(lockId: string): Promise<SimulatedPin[]> {
    const all = await this.redis.hgetall(this.keyFor(lockId));
    return Object.entries(all)
      .filter(([field]) => field !== 'state')
      .map(([, raw]) => JSON.parse(raw) as SimulatedPin);
  }

  private async state(lockId: string): Promise<SimulatedState> {
    const raw = await this.redis.hget(this.keyFor(lockId), 'state');
    return raw === null
      ? DEFAULT_STATE
      : { ...DEFAULT_STATE, ...(JSON.parse(raw) as Partial<SimulatedState>) };
  }

  private async saveState(
    lockId: string,
    state: SimulatedState,
  ): Promise<void> {
    await this.redis.hset(this.keyFor(lockId), 'state', JSON.stringify(state));
  }
}

function toLockPin(p: SimulatedPin): LockPin {
  return {
    passwordId: p.passwordId,
    name: p.name,
    state: 'active',
    validFromMs: p.validFromMs,
    validToMs: p.validToMs,
  };
}
