import type { CompiledStayRules } from './rules';

export interface GuestDetails {
  guestName?: string;
  phoneLast4?: string;
}

// Airbnb writes this line into DESCRIPTION; other exporters borrow it.
const PHONE_LAST_4 = /phone number \(last 4 digits\):\s*(\d{4})\b/i;

/**
 * What a feed tells about the guest: a name from SUMMARY when the source's
 * rules say where it is, and the last 4 phone digits from DESCRIPTION.
 */
export function readGuest(
  summary: string,
  description: string,
  rules: CompiledStayRules,
): GuestDetails {
  const guestName = rules.guestName?.exec(summary.trim())?.[1]?.trim();
  const phoneLast4 = PHONE_LAST_4.exec(description)?.[1];
  return {
    ...(guestName ? { guestName } : {}),
    ...(phoneLast4 ? { phoneLast4 } : {}),
  };
}
