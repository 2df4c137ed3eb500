import type { Property, PropertyInput } from '../../../../shared';

/** The property form's fields, all as the strings the inputs hold. */
export interface PropertyValues {
  name: string;
  timeZone: string;
  checkInTime: string;
  checkOutTime: string;
  leadMinutes: string;
  graceMinutes: string;
}

export const PROPERTY_FIELDS = [
  'name',
  'timeZone',
  'checkInTime',
  'checkOutTime',
  'leadMinutes',
  'graceMinutes',
] as const;

/** A new property's defaults; the zone is the browser's as a first guess. */
export function newPropertyValues(browserZone: string): PropertyValues {
  return {
    name: '',
    timeZone: browserZone,
    checkInTime: '15:00',
    checkOutTime: '11:00',
    leadMinutes: '60',
    graceMinutes: '0',
  };
}

export function propertyToValues(p: Property): PropertyValues {
  return {
    name: p.name,
    timeZone: p.timeZone,
    checkInTime: p.checkInTime,
    checkOutTime: p.checkOutTime,
    leadMinutes: String(p.leadMinutes),
    graceMinutes: String(p.graceMinutes),
  };
}

/**
 * The `properties:save` input. Minutes that are not whole numbers are sent
 * as NaN so the contract's schema names the field, as it does for the rest.
 */
export function valuesToPropertyInput(
  values: PropertyValues,
  id: string | undefined,
): PropertyInput {
  return {
    ...(id ? { id } : {}),
    name: values.name,
    timeZone: values.timeZone.trim(),
    checkInTime: values.checkInTime,
    checkOutTime: values.checkOutTime,
    leadMinutes: toMinutes(values.leadMinutes),
    graceMinutes: toMinutes(values.graceMinutes),
  };
}

/** Every IANA zone the browser knows, for the zone picker. */
export function knownTimeZones(): string[] {
  const zones = Intl.supportedValuesOf('timeZone');
  return zones.includes('UTC') ? zones : [...zones, 'UTC'];
}

function toMinutes(text: string): number {
  return /^\d+$/.test(text.trim()) ? Number(text.trim()) : Number.NaN;
}
