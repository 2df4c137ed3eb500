import { readIcal } from './ical';
import { readEvent } from './event';
import { compileStayRules, type StayRulesOverride } from './rules';
import type {
  FeedContext,
  FeedProblem,
  FeedSkip,
  FeedStay,
  RawEvent,
} from './types';

export interface ExtractOptions extends FeedContext {
  /** A host's per-feed rules, layered over the source's defaults. */
  rules?: StayRulesOverride;
}

export interface ExtractResult {
  stays: FeedStay[];
  skipped: FeedSkip[];
  problems: FeedProblem[];
}

/**
 * Reads the stays of an iCalendar feed for one property. Every malformed
 * event is reported in `problems` (with its UID, real or synthetic) and the
 * rest are still returned. With `nowMs` (ms, UTC), stays whose check-out is
 * not after it are skipped as over. Instants are ms, UTC, placed in the
 * property's zone; the machine's zone is never used.
 *
 * Throws LockstepError `feed_invalid` when the text is not a whole calendar,
 * and `invalid_input` when a pattern in `options.rules` is not valid.
 */
export function extractStays(
  text: string,
  options: ExtractOptions,
  nowMs?: number,
): ExtractResult {
  const rules = compileStayRules(options.source, options.rules);
  const read = readIcal(text);
  const result: ExtractResult = { stays: [], skipped: [], problems: [] };
  const firstIndexByUid = new Map<string, number>();

  // LIMITATION: RRULE is not expanded; reservation exports never repeat.
  for (const event of read.events) {
    const outcome = readEvent(event, options, rules);
    if (outcome.kind === 'skip') {
      result.skipped.push({ uid: outcome.uid, reason: outcome.reason });
    } else if (outcome.kind === 'problem') {
      const { uid, field, message } = outcome;
      if (!isReported(read.problems, event, field)) {
        result.problems.push({ uid, index: event.index, field, message });
      }
    } else if (nowMs !== undefined && outcome.stay.checkOutMs <= nowMs) {
      result.skipped.push({
        uid: outcome.stay.uid,
        reason: 'the stay is over',
      });
    } else {
      const { uid } = outcome.stay;
      const firstIndex = firstIndexByUid.get(uid);
      if (firstIndex === undefined) {
        firstIndexByUid.set(uid, event.index);
        result.stays.push(outcome.stay);
      } else {
        const message = `UID repeats event ${firstIndex}; the first is kept`;
        result.problems.push({
          uid,
          index: event.index,
          field: 'UID',
          message,
        });
      }
    }
  }

  // Sorting is stable, so one event's problems keep their reading order.
  result.problems = [...read.problems, ...result.problems].sort(
    (a, b) => a.index - b.index,
  );
  return result;
}

/** A line the reader already rejected need not be reported as missing. */
function isReported(
  problems: FeedProblem[],
  event: RawEvent,
  field: string,
): boolean {
  return problems.some((p) => p.index === event.index && p.field === field);
}
