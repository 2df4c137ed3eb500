import type { LockDeviceView, LockLink } from '../../../../shared';

/** The lock form fields a picked cloud device fills in. */
export interface DeviceFields {
  deviceId: string;
  name: string;
  link: LockLink;
}

/**
 * The fields for a picked device. A name the host already typed is kept. A
 * device behind a gateway is taken as Zigbee (the common case; the host can
 * switch to Bluetooth), anything else as Wi-Fi, since the link decides the
 * PIN length the lock accepts.
 */
export function deviceFields(
  device: LockDeviceView,
  currentName: string,
): DeviceFields {
  return {
    deviceId: device.deviceId,
    name: currentName.trim() ? currentName : device.name,
    link: device.isSubDevice ? 'zigbee' : 'wifi',
  };
}

/** "Front door · offline · via gateway": one line per device in the picker. */
export function deviceLabel(device: LockDeviceView): string {
  const parts = [device.name || device.deviceId];
  parts.push(device.online ? 'online' : 'offline');
  if (device.isSubDevice) parts.push('via gateway');
  return parts.join(' · ');
}
