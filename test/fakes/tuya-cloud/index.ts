import { randomBytes } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFakeClock, type FakeClock } from './clock';
import { toDevice, type FakeDevice, type FakeDeviceInput } from './devices';
import { FakeDoorLocks } from './door-lock';
import { FailurePlan, type FailNextOptions } from './failures';
import { handleRequest } from './server';
import type { FakeState, LoggedRequest } from './state';
import { FakeTokens } from './tokens';

export type { FakeClock } from './clock';
export type { FakeDeviceInput } from './devices';
export type { FailKind, FailNextOptions } from './failures';
export type { LoggedRequest } from './state';

export interface FakeTuyaCloudOptions {
  /** Port on 127.0.0.1; default 0 (the OS picks a free one). */
  port?: number;
  accessId?: string;
  /** 32 characters; random when omitted. */
  accessSecret?: string;
  /** Fake clock start, ms since the epoch; default now. */
  startMs?: number;
  /** Access token lifetime in seconds; default 7200 like the cloud. */
  tokenTtlS?: number;
  /** Password ticket lifetime in seconds; default 300. */
  ticketTtlS?: number;
  /** Largest accepted difference between `t` and the fake clock; 5 min. */
  maxSkewMs?: number;
  /** Zigbee PINs confirm on this read-back (1-based); default 2. */
  zigbeeReadsToConfirm?: number;
  /** ...or once this much fake time has passed since creation; 20 s. */
  zigbeeConfirmMs?: number;
}

/** A PIN the physical lock would open with, and its window in seconds. */
export interface DoorPin {
  passwordId: string;
  name: string;
  pin: string;
  validFromS: number;
  validToS: number;
}

export interface FakeTuyaCloud {
  baseUrl: string;
  accessId: string;
  accessSecret: string;
  clock: FakeClock;
  addDevice(input: FakeDeviceInput): void;
  setOnline(deviceId: string, isOnline: boolean): void;
  /** A sleeping Wi-Fi lock wakes: pending PINs arrive, deleted ones leave. */
  wake(deviceId: string): void;
  sleep(deviceId: string): void;
  /** PINs the lock itself holds now (not what the cloud says). */
  pins(deviceId: string): DoorPin[];
  /** Whether `pin` opens the door at `atMs` (ms since the epoch). */
  wouldOpen(deviceId: string, pin: string, atMs: number): boolean;
  failNext(options: FailNextOptions): void;
  readonly tokenRequests: number;
  readonly requests: readonly LoggedRequest[];
  close(): Promise<void>;
}

/**
 * Starts a local Tuya OpenAPI cloud on 127.0.0.1 (port chosen by the OS)
 * that checks signatures, time, tokens and tickets like the real one and
 * simulates Wi-Fi, Zigbee and Bluetooth locks.
 */
export async function startFakeTuyaCloud(
  options: FakeTuyaCloudOptions = {},
): Promise<FakeTuyaCloud> {
  const accessSecret = options.accessSecret ?? randomBytes(16).toString('hex');
  const state: FakeState = {
    accessId: options.accessId ?? `fake${randomBytes(8).toString('hex')}`,
    accessSecret,
    uid: `ay${randomBytes(8).toString('hex')}`,
    maxSkewMs: options.maxSkewMs ?? 5 * 60_000,
    clock: createFakeClock(options.startMs),
    tokens: new FakeTokens(options.tokenTtlS ?? 7200),
    devices: new Map(),
    doorLocks: new FakeDoorLocks({
      secret: accessSecret,
      ticketTtlS: options.ticketTtlS ?? 300,
      zigbeeReadsToConfirm: options.zigbeeReadsToConfirm ?? 2,
      zigbeeConfirmMs: options.zigbeeConfirmMs ?? 20_000,
    }),
    failures: new FailurePlan(),
    requests: [],
    tokenRequests: 0,
  };

  const server = createServer((req, res) => {
    handleRequest(state, req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  await new Promise<void>((resolve) =>
    server.listen(options.port ?? 0, '127.0.0.1', resolve),
  );
  const { port } = server.address() as AddressInfo;
  let closing: Promise<void> | null = null;

  const device = (id: string): FakeDevice => {
    const found = state.devices.get(id);
    if (!found) throw new Error(`fake tuya: no device ${id}`);
    return found;
  };
  const doorPins = (id: string): DoorPin[] =>
    state.doorLocks.passwords
      .filter((p) => p.deviceId === id && p.isOnDoor)
      .map((p) => ({
        passwordId: String(p.id),
        name: p.name,
        pin: p.pin,
        validFromS: p.effectiveS,
        validToS: p.invalidS,
      }));

  return {
    baseUrl: `http://127.0.0.1:${port}`,
    accessId: state.accessId,
    accessSecret,
    clock: state.clock,
    addDevice: (input) => void state.devices.set(input.id, toDevice(input)),
    setOnline: (id, isOnline) => void (device(id).online = isOnline),
    wake: (id) => {
      device(id).asleep = false;
      state.doorLocks.wake(device(id));
    },
    sleep: (id) => void (device(id).asleep = device(id).link === 'wifi'),
    pins: doorPins,
    wouldOpen: (id, pin, atMs) =>
      doorPins(id).some(
        (p) =>
          p.pin === pin &&
          p.validFromS * 1000 <= atMs &&
          atMs < p.validToS * 1000,
      ),
    failNext: (failure) => state.failures.add(failure),
    get tokenRequests() {
      return state.tokenRequests;
    },
    get requests() {
      return state.requests;
    },
    close: () =>
      (closing ??= new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      })),
  };
}
