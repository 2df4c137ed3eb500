import { FAULT } from './fault';

export type FakeLink = 'wifi' | 'zigbee' | 'bluetooth';
export type BatteryLevel = 'high' | 'middle' | 'low' | 'poweroff';
export type ZigbeeOutcome =
  'success' | 'failed' | 'storage_full' | 'overlapping';

export interface FakeDeviceInput {
  id: string;
  name: string;
  link: FakeLink;
  /** Default true. */
  online?: boolean;
  /** A percentage (reported as residual_electricity) or a coarse level. */
  battery?: number | BatteryLevel;
  /** Wi-Fi only; default true: PINs wait in phase 1 until `wake`. */
  asleep?: boolean;
  /** Zigbee only: how delivery ends; default success. */
  zigbeeOutcome?: ZigbeeOutcome;
  /** Tuya category; default `jtmspro` (residential lock). */
  category?: string;
}

export interface FakeDevice {
  id: string;
  name: string;
  link: FakeLink;
  online: boolean;
  battery: number | BatteryLevel;
  asleep: boolean;
  zigbeeOutcome: ZigbeeOutcome;
  category: string;
}

export function toDevice(input: FakeDeviceInput): FakeDevice {
  return {
    id: input.id,
    name: input.name,
    link: input.link,
    online: input.online ?? true,
    battery: input.battery ?? 80,
    asleep: input.link === 'wifi' && (input.asleep ?? true),
    zigbeeOutcome: input.zigbeeOutcome ?? 'success',
    category: input.category ?? 'jtmspro',
  };
}

/** `GET /v1.0/devices/{id}` result. */
export function deviceInfo(device: FakeDevice): Record<string, unknown> {
  return {
    id: device.id,
    name: device.name,
    online: device.online,
    category: device.category,
    sub: device.link !== 'wifi',
    product_name: `${device.link} door lock`,
  };
}

/** `GET /v1.0/devices/{id}/status` result. */
export function deviceStatus(device: FakeDevice): Record<string, unknown>[] {
  const battery =
    typeof device.battery === 'number'
      ? { code: 'residual_electricity', value: device.battery }
      : { code: 'battery_state', value: device.battery };
  return [battery, { code: 'lock_motor_state', value: false }];
}

/** One page of `GET /v1.0/iot-01/associated-users/devices`. */
export function devicePage(
  devices: FakeDevice[],
  query: URLSearchParams,
): Record<string, unknown> {
  const size = Number(query.get('size') ?? '20');
  if (!Number.isInteger(size) || size < 1 || size > 100) {
    throw FAULT.paramRange('size must be 1 to 100');
  }
  const after = query.get('last_row_key') ?? '';
  const start = after === '' ? 0 : devices.findIndex((d) => d.id === after) + 1;
  const page = devices.slice(start, start + size);
  const hasMore = start + size < devices.length;
  return {
    devices: page.map(deviceInfo),
    has_more: hasMore,
    last_row_key: page.at(-1)?.id ?? '',
    total: devices.length,
  };
}
