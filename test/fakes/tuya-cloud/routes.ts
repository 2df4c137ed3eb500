import {
  devicePage,
  deviceInfo,
  deviceStatus,
  type FakeDevice,
} from './devices';
import { passwordView } from './create-body';
import type { FakeDoorLocks } from './door-lock';
import { FAULT } from './fault';

export interface RouteContext {
  devices: Map<string, FakeDevice>;
  doorLocks: FakeDoorLocks;
  nowMs: number;
}

type Handler = (
  ctx: RouteContext,
  device: FakeDevice,
  arg: string,
  body: unknown,
) => unknown;

const DEVICE = '/v1\\.0/devices/([^/?]+)';
const ROUTES: { method: string; pattern: RegExp; handler: Handler }[] = [
  route('GET', `${DEVICE}`, (_c, d) => deviceInfo(d)),
  route('GET', `${DEVICE}/status`, (_c, d) => deviceStatus(d)),
  route('POST', `${DEVICE}/door-lock/password-ticket`, (c, d) =>
    c.doorLocks.issueTicket(d, c.nowMs),
  ),
  route('POST', `${DEVICE}/door-lock/temp-password`, (c, d, _a, body) =>
    c.doorLocks.create(d, body, c.nowMs),
  ),
  route('GET', `${DEVICE}/door-lock/temp-passwords`, (c, d) =>
    c.doorLocks.list(d, c.nowMs).map(passwordView),
  ),
  route('GET', `${DEVICE}/door-lock/temp-password/([^/?]+)`, (c, d, id) =>
    passwordView(c.doorLocks.read(d, id, c.nowMs)),
  ),
  route('DELETE', `${DEVICE}/door-lock/temp-passwords/([^/?]+)`, (c, d, id) => {
    c.doorLocks.delete(d, id);
    return true;
  }),
];

/** Answers one authenticated business call; throws `TuyaFault` on refusal. */
export function routeBusiness(
  ctx: RouteContext,
  method: string,
  rawUrl: string,
  body: unknown,
): unknown {
  const url = new URL(rawUrl, 'http://fake.invalid');
  if (
    method === 'GET' &&
    url.pathname === '/v1.0/iot-01/associated-users/devices'
  ) {
    return devicePage([...ctx.devices.values()], url.searchParams);
  }
  for (const r of ROUTES) {
    const match = r.method === method ? r.pattern.exec(url.pathname) : null;
    if (!match) continue;
    const device = ctx.devices.get(decodeURIComponent(match[1] ?? ''));
    // The cloud answers a device outside the project as a permission error.
    if (!device) throw FAULT.permissionDeny();
    return r.handler(ctx, device, decodeURIComponent(match[2] ?? ''), body);
  }
  throw FAULT.uriInvalid();
}

function route(method: string, path: string, handler: Handler) {
  return { method, pattern: new RegExp(`^${path}$`), handler };
}
