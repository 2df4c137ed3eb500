import { LockstepError } from '../errors';
import { parseContentLine, unfoldLines, type LineError } from './ical-lines';
import type { FeedProblem, RawEvent } from './types';

export interface IcalReadResult {
  events: RawEvent[];
  problems: FeedProblem[];
}

interface OpenEvent {
  event: RawEvent;
  errors: LineError[];
}

/**
 * Reads the VEVENTs of an iCalendar text. Bodies of other components
 * (VTIMEZONE, VALARM, ...) are skipped, including ones nested in an event.
 * A bad line inside an event is dropped and reported; the event is kept. An
 * event that is never closed is reported and dropped.
 *
 * Throws LockstepError `feed_invalid` when the text is not a calendar at all,
 * or when it stops before END:VCALENDAR: a cut-off download would otherwise
 * look like a feed whose later stays were all cancelled.
 */
export function readIcal(text: string): IcalReadResult {
  const lines = unfoldLines(text);
  assertCalendarStart(lines[0]);
  const result: IcalReadResult = { events: [], problems: [] };
  const stack: string[] = [];
  let open: OpenEvent | undefined;
  let index = 0;

  const finish = (isClosed: boolean): void => {
    if (!open) return;
    const { event, errors } = open;
    if (!isClosed) errors.push({ field: 'END', message: 'no END:VEVENT' });
    result.problems.push(...errors.map((e) => problemFor(event, e)));
    if (isClosed) result.events.push(event);
    open = undefined;
  };

  for (const line of lines) {
    const parsed = parseContentLine(line);
    const isInEvent = open !== undefined && stack.length === 2;
    if ('message' in parsed) {
      if (isInEvent) open?.errors.push(parsed);
      continue;
    }
    const component = parsed.value.trim().toUpperCase();
    if (parsed.name === 'BEGIN') {
      if (component === 'VEVENT' && stack.length <= 2) {
        finish(false);
        stack.length = 1;
        open = { event: { index: index++, properties: [] }, errors: [] };
      }
      stack.push(component);
    } else if (parsed.name === 'END') {
      const at = stack.lastIndexOf(component);
      if (at === -1) continue;
      stack.length = at;
      if (stack.length < 2) finish(at === 1 && component === 'VEVENT');
      if (stack.length === 0) return result;
    } else if (isInEvent && open) {
      open.event.properties.push(parsed);
      if (parsed.name === 'UID' && open.event.uid === undefined) {
        const uid = parsed.value.trim();
        if (uid !== '') open.event.uid = uid;
      }
    }
  }

  throw new LockstepError(
    'feed_invalid',
    'The calendar ends before END:VCALENDAR, so the download looks cut off.',
  );
}

function assertCalendarStart(first: string | undefined): void {
  if (first?.trim().toUpperCase() === 'BEGIN:VCALENDAR') return;
  // The content itself is not quoted: a mistyped path may point at any file.
  const seen =
    first === undefined
      ? 'the text is empty'
      : /^\s*</.test(first)
        ? 'it looks like a web page'
        : 'it begins with something else';
  throw new LockstepError(
    'feed_invalid',
    `Expected the text to begin with BEGIN:VCALENDAR, but ${seen}.`,
  );
}

function problemFor(event: RawEvent, error: LineError): FeedProblem {
  const uid = event.uid === undefined ? {} : { uid: event.uid };
  return { ...uid, index: event.index, ...error };
}
