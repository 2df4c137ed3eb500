import type {
  AppInfo,
  AuditEntryView,
  CallResult,
  ChangeTopic,
  FeedView,
  JobsView,
  LockstepApi,
  LockView,
  ProblemView,
  Property,
  ReservationView,
  SettingsView,
  WebhookEventView,
} from '../../../shared';

/** Everything the panel shows, each read by one list channel. */
export interface Lists {
  info: AppInfo | null;
  /** Lock cloud credentials as the core shows them (never the secret). */
  settings: SettingsView | null;
  properties: Property[];
  locks: LockView[];
  feeds: FeedView[];
  reservations: ReservationView[];
  jobs: JobsView;
  problems: ProblemView[];
  audit: AuditEntryView[];
  webhooks: WebhookEventView[];
}
export type ListKey = keyof Lists;

export const LIST_KEYS: ListKey[] = [
  'info',
  'settings',
  'properties',
  'locks',
  'feeds',
  'reservations',
  'jobs',
  'problems',
  'audit',
  'webhooks',
];

export const EMPTY_LISTS: Lists = {
  info: null,
  settings: null,
  properties: [],
  locks: [],
  feeds: [],
  reservations: [],
  jobs: {
    counts: { delayed: 0, waiting: 0, active: 0, completed: 0, failed: 0 },
    jobs: [],
  },
  problems: [],
  audit: [],
  webhooks: [],
};

type Loaders = {
  [K in ListKey]: (api: LockstepApi) => Promise<CallResult<Lists[K]>>;
};

export const LOADERS: Loaders = {
  info: (api) => api['app:info']({}),
  settings: (api) => api['settings:get']({}),
  properties: (api) => api['properties:list']({}),
  locks: (api) => api['locks:list']({}),
  feeds: (api) => api['feeds:list']({}),
  reservations: (api) => api['reservations:list']({}),
  jobs: (api) => api['jobs:list']({}),
  problems: (api) => api['problems:list']({}),
  audit: (api) => api['audit:list']({}),
  webhooks: (api) => api['webhooks:list']({}),
};

/**
 * The lists to read again after a pushed change. The audit log has no topic
 * of its own: anything that changes also writes an audit entry. Webhook
 * deliveries show up as reservation changes or problems. Demo mode lives in
 * the app info and follows the lock cloud credentials.
 */
export function keysForTopics(topics: ChangeTopic[]): ListKey[] {
  if (topics.length === 0) return [];
  const keys = new Set<ListKey>([...topics, 'audit']);
  if (keys.has('reservations') || keys.has('problems')) keys.add('webhooks');
  if (keys.has('settings')) keys.add('info');
  return [...keys];
}
