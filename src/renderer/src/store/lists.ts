import type {
  AppInfo,
  AuditEntryView,
  CallResult,
  Channel,
  ChangeTopic,
  FeedView,
  JobsView,
  LockstepApi,
  LockView,
  ProblemView,
  Property,
  ReservationView,
  WebhookEventView,
} from '../../../shared';

/** Everything the panel shows, each read by one list channel. */
export interface Lists {
  info: AppInfo | null;
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
 * deliveries show up as reservation changes or problems.
 */
export function keysForTopics(topics: ChangeTopic[]): ListKey[] {
  if (topics.length === 0) return [];
  const keys = new Set<ListKey>([...topics, 'audit']);
  if (keys.has('reservations') || keys.has('problems')) keys.add('webhooks');
  return [...keys];
}

/**
 * The lists a successful call changes, read again at once so the panel does
 * not depend on the push arriving (it may be down in serve mode). Channels
 * not named here change nothing the panel lists.
 */
export const AFFECTS: Partial<Record<Channel, ListKey[]>> = {
  'properties:save': ['properties', 'reservations', 'jobs', 'audit'],
  'properties:remove': [
    'properties',
    'locks',
    'feeds',
    'reservations',
    'audit',
  ],
  'locks:save': ['locks', 'reservations', 'jobs', 'audit'],
  'locks:remove': ['locks', 'reservations', 'jobs', 'audit'],
  'feeds:save': ['feeds', 'audit'],
  'feeds:remove': ['feeds', 'audit'],
  'feeds:sync': ['feeds', 'reservations', 'jobs', 'problems', 'audit'],
  'reservations:addWalkIn': ['reservations', 'jobs', 'audit'],
  'reservations:cancel': ['reservations', 'jobs', 'audit'],
  'jobs:runNow': ['jobs', 'reservations', 'audit'],
  'jobs:retry': ['jobs', 'reservations', 'problems', 'audit'],
  'jobs:cancel': ['jobs', 'reservations', 'audit'],
  'pins:reveal': ['audit'],
  'reconcile:apply': ['reservations', 'jobs', 'locks', 'problems', 'audit'],
  'webhooks:map': ['webhooks', 'reservations', 'jobs', 'problems', 'audit'],
};
