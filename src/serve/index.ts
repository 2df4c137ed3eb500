import { join } from 'node:path';
import { startLockstep } from '../core/app';
import { loadOptions } from '../core/config/load';
import { isLockstepError } from '../core/errors';
import { createLogger } from '../core/log';
import { guardProcess } from '../core/process-guard';
import { loadHeadlessKey, toPairingCode } from '../core/secrets/key-file';
import { parseServeArgs, SERVE_USAGE } from './args';
import { startHttpServer } from './http/server';

/**
 * Headless office mode: the same core as the desktop app, its workers, the
 * webhook endpoint and the panel over HTTP on the configured address.
 */
async function main(): Promise<void> {
  const args = parseServeArgs(process.argv.slice(2));
  if (args.isHelp) {
    process.stdout.write(SERVE_USAGE);
    return;
  }
  const env = {
    ...process.env,
    ...(args.port !== undefined ? { LOCKSTEP_PORT: String(args.port) } : {}),
  };
  const options = loadOptions(
    args.configPath ?? process.env.LOCKSTEP_CONFIG,
    env,
  );
  const installKey = loadHeadlessKey(options.dataDir);
  if (args.isPairingCode) {
    // Only the code on stdout, so LOCKSTEP_INSTALL_KEY=$(... --pairing-code) works.
    process.stderr.write(
      'Pairing code for other machines on this Redis (keep it secret):\n',
    );
    process.stdout.write(`${toPairingCode(installKey)}\n`);
    return;
  }

  const log = createLogger('serve');
  guardProcess(log);
  const core = await startLockstep(options, {
    installKey,
    version: process.env.npm_package_version ?? '0.1.0',
    log,
  });
  // The core owns a redis-server child: a port that cannot be had must not
  // leave it running on the data directory.
  const http = await startHttpServer({
    core,
    log: log.child('http'),
    host: options.host,
    port: options.port,
    staticDir: join(__dirname, '../renderer'),
  }).catch(async (error: unknown) => {
    await core.close();
    throw error;
  });
  process.stdout.write(`Lockstep is serving the panel at ${http.url}\n`);
  if (core.info.isDemoMode)
    process.stdout.write(
      'Demo mode: no Tuya credentials are set, so only simulated locks work; Tuya locks wait for credentials (Setup → Lock cloud).\n',
    );

  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void http
      .close()
      .then(() => core.close())
      .finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  // A host reads this line; a stack trace helps nobody who did not write it.
  const message =
    isLockstepError(error) || error instanceof Error
      ? error.message
      : String(error);
  process.stderr.write(`Lockstep could not start: ${message}\n`);
  process.exit(1);
});
