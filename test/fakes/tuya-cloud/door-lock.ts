import type { FakeDevice, FakeLink } from './devices';
import { FAULT } from './fault';
import { readCreateBody } from './create-body';
import { openPin } from './crypto';
import { FakeTickets } from './tickets';

/** One temporary password as the fake keeps it, plain PIN included. */
export interface StoredPassword {
  id: number;
  deviceId: string;
  name: string;
  pin: string;
  effectiveS: number;
  invalidS: number;
  /** 0 deleted, 1 to be sent, 2 sent, 3 frozen. */
  phase: number;
  /** Zigbee only: 1 configuring, 2 ok, 3 failed, 4 exists, 5 full, 6 overlap. */
  deliveryStatus?: number;
  /** Whether the physical lock would open with it (inside its window). */
  isOnDoor: boolean;
  /** Deleted while a Wi-Fi lock slept: leaves the door when it wakes. */
  isLeavingOnWake: boolean;
  reads: number;
  createdAtMs: number;
}

export interface DoorLockOptions {
  secret: string;
  ticketTtlS: number;
  zigbeeReadsToConfirm: number;
  zigbeeConfirmMs: number;
}

const PIN_LENGTH: Record<FakeLink, number> = {
  wifi: 7,
  zigbee: 6,
  bluetooth: 6,
};
const OUTCOME_STATUS = {
  success: 2,
  failed: 3,
  storage_full: 5,
  overlapping: 6,
};

/** Tickets and temporary passwords of every fake lock. */
export class FakeDoorLocks {
  readonly passwords: StoredPassword[] = [];
  private readonly tickets: FakeTickets;
  private nextId = 1000;

  constructor(private readonly options: DoorLockOptions) {
    this.tickets = new FakeTickets(options.secret, options.ticketTtlS);
  }

  issueTicket(device: FakeDevice, nowMs: number): Record<string, unknown> {
    if (!device.online) throw FAULT.deviceOffline();
    return this.tickets.issue(device.id, nowMs);
  }

  create(
    device: FakeDevice,
    body: unknown,
    nowMs: number,
  ): Record<string, unknown> {
    if (!device.online) throw FAULT.deviceOffline();
    const fields = readCreateBody(body);
    const key = this.tickets.use(fields.ticketId, device.id, nowMs);
    const pin = openPin(fields.password, key);
    if (pin === null) throw FAULT.paramRange('password does not decrypt');
    const length = PIN_LENGTH[device.link];
    if (!new RegExp(`^\\d{${length}}$`).test(pin)) {
      throw FAULT.paramRange(`password must be ${length} digits on this lock`);
    }

    const isDirect =
      device.link === 'bluetooth' || (device.link === 'wifi' && !device.asleep);
    const stored: StoredPassword = {
      id: (this.nextId += 1),
      deviceId: device.id,
      name: fields.name,
      pin,
      effectiveS: fields.effectiveS,
      invalidS: fields.invalidS,
      phase: isDirect ? 2 : 1,
      isOnDoor: isDirect,
      isLeavingOnWake: false,
      reads: 0,
      createdAtMs: nowMs,
      ...(device.link === 'zigbee' ? { deliveryStatus: 1 } : {}),
    };
    this.passwords.push(stored);
    return { id: stored.id };
  }

  /** Finds a password for a read-back, moving Zigbee delivery along. */
  read(device: FakeDevice, id: string, nowMs: number): StoredPassword {
    const found = this.find(device.id, id);
    this.progress(device, found, nowMs);
    return found;
  }

  list(device: FakeDevice, nowMs: number): StoredPassword[] {
    const mine = this.passwords.filter((p) => p.deviceId === device.id);
    for (const password of mine) this.progress(device, password, nowMs);
    return mine;
  }

  delete(device: FakeDevice, id: string): void {
    if (!device.online) throw FAULT.deviceOffline();
    const found = this.find(device.id, id);
    if (found.phase === 0) throw FAULT.dataNotExist();
    found.phase = 0;
    if (device.link === 'wifi' && device.asleep && found.isOnDoor) {
      found.isLeavingOnWake = true;
    } else {
      found.isOnDoor = false;
    }
  }

  /** A Wi-Fi lock woke: it takes pending PINs and drops deleted ones. */
  wake(device: FakeDevice): void {
    for (const p of this.passwords.filter((x) => x.deviceId === device.id)) {
      if (p.phase === 1) Object.assign(p, { phase: 2, isOnDoor: true });
      if (p.isLeavingOnWake)
        Object.assign(p, { isOnDoor: false, isLeavingOnWake: false });
    }
  }

  private find(deviceId: string, id: string): StoredPassword {
    const found = this.passwords.find(
      (p) => p.deviceId === deviceId && String(p.id) === id,
    );
    if (!found) throw FAULT.dataNotExist();
    return found;
  }

  private progress(device: FakeDevice, p: StoredPassword, nowMs: number): void {
    p.reads += 1;
    if (p.deliveryStatus !== 1 || p.phase === 0) return;
    const isDue =
      p.reads >= this.options.zigbeeReadsToConfirm ||
      nowMs - p.createdAtMs >= this.options.zigbeeConfirmMs;
    if (!isDue) return;
    const isDuplicate = this.passwords.some(
      (other) =>
        other !== p &&
        other.deviceId === p.deviceId &&
        other.isOnDoor &&
        other.pin === p.pin,
    );
    p.deliveryStatus = isDuplicate ? 4 : OUTCOME_STATUS[device.zigbeeOutcome];
    if (p.deliveryStatus === 2) Object.assign(p, { phase: 2, isOnDoor: true });
  }
}
