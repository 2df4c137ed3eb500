export { TuyaClient, type TuyaClientOptions } from './client';
export type { TuyaConnectionCheck } from './connection';
export type { TuyaDevice } from './devices';
export { TuyaLockProvider, type TuyaLockProviderOptions } from './provider';
export {
  TUYA_REGIONS,
  isTuyaRegion,
  regionBaseUrl,
  type TuyaRegion,
} from './regions';
export { signRequest, canonicalUrl, EMPTY_BODY_SHA256 } from './sign';
