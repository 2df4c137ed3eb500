import { readFile, stat } from 'node:fs/promises';
import { LockstepError } from '../errors';
import type { FeedFetchResult, FeedValidators } from './fetch';

/**
 * Reads a feed saved as a file. The file's modification time (to the ms)
 * and size stand in for an ETag, so an unchanged file is `not_modified` just
 * like an unchanged web feed; `lastModified` is that time as an HTTP date.
 */
export async function readFeedFile(
  path: string,
  previous: FeedValidators,
  maxBytes: number,
): Promise<FeedFetchResult> {
  try {
    const { mtime, mtimeMs, size } = await stat(path);
    const etag = `"${Math.trunc(mtimeMs)}-${size}"`;
    if (etag === previous.etag) return { status: 'not_modified' };
    if (size > maxBytes) {
      throw new LockstepError(
        'feed_unreadable',
        `The feed file ${path} is larger than ${maxBytes} bytes, too big for a reservation calendar.`,
      );
    }
    const text = await readFile(path, 'utf8');
    return { status: 'ok', text, etag, lastModified: mtime.toUTCString() };
  } catch (e) {
    if (e instanceof LockstepError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : (e as Error).message;
    throw new LockstepError(
      'feed_unreadable',
      `Could not read the feed file ${path}: ${why}.`,
      { cause: e },
    );
  }
}
