import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { LockstepError } from '../errors';
import type { Logger } from '../log';

export interface EmbeddedRedis {
  url: string;
  stop(): Promise<void>;
}

const NOT_INSTALLED =
  'Lockstep needs Redis: install redis-server (for example `apt-get install redis-server` or `brew install redis`), or set REDIS_URL to a Redis server you run.';

/**
 * Starts a private `redis-server` child on 127.0.0.1 with append-only
 * persistence in `<dataDir>/redis`, on a free port. Throws one clear
 * sentence when redis-server is not installed.
 */
export async function startEmbeddedRedis(
  dataDir: string,
  log: Logger,
): Promise<EmbeddedRedis> {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new LockstepError('redis_unavailable', NOT_INSTALLED);
  }

  const dir = join(dataDir, 'redis');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const pidFile = join(dir, 'redis.pid');
  await stopLeftover(pidFile, log);
  const port = await pickFreePort();
  const child = spawn(
    'redis-server',
    [
      '--bind',
      '127.0.0.1',
      '--port',
      String(port),
      '--dir',
      dir,
      '--appendonly',
      'yes',
      '--save',
      '',
      // Nothing else on this machine may use it; it lives for our process.
      '--protected-mode',
      'yes',
      '--pidfile',
      pidFile,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  await waitUntilReady(child);
  log.info('embedded redis started', { port, dir });

  let stopped: Promise<void> | undefined;
  return {
    url: `redis://127.0.0.1:${port}`,
    stop() {
      stopped ??= stopChild(child);
      return stopped;
    },
  };
}

function waitUntilReady(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const fail = (reason: string) =>
      reject(
        new LockstepError(
          'redis_unavailable',
          `The embedded redis-server did not start: ${reason}`,
        ),
      );
    const timer = setTimeout(
      () => fail(`no answer in 15 s. ${output.slice(-500)}`),
      15_000,
    );
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      fail(`it exited with code ${String(code)}. ${output.slice(-500)}`);
    });
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) =>
    child.once('exit', () => resolve()),
  );
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
  await exited;
  clearTimeout(timer);
}

function pickFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/**
 * A Lockstep that was killed outright leaves its redis-server running on the
 * data directory; two servers must never write one append-only file, so the
 * leftover is stopped first (it saves its data on SIGTERM).
 */
async function stopLeftover(pidFile: string, log: Logger): Promise<void> {
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, 'utf8').trim());
  if (!Number.isInteger(pid) || pid <= 0 || !isRedisServer(pid)) return;
  log.warn('stopping a redis-server left running on this data directory', {
    pid,
  });
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 10_000;
  while (isAlive(pid) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function isRedisServer(pid: number): boolean {
  if (!isAlive(pid)) return false;
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(
      'redis-server',
    );
  } catch {
    // No /proc (macOS): the pid file is ours and the process is alive.
    return true;
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
