/**
 * Tuya OpenAPI data centers. A project lives in exactly one; calls sent to
 * another answer as if the credentials were wrong, so the host picks the
 * region their cloud project was created in.
 */
export const TUYA_REGIONS = {
  'us-west': 'https://openapi.tuyaus.com',
  'us-east': 'https://openapi-ueaz.tuyaus.com',
  'eu-central': 'https://openapi.tuyaeu.com',
  'eu-west': 'https://openapi-weaz.tuyaeu.com',
  china: 'https://openapi.tuyacn.com',
  india: 'https://openapi.tuyain.com',
} as const;

export type TuyaRegion = keyof typeof TUYA_REGIONS;

export function isTuyaRegion(value: string): value is TuyaRegion {
  return Object.hasOwn(TUYA_REGIONS, value);
}

/** The https base URL of a region, without a trailing slash. */
export function regionBaseUrl(region: TuyaRegion): string {
  return TUYA_REGIONS[region];
}
