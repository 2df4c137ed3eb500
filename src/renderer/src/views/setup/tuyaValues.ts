import {
  describeError,
  type ConnectionCheckView,
  type SettingsView,
  type TUYA_REGION_NAMES,
  type TuyaSettingsInput,
} from '../../../../shared';

export type TuyaRegion = (typeof TUYA_REGION_NAMES)[number];
type StoredTuya = NonNullable<SettingsView['tuya']>;

export const REGION_LABELS: Record<TuyaRegion, string> = {
  'us-west': 'Americas (West)',
  'us-east': 'Americas (East)',
  'eu-central': 'Central Europe',
  'eu-west': 'Western Europe',
  china: 'China',
  india: 'India',
};

/** What the lock cloud form holds; the secret field starts empty. */
export interface TuyaValues {
  accessId: string;
  accessSecret: string;
  region: TuyaRegion;
  baseUrl: string;
}

export const TUYA_FIELDS = [
  'accessId',
  'accessSecret',
  'region',
  'baseUrl',
] as const;

/** The form's first values: the stored settings, never the secret. */
export function tuyaToValues(stored: StoredTuya | null): TuyaValues {
  return {
    accessId: stored?.accessId ?? '',
    accessSecret: '',
    region: stored?.region ?? 'us-west',
    baseUrl: stored?.baseUrl ?? '',
  };
}

/**
 * Whether an empty secret field keeps a secret. Only one saved from the
 * panel is kept: the core does not copy a config file's secret when the
 * panel saves its own credentials.
 */
export function canKeepSecret(stored: StoredTuya | null): boolean {
  return stored?.hasSecret === true && stored.origin === 'panel';
}

export type TuyaBuild =
  | { ok: true; input: TuyaSettingsInput }
  | { ok: false; errors: Record<string, string> };

/**
 * A new data center choice. The address field shows the address in use,
 * usually the old data center's own, so it is emptied unless the host typed
 * a different one; an empty field means the data center's address.
 */
export function changeRegion(
  values: TuyaValues,
  region: TuyaRegion,
  stored: StoredTuya | null,
): TuyaValues {
  const isStoredAddress = values.baseUrl.trim() === (stored?.baseUrl ?? '');
  return { ...values, region, baseUrl: isStoredAddress ? '' : values.baseUrl };
}

/** The `settings:saveTuya` input; an empty secret keeps the stored one. */
export function buildTuyaInput(
  values: TuyaValues,
  stored: StoredTuya | null,
): TuyaBuild {
  const secret = values.accessSecret.trim();
  if (!secret && !canKeepSecret(stored)) {
    return { ok: false, errors: { accessSecret: 'enter the access secret' } };
  }
  const baseUrl = values.baseUrl.trim();
  return {
    ok: true,
    input: {
      accessId: values.accessId,
      region: values.region,
      ...(secret ? { accessSecret: secret } : {}),
      ...(baseUrl ? { baseUrl } : {}),
    },
  };
}

/** "Connected: 3 devices", or why the lock cloud refused, in words. */
export function describeConnectionCheck(check: ConnectionCheckView): string {
  if (!check.ok) return describeError(check.code, check.message);
  const noun = check.deviceCount === 1 ? 'device' : 'devices';
  return `Connected: ${check.deviceCount} ${noun}`;
}
