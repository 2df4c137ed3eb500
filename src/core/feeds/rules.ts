import type { FeedSource } from '../../shared';
import { LockstepError } from '../errors';

/**
 * Which events of a feed are stays, decided on the trimmed SUMMARY. Patterns
 * are case-insensitive regular expressions. `stay` is checked before `skip`;
 * an event matching neither is `otherwise`.
 */
export interface StayRules {
  stay: readonly string[];
  skip: readonly string[];
  otherwise: 'stay' | 'skip';
  /** A pattern whose first capture group is the guest's name in SUMMARY. */
  guestName?: string;
}

/** A host's per-feed rules; its patterns are checked before the defaults. */
export type StayRulesOverride = Partial<StayRules>;

const BLOCKED_WORDS = ['blocked', 'not available', 'unavailable', 'closed'];

/**
 * Defaults per source. Unknown summaries count as stays: a reservation that
 * a platform starts labelling differently must not leave a guest outside.
 */
export const DEFAULT_STAY_RULES: Readonly<Record<FeedSource, StayRules>> = {
  airbnb: { stay: ['^reserved$'], skip: ['not available'], otherwise: 'stay' },
  vrbo: {
    stay: ['^reserved\\b'],
    skip: ['^blocked\\b'],
    otherwise: 'stay',
    guestName: '^reserved\\s*-\\s*(.+)$',
  },
  // LIMITATION: Booking.com labels bookings and host-closed dates alike, so
  // its closed dates are read as stays too; the export offers nothing else.
  booking: { stay: ['^closed - not available$'], skip: [], otherwise: 'stay' },
  other: { stay: [], skip: BLOCKED_WORDS, otherwise: 'stay' },
};

interface Matcher {
  pattern: string;
  regex: RegExp;
  isStay: boolean;
}

/** Rules ready to apply; build with `compileStayRules`. */
export interface CompiledStayRules {
  matchers: readonly Matcher[];
  otherwise: 'stay' | 'skip';
  guestName?: RegExp;
}

/**
 * Layers a host's override over the source's defaults. Throws LockstepError
 * `invalid_input` naming each pattern that is not a valid expression.
 */
export function compileStayRules(
  source: FeedSource,
  override: StayRulesOverride = {},
): CompiledStayRules {
  const base = DEFAULT_STAY_RULES[source];
  const problems: { field: string; message: string }[] = [];
  const compile = (field: string, pattern: string): RegExp => {
    try {
      return new RegExp(pattern, 'i');
    } catch (e) {
      problems.push({ field, message: (e as Error).message });
      return /(?!)/;
    }
  };
  const matchers = (field: 'stay' | 'skip', list: readonly string[] = []) =>
    list.map((pattern, i) => ({
      pattern,
      regex: compile(`${field}.${i}`, pattern),
      isStay: field === 'stay',
    }));

  const guestName = override.guestName ?? base.guestName;
  const compiled: CompiledStayRules = {
    matchers: [
      ...matchers('stay', override.stay),
      ...matchers('skip', override.skip),
      ...matchers('stay', base.stay),
      ...matchers('skip', base.skip),
    ],
    otherwise: override.otherwise ?? base.otherwise,
    ...(guestName ? { guestName: compile('guestName', guestName) } : {}),
  };
  if (problems.length > 0) {
    const message = 'A stay rule is not a valid pattern.';
    throw new LockstepError('invalid_input', message, { fields: problems });
  }
  return compiled;
}

/** Null when the summary is a stay, else the reason it is skipped. */
export function skipReason(
  summary: string,
  rules: CompiledStayRules,
): string | null {
  const text = summary.trim();
  const hit = rules.matchers.find((m) => m.regex.test(text));
  if (hit) return hit.isStay ? null : `"${text}" matches "${hit.pattern}"`;
  return rules.otherwise === 'stay' ? null : `"${text}" matches no stay rule`;
}
