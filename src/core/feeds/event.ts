import { createHash } from 'node:crypto';
import { formatInZone } from '../time/zone';
import { icalTimeToMs, nextDay, parseIcalTime, type IcalTime } from './dates';
import { readGuest } from './guest';
import { unescapeText } from './ical-lines';
import { skipReason, type CompiledStayRules } from './rules';
import type { FeedContext, FeedStay, RawEvent } from './types';

export type EventOutcome =
  | { kind: 'stay'; stay: FeedStay }
  | { kind: 'skip'; uid: string; reason: string }
  | { kind: 'problem'; uid: string; field: string; message: string };

/**
 * Turns one VEVENT into a stay, a skip or a problem. Blocks and cancelled
 * events are skipped before their dates are read, so a block with odd dates
 * is not reported. Instants are ms, UTC, placed in `context.timeZone`.
 */
export function readEvent(
  event: RawEvent,
  context: FeedContext,
  rules: CompiledStayRules,
): EventOutcome {
  const text = (name: string) => unescapeText(valueOf(event, name) ?? '');
  const summary = text('SUMMARY').trim();
  const uid = event.uid ?? syntheticUid(event, summary);
  const fail = (field: string, message: string): EventOutcome => ({
    kind: 'problem',
    uid,
    field,
    message,
  });

  if (text('STATUS').trim().toUpperCase() === 'CANCELLED') {
    return { kind: 'skip', uid, reason: 'cancelled in the feed' };
  }
  const reason = skipReason(summary, rules);
  if (reason !== null) return { kind: 'skip', uid, reason };

  const start = readTime(event, 'DTSTART');
  if (typeof start === 'string') return fail('DTSTART', start);
  // LIMITATION: DURATION is not read; the platform exports all write DTEND.
  // RFC 5545: an all-day event without DTEND lasts one day, so one night.
  const end = readTime(event, 'DTEND', start);
  if (typeof end === 'string') return fail('DTEND', end);

  const { timeZone } = context;
  const checkInMs = icalTimeToMs(start, timeZone, context.checkInTime);
  const checkOutMs = icalTimeToMs(end, timeZone, context.checkOutTime);
  if (checkOutMs <= checkInMs) {
    const from = formatInZone(checkInMs, timeZone);
    const to = formatInZone(checkOutMs, timeZone);
    return fail('DTEND', `check-out ${to} is not after check-in ${from}`);
  }

  const isAllDay = start.kind === 'date' && end.kind === 'date';
  const guest = readGuest(summary, text('DESCRIPTION'), rules);
  const stay = { uid, summary, ...guest, checkInMs, checkOutMs, isAllDay };
  return { kind: 'stay', stay };
}

function readTime(
  event: RawEvent,
  name: 'DTSTART' | 'DTEND',
  start?: IcalTime,
): IcalTime | string {
  const property = event.properties.find((p) => p.name === name);
  if (property) return parseIcalTime(property);
  if (start?.kind === 'date') {
    return { kind: 'date', date: nextDay(start.date) };
  }
  return name === 'DTSTART'
    ? 'the event has no DTSTART'
    : 'the event has a start time but no DTEND';
}

function valueOf(event: RawEvent, name: string): string | undefined {
  return event.properties.find((p) => p.name === name)?.value;
}

/** Stable across fetches as long as the event's dates and summary are. */
function syntheticUid(event: RawEvent, summary: string): string {
  const hash = createHash('sha256')
    .update(`${valueOf(event, 'DTSTART') ?? ''}|`)
    .update(`${valueOf(event, 'DTEND') ?? ''}|${summary}`)
    .digest('hex');
  return `nouid-${hash.slice(0, 24)}`;
}
