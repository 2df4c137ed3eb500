import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

/** Runs the built serve entry as a host would and returns what it printed. */
function serve(args: string[], env: NodeJS.ProcessEnv = {}) {
  const result = spawnSync(process.execPath, ['out/main/serve.js', ...args], {
    encoding: 'utf8',
    timeout: 20_000,
    env: {
      ...process.env,
      LOCKSTEP_DATA_DIR: mkdtempSync(join(tmpdir(), 'lockstep-cli-')),
      REDIS_URL: '',
      ...env,
    },
  });
  return {
    status: result.status,
    stderr: result.stderr,
    stdout: result.stdout,
  };
}

test('a bad config file is named field by field in one line, without a stack trace', () => {
  const config = join(
    mkdtempSync(join(tmpdir(), 'lockstep-cli-')),
    'lockstep.config.json',
  );
  writeFileSync(
    config,
    JSON.stringify({
      port: 'eighty',
      properties: [{ id: 'x', name: 'X', timeZone: 'Atlantis/Capital' }],
    }),
  );
  const { status, stderr } = serve(['--config', config]);
  expect(status).toBe(1);
  expect(stderr).toMatch(
    /^Lockstep could not start: Invalid configuration in .*port: .*properties\.0\.timeZone: unknown IANA time zone/,
  );
  expect(stderr).not.toMatch(/\n\s+at /);
});

test('no redis-server on the PATH and no REDIS_URL says what to install or set', () => {
  const { status, stderr } = serve(['--port', '0'], {
    PATH: mkdtempSync(join(tmpdir(), 'lockstep-empty-path-')),
  });
  expect(status).toBe(1);
  expect(stderr.trim()).toBe(
    'Lockstep could not start: Lockstep needs Redis: install redis-server (for example `apt-get install redis-server` or `brew install redis`), or set REDIS_URL to a Redis server you run.',
  );
});

test('an unreachable REDIS_URL is reported as such', () => {
  const { status, stderr } = serve(['--port', '0'], {
    REDIS_URL: 'redis://127.0.0.1:1',
  });
  expect(status).toBe(1);
  expect(stderr).toContain('Cannot connect to Redis at redis://127.0.0.1:1');
});

test('a port already in use stops serve cleanly, leaving no redis-server behind', async () => {
  const { createServer } = await import('node:net');
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  const port = (blocker.address() as { port: number }).port;
  const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-cli-'));
  try {
    const { status, stderr } = serve(['--port', String(port)], {
      LOCKSTEP_DATA_DIR: dataDir,
    });
    expect(status).toBe(1);
    expect(stderr).toContain('EADDRINUSE');
    const left = spawnSync('pgrep', ['-f', `redis-server.*${dataDir}`], {
      encoding: 'utf8',
    });
    expect(left.stdout.trim()).toBe('');
  } finally {
    blocker.close();
  }
});

test('--port outside 0-65535 is named as such', () => {
  const { status, stderr } = serve(['--port', '99999']);
  expect(status).toBe(1);
  expect(stderr).toContain('--port takes a number from 0 to 65535');
});

test('--pairing-code prints only the code on stdout, so it can be passed on as is', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-cli-'));
  const { status, stdout } = serve(['--pairing-code'], {
    LOCKSTEP_DATA_DIR: dataDir,
  });
  expect(status).toBe(0);
  expect(stdout).toMatch(/^[0-9a-f]{64}\n$/);
  const again = serve(['--pairing-code'], { LOCKSTEP_DATA_DIR: dataDir });
  expect(again.stdout).toBe(stdout);
});
