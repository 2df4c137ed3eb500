export interface ServeArgs {
  configPath?: string;
  port?: number;
  isPairingCode: boolean;
  isHelp: boolean;
}

export const SERVE_USAGE = `Usage: npm run serve -- [--config lockstep.config.json] [--port 4870] [--pairing-code]

  --config FILE    JSON config (data directory, port, Redis URL, properties, locks, feeds)
  --port N         port for the panel and API on 127.0.0.1 (0 picks a free one)
  --pairing-code   print the installation key another machine on this Redis needs
Environment: REDIS_URL, LOCKSTEP_DATA_DIR, LOCKSTEP_PORT, LOCKSTEP_HOST,
  LOCKSTEP_CONFIG, LOCKSTEP_WEBHOOK_SECRET, LOCKSTEP_INSTALL_KEY
`;

/** Parses serve's command line; throws Error naming an unknown or bad flag. */
export function parseServeArgs(argv: string[]): ServeArgs {
  const args: ServeArgs = { isPairingCode: false, isHelp: false };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag === '--config' && value) {
      args.configPath = value;
      i += 1;
    } else if (flag === '--port') {
      if (!value || !/^\d+$/.test(value) || Number(value) > 65535) {
        throw new Error(
          `--port takes a number from 0 to 65535, got "${value ?? ''}".`,
        );
      }
      args.port = Number(value);
      i += 1;
    } else if (flag === '--pairing-code') {
      args.isPairingCode = true;
    } else if (flag === '--help' || flag === '-h') {
      args.isHelp = true;
    } else {
      throw new Error(
        `Unknown or incomplete option "${flag ?? ''}". ${SERVE_USAGE}`,
      );
    }
  }
  return args;
}
