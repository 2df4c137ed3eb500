import { z } from 'zod';
import {
  feedInputSchema,
  idSchema,
  lockInputSchema,
  pmsMappingInputSchema,
  propertyInputSchema,
  tuyaSettingsInputSchema,
  walkInInputSchema,
  type AppInfo,
  type AuditEntryView,
  type ConnectionCheckView,
  type LockDeviceView,
  type SettingsView,
  type ChangeTopic,
  type Feed,
  type FeedView,
  type ImportSummary,
  type JobsView,
  type Lock,
  type LockView,
  type ProblemView,
  type ReconcilePlan,
  type Property,
  type ReservationView,
  type WebhookEventView,
} from './domain';
import type { CallResult } from './result';

/**
 * The one contract between the panel and the core. Electron IPC, the preload
 * API and the HTTP routes of serve mode are all derived from this map, so a
 * channel added here is a compile error until every side handles it.
 */
const none = z.object({}).strict();
const byId = z.object({ id: idSchema }).strict();
const jobRef = z
  .object({
    queue: z.enum(['pin-create', 'pin-revoke']),
    id: z.string().min(1).max(200),
  })
  .strict();
const pinRef = z.object({ reservationId: idSchema, lockId: idSchema }).strict();

function channel<I extends z.ZodType, O>(input: I) {
  return { input, output: undefined as unknown as O };
}

export const contract = {
  'app:info': channel<typeof none, AppInfo>(none),
  'settings:get': channel<typeof none, SettingsView>(none),
  'settings:saveTuya': channel<typeof tuyaSettingsInputSchema, SettingsView>(
    tuyaSettingsInputSchema,
  ),
  'settings:testTuya': channel<typeof none, ConnectionCheckView>(none),
  'locks:devices': channel<typeof none, LockDeviceView[]>(none),
  'properties:list': channel<typeof none, Property[]>(none),
  'properties:save': channel<typeof propertyInputSchema, Property>(
    propertyInputSchema,
  ),
  'properties:remove': channel<typeof byId, null>(byId),
  'locks:list': channel<typeof none, LockView[]>(none),
  'locks:save': channel<typeof lockInputSchema, Lock>(lockInputSchema),
  'locks:remove': channel<typeof byId, null>(byId),
  'feeds:list': channel<typeof none, FeedView[]>(none),
  'feeds:save': channel<typeof feedInputSchema, Feed>(feedInputSchema),
  'feeds:remove': channel<typeof byId, null>(byId),
  'feeds:sync': channel<typeof byId, ImportSummary>(byId),
  'reservations:list': channel<typeof none, ReservationView[]>(none),
  'reservations:addWalkIn': channel<typeof walkInInputSchema, ReservationView>(
    walkInInputSchema,
  ),
  'reservations:cancel': channel<typeof byId, ReservationView>(byId),
  'jobs:list': channel<typeof none, JobsView>(none),
  'jobs:runNow': channel<typeof jobRef, null>(jobRef),
  'jobs:retry': channel<typeof jobRef, null>(jobRef),
  'jobs:cancel': channel<typeof jobRef, null>(jobRef),
  'pins:reveal': channel<typeof pinRef, { pin: string }>(pinRef),
  'problems:list': channel<typeof none, ProblemView[]>(none),
  'audit:list': channel<typeof none, AuditEntryView[]>(none),
  'reconcile:plan': channel<typeof none, ReconcilePlan>(none),
  'reconcile:apply': channel<typeof none, ReconcilePlan>(none),
  'webhooks:list': channel<typeof none, WebhookEventView[]>(none),
  'webhooks:map': channel<typeof pmsMappingInputSchema, { replayed: number }>(
    pmsMappingInputSchema,
  ),
} as const;

export type Contract = typeof contract;
export type Channel = keyof Contract;
export const CHANNELS = Object.keys(contract) as Channel[];

export type ChannelInput<C extends Channel> = z.input<Contract[C]['input']>;
export type ChannelParsedInput<C extends Channel> = z.output<
  Contract[C]['input']
>;
export type ChannelOutput<C extends Channel> = Contract[C]['output'];

/** What the renderer calls; the preload and the HTTP client both provide it. */
export type LockstepApi = {
  [C in Channel]: (
    input: ChannelInput<C>,
  ) => Promise<CallResult<ChannelOutput<C>>>;
} & {
  /** Calls `listener` whenever a topic changes; returns its unsubscribe. */
  onChange(listener: (topics: ChangeTopic[]) => void): () => void;
};

/** The core implements every channel with already-parsed input. */
export type LockstepHandlers = {
  [C in Channel]: (input: ChannelParsedInput<C>) => Promise<ChannelOutput<C>>;
};

/** IPC channel names; the change push has one of its own. */
export const CHANGE_EVENT_CHANNEL = 'lockstep:changed';
export function ipcChannelName(c: Channel): string {
  return `lockstep:${c}`;
}
