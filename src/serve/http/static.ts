import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { BASE_HEADERS } from './respond';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Serves the built panel from `root`. `/` and extension-less paths (the
 * panel's own routes) get index.html; anything that resolves outside `root`,
 * however it is encoded, is refused with 404.
 */
export async function serveStatic(
  root: string,
  pathname: string,
  req: IncomingMessage,
  res: ServerResponse,
  csp: string,
): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    return plain(res, 405, 'method not allowed', { Allow: 'GET, HEAD' });
  }
  const path = resolveInside(root, pathname);
  if (!path) return plain(res, 404, 'not found');

  const file =
    (await fileSize(path)) !== undefined ? path : fallback(root, path);
  const size = file && (await fileSize(file));
  if (!file || size === undefined) return plain(res, 404, 'not found');

  const type = CONTENT_TYPES[extname(file)] ?? 'application/octet-stream';
  res.writeHead(200, {
    ...BASE_HEADERS,
    'Content-Type': type,
    'Content-Length': size,
    'Content-Security-Policy': csp,
    // Vite names built assets by content hash; the page itself must not stick.
    'Cache-Control': file.endsWith('.html')
      ? 'no-cache'
      : 'public, max-age=3600',
  });
  if (req.method === 'HEAD') return void res.end();
  createReadStream(file)
    .on('error', () => res.destroy())
    .pipe(res);
}

/** The absolute file for a URL path, or undefined if it leaves `root`. */
export function resolveInside(
  root: string,
  pathname: string,
): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return undefined;
  const base = resolve(root);
  const path = resolve(base, `.${decoded}`);
  return path === base || path.startsWith(base + sep) ? path : undefined;
}

function fallback(root: string, path: string): string | undefined {
  const isRoute = path === resolve(root) || extname(path) === '';
  return isRoute ? resolve(root, 'index.html') : undefined;
}

async function fileSize(path: string): Promise<number | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? info.size : undefined;
  } catch {
    return undefined;
  }
}

function plain(
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    ...BASE_HEADERS,
    'Content-Type': 'text/plain; charset=utf-8',
    ...headers,
  });
  res.end(text);
}
