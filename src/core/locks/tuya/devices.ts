import type { LockHealth } from '../provider';
import type { TuyaClient } from './client';
import {
  deviceSchema,
  devicePageSchema,
  parseReply,
  statusSchema,
} from './wire';

/** One device the Tuya project can reach, for the lock picker. */
export interface TuyaDevice {
  deviceId: string;
  name: string;
  /** Tuya product category, e.g. `ms` or `jtmspro` for door locks. */
  category: string;
  online: boolean;
  /** True for devices behind a gateway (Zigbee, Bluetooth). */
  isSubDevice: boolean;
}

const PAGE_SIZE = 50;
// LIMITATION: stops after 20 pages (1 000 devices); a host with more must type the device id.
const MAX_PAGES = 20;

/** Coarse levels some locks report instead of a percentage. */
const BATTERY_LEVELS: Record<string, number> = {
  high: 100,
  middle: 50,
  low: 15,
  poweroff: 0,
};

/** Online state, name and battery of one device. */
export async function readHealth(
  client: TuyaClient,
  deviceId: string,
): Promise<LockHealth> {
  const id = encodeURIComponent(deviceId);
  const [info, status] = await Promise.all([
    client.request('GET', `/v1.0/devices/${id}`),
    client.request('GET', `/v1.0/devices/${id}/status`),
  ]);
  const device = parseReply(deviceSchema, info, 'device');
  const values = new Map(
    parseReply(statusSchema, status, 'status').map((s) => [s.code, s.value]),
  );
  return {
    online: device.online,
    batteryPercent: batteryPercent(values),
    name: device.name,
  };
}

function batteryPercent(values: Map<string, unknown>): number | null {
  const percent = values.get('residual_electricity');
  if (typeof percent === 'number') return Math.max(0, Math.min(100, percent));
  const level = values.get('battery_state');
  if (typeof level === 'string') return BATTERY_LEVELS[level] ?? null;
  return null;
}

/**
 * Every device of the project's linked app accounts, through
 * `GET /v1.0/iot-01/associated-users/devices` (paged by `last_row_key`).
 */
export async function listProjectDevices(
  client: TuyaClient,
): Promise<TuyaDevice[]> {
  const devices: TuyaDevice[] = [];
  let rowKey = '';
  for (let page = 0; page < MAX_PAGES; page += 1) {
    const query = `size=${PAGE_SIZE}&last_row_key=${encodeURIComponent(rowKey)}`;
    const reply = await client.request(
      'GET',
      `/v1.0/iot-01/associated-users/devices?${query}`,
    );
    const parsed = parseReply(devicePageSchema, reply, 'device list');
    for (const d of parsed.devices) {
      devices.push({
        deviceId: d.id,
        name: d.name,
        category: d.category,
        online: d.online,
        isSubDevice: d.sub ?? false,
      });
    }
    if (!parsed.has_more || !parsed.last_row_key) break;
    rowKey = parsed.last_row_key;
  }
  return devices;
}
