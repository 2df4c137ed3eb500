import { z } from 'zod';

/** Tuya cloud settings, the connection check and the device picker. */

export const TUYA_REGION_NAMES = [
  'us-west',
  'us-east',
  'eu-central',
  'eu-west',
  'china',
  'india',
] as const;

export const tuyaSettingsInputSchema = z.object({
  accessId: z.string().trim().min(1, 'access ID is required').max(64),
  /** Omitted keeps the stored secret; it is never sent back to the panel. */
  accessSecret: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9]{32}$/, 'Tuya access secrets are 32 letters and digits')
    .optional(),
  region: z.enum(TUYA_REGION_NAMES).default('us-west'),
  /** Overrides the region's address (a proxy, or a local test cloud). */
  baseUrl: z
    .string()
    .url()
    .refine((v) => /^https?:\/\//i.test(v), 'use an http(s) address')
    .optional(),
});
export type TuyaSettingsInput = z.input<typeof tuyaSettingsInputSchema>;

export interface SettingsView {
  tuya: {
    accessId: string;
    region: (typeof TUYA_REGION_NAMES)[number];
    baseUrl: string;
    hasSecret: boolean;
    /** Where the credentials come from; a config file cannot be edited here. */
    origin: 'panel' | 'config';
  } | null;
  isDemoMode: boolean;
}

export type ConnectionCheckView =
  | { ok: true; deviceCount: number }
  | { ok: false; code: string; message: string };

export interface LockDeviceView {
  deviceId: string;
  name: string;
  category: string;
  online: boolean;
  /** Behind a gateway: Zigbee or Bluetooth, so 6-digit PINs. */
  isSubDevice: boolean;
}
