import { request } from 'node:http';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startHttpServer, type HttpServer } from '../../src/serve/http/server';
import { fakeCore, memoryLogger } from '../helpers/fake-electron';

const SECRET = 'secret-outside-the-panel';
let root: string;
let server: HttpServer;

beforeEach(async () => {
  // <root>/secret.txt must never be served; <root>/renderer is the panel.
  root = mkdtempSync(join(tmpdir(), 'lockstep-static-'));
  writeFileSync(join(root, 'secret.txt'), SECRET);
  const staticDir = join(root, 'renderer');
  mkdirSync(join(staticDir, 'assets'), { recursive: true });
  writeFileSync(
    join(staticDir, 'index.html'),
    '<!doctype html><title>Lockstep</title>',
  );
  writeFileSync(join(staticDir, 'assets', 'app.js'), 'console.log(1);');
  writeFileSync(join(staticDir, 'assets', 'app.css'), 'body{}');
  server = await startHttpServer({
    core: fakeCore().core,
    log: memoryLogger().log,
    port: 0,
    staticDir,
  });
});
afterEach(async () => {
  await server.close();
  rmSync(root, { recursive: true, force: true });
});

/** A GET with the path sent exactly as written, without URL normalising. */
function rawGet(path: string) {
  const { hostname, port } = new URL(server.url);
  return new Promise<{
    status: number;
    headers: Record<string, unknown>;
    body: string;
  }>((resolve, reject) => {
    const req = request(
      { host: hostname, port, path, method: 'GET' },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body }),
        );
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('static panel files', () => {
  it('serves index.html for / with a CSP and nosniff', async () => {
    const res = await rawGet('/');

    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>Lockstep</title>');
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-security-policy']).toContain(
      "script-src 'self'",
    );
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves assets with their content types', async () => {
    const js = await rawGet('/assets/app.js');
    const css = await rawGet('/assets/app.css');

    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    expect(js.body).toBe('console.log(1);');
    expect(css.headers['content-type']).toMatch(/^text\/css/);
  });

  it('answers the panel route /jobs with index.html but a missing asset with 404', async () => {
    expect((await rawGet('/jobs')).body).toContain('<title>Lockstep</title>');
    expect((await rawGet('/assets/missing.js')).status).toBe(404);
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/..%2fsecret.txt',
    '/%2e%2e%2fsecret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/..%5csecret.txt',
    '/%2fsecret.txt%00.html',
  ])('refuses to leave the panel folder: %s', async (path) => {
    const res = await rawGet(path);

    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.body).not.toContain(SECRET);
  });
});
