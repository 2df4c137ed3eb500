import type { Lock, SettingsView, TuyaSettingsInput } from '../../shared';
import { tuyaSettingsInputSchema } from '../../shared';
import type { LockstepOptions } from '../config/options';
import { LockstepError } from '../errors';
import type { Logger } from '../log';
import type { Keys } from '../keys';
import type { Sealer } from '../secrets/sealer';
import type { Redis } from 'ioredis';
import type { LockProvider } from './provider';
import type { SimulatedLockProvider } from './simulated';
import { TuyaLockProvider, regionBaseUrl } from './tuya';

interface TuyaSettings {
  accessId: string;
  accessSecret: string;
  region: NonNullable<SettingsView['tuya']>['region'];
  baseUrl: string;
  origin: 'panel' | 'config';
}

const FIELD = 'tuya';

/**
 * Which provider drives a lock, and the Tuya credentials behind it. Panel
 * credentials live in Redis sealed with the installation key, so every
 * machine on the Redis uses them; a config file's credentials apply when
 * the panel has none.
 */
export class ProviderRegistry {
  private tuya:
    { settings: TuyaSettings; provider: TuyaLockProvider } | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    private readonly sealer: Sealer,
    private readonly options: LockstepOptions,
    readonly simulated: SimulatedLockProvider,
    private readonly log: Logger,
  ) {}

  /**
   * Reads the current credentials; call at start and when settings change.
   * Unchanged credentials keep their provider, and with it its access token.
   */
  async reload(): Promise<void> {
    const settings = (await this.readStored()) ?? this.fromConfig();
    if (
      settings &&
      this.tuya &&
      JSON.stringify(settings) === JSON.stringify(this.tuya.settings)
    )
      return;
    this.tuya = settings
      ? {
          settings,
          provider: new TuyaLockProvider({ ...settings, log: this.log }),
        }
      : undefined;
  }

  get isDemoMode(): boolean {
    return this.tuya === undefined;
  }

  providerFor(lock: Lock): LockProvider {
    if (lock.provider === 'simulated') return this.simulated;
    if (!this.tuya) {
      throw new LockstepError(
        'provider_auth',
        `${lock.name} is a Tuya lock, but no Tuya credentials are set. Add them in Setup.`,
      );
    }
    return this.tuya.provider;
  }

  /** The Tuya provider, or a clear error telling the host to configure it. */
  requireTuya(): TuyaLockProvider {
    if (!this.tuya)
      throw new LockstepError(
        'provider_auth',
        'No Tuya credentials are set. Add them in Setup.',
      );
    return this.tuya.provider;
  }

  view(): SettingsView {
    const s = this.tuya?.settings;
    return {
      tuya: s
        ? {
            accessId: s.accessId,
            region: s.region,
            baseUrl: s.baseUrl,
            hasSecret: s.accessSecret.length > 0,
            origin: s.origin,
          }
        : null,
      isDemoMode: this.isDemoMode,
    };
  }

  /** Stores panel credentials sealed; the secret may be omitted to keep the stored one. */
  async save(input: TuyaSettingsInput): Promise<void> {
    const parsed = tuyaSettingsInputSchema.parse(input);
    const secret =
      parsed.accessSecret ?? (await this.readStored())?.accessSecret;
    if (!secret) {
      throw new LockstepError('invalid_input', 'Enter the access secret.', {
        fields: [{ field: 'accessSecret', message: 'required the first time' }],
      });
    }
    const settings: TuyaSettings = {
      accessId: parsed.accessId,
      accessSecret: secret,
      region: parsed.region,
      baseUrl: parsed.baseUrl ?? regionBaseUrl(parsed.region),
      origin: 'panel',
    };
    await this.redis.hset(
      this.keys.settings,
      FIELD,
      this.sealer.seal(JSON.stringify(settings)),
    );
    await this.reload();
  }

  private async readStored(): Promise<TuyaSettings | undefined> {
    const sealed = await this.redis.hget(this.keys.settings, FIELD);
    return sealed === null
      ? undefined
      : (JSON.parse(this.sealer.open(sealed)) as TuyaSettings);
  }

  private fromConfig(): TuyaSettings | undefined {
    const tuya = this.options.tuya;
    return tuya ? { ...tuya, region: 'us-west', origin: 'config' } : undefined;
  }
}
