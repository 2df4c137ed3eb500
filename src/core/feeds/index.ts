export { extractStays } from './extract';
export type { ExtractOptions, ExtractResult } from './extract';
export { fetchFeed } from './fetch';
export type {
  FeedFetchOptions,
  FeedFetchResult,
  FeedValidators,
} from './fetch';
export { readIcal } from './ical';
export { DEFAULT_STAY_RULES, compileStayRules } from './rules';
export type { StayRules, StayRulesOverride } from './rules';
export type {
  FeedContext,
  FeedProblem,
  FeedSkip,
  FeedStay,
  RawEvent,
} from './types';
