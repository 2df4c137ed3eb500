import type { FeedSource } from '../../shared';

/** One content line of an iCalendar file, after unfolding. */
export interface IcalProperty {
  /** Upper-cased property name, e.g. `DTSTART`. */
  name: string;
  /** Upper-cased parameter names; values with surrounding quotes removed. */
  params: Readonly<Record<string, string>>;
  /** The raw value, still escaped for TEXT properties. */
  value: string;
}

/** A VEVENT as read, before any meaning is given to its properties. */
export interface RawEvent {
  /** Position among the calendar's VEVENTs, from 0. */
  index: number;
  uid?: string;
  properties: IcalProperty[];
}

/** Something wrong with one event; the rest of the feed is still usable. */
export interface FeedProblem {
  uid?: string;
  index: number;
  /** The iCalendar property at fault, e.g. `DTSTART`. */
  field: string;
  message: string;
}

/** A stay candidate read from a feed. Instants are ms since the epoch, UTC. */
export interface FeedStay {
  uid: string;
  summary: string;
  guestName?: string;
  phoneLast4?: string;
  checkInMs: number;
  checkOutMs: number;
  /** True when both ends were dates and the property's default times apply. */
  isAllDay: boolean;
}

/** An event that was read correctly but is not a stay (a block, a cancel). */
export interface FeedSkip {
  uid: string;
  reason: string;
}

/** What a feed needs to know about its property to place stays in time. */
export interface FeedContext {
  source: FeedSource;
  /** The property's IANA zone; the machine's own zone is never used. */
  timeZone: string;
  /** Local `HH:MM` used when the feed carries dates only. */
  checkInTime: string;
  checkOutTime: string;
}
