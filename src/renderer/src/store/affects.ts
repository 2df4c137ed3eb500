import type { Channel } from '../../../shared';
import type { ListKey } from './lists';

/**
 * The lists a successful call changes, read again at once so the panel does
 * not depend on the push arriving (it may be down in serve mode). Channels
 * not named here change nothing the panel lists: the connection test and the
 * device list only read the lock cloud.
 */
export const AFFECTS: Partial<Record<Channel, ListKey[]>> = {
  // New credentials can end demo mode and change which locks are simulated.
  'settings:saveTuya': ['settings', 'info', 'locks', 'reservations', 'audit'],
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
