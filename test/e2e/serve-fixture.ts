import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base } from '@playwright/test';

export interface ServeInstance {
  url: string;
  dataDir: string;
  /** Calls a contract channel over HTTP, as the panel does; throws on an error result. */
  call<T = unknown>(channel: string, input?: object): Promise<T>;
}

/**
 * Each test gets its own `serve` process with its own data directory and
 * embedded Redis, started from the built app exactly as a host runs it.
 */
export const test = base.extend<{
  serve: ServeInstance;
  /** Written to a config file passed with --config; empty means defaults. */
  serveConfig: Record<string, unknown>;
}>({
  serveConfig: [{}, { option: true }],
  serve: async ({ serveConfig }, use) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'lockstep-e2e-'));
    const configPath = join(dataDir, 'lockstep.config.json');
    writeFileSync(configPath, JSON.stringify(serveConfig));
    const child = spawn(
      'node',
      ['out/main/serve.js', '--port', '0', '--config', configPath],
      {
        env: {
          ...process.env,
          LOCKSTEP_DATA_DIR: dataDir,
          // A machine zone unlike any test property's, and unlike the browser's.
          TZ: 'UTC',
          REDIS_URL: '',
          LOCKSTEP_LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    const url = await waitForUrl(child);
    const call = async <T>(channel: string, input: object = {}): Promise<T> => {
      const response = await fetch(
        `${url}/api/${encodeURIComponent(channel)}`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(input),
        },
      );
      const result = (await response.json()) as {
        ok: boolean;
        value?: T;
        error?: { message: string };
      };
      if (!result.ok)
        throw new Error(`${channel}: ${result.error?.message ?? 'failed'}`);
      return result.value as T;
    };
    await use({ url, dataDir, call });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  },
});

function waitForUrl(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => reject(new Error(`serve did not start: ${output}`)),
      20_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /serving the panel at (http:\/\/\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`serve exited with ${String(code)}: ${output}`));
    });
  });
}

export { expect } from '@playwright/test';
