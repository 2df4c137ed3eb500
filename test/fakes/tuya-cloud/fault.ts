/** A Tuya `success: false` reply, thrown inside the fake and sent as-is. */
export class TuyaFault extends Error {
  constructor(
    readonly code: number,
    readonly msg: string,
  ) {
    super(`${code} ${msg}`);
  }
}

/**
 * Codes the fake answers with. Where Tuya documents no specific code the
 * choice is ours: a stale, used or foreign password ticket gets 1109.
 */
export const FAULT = {
  dataNotExist: () => new TuyaFault(1000, 'data not exist'),
  signInvalid: () => new TuyaFault(1004, 'sign invalid'),
  clientIdInvalid: () => new TuyaFault(1005, 'clientId invalid'),
  tokenExpired: () => new TuyaFault(1010, 'token is expired'),
  tokenInvalid: () => new TuyaFault(1011, 'token invalid'),
  timeInvalid: () => new TuyaFault(1013, 'request time is invalid'),
  paramEmpty: (what: string) => new TuyaFault(1100, `param is empty: ${what}`),
  paramRange: (what: string) =>
    new TuyaFault(1101, `params range invalid: ${what}`),
  missingHeader: (name: string) =>
    new TuyaFault(1105, `missing the header: ${name}`),
  permissionDeny: () => new TuyaFault(1106, 'permission deny'),
  uriInvalid: () => new TuyaFault(1108, 'uri path invalid'),
  ticketInvalid: () =>
    new TuyaFault(1109, 'param is illegal: ticket is invalid or expired'),
  rateLimited: () => new TuyaFault(1110, 'concurrent request over limit'),
  quota: () =>
    new TuyaFault(28841101, 'No free quota left; the API plan is used up'),
  deviceOffline: () => new TuyaFault(2001, 'device is offline'),
} as const;
