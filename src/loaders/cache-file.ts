/**
 * Files kept between builds (rendered article bodies, search stand-ins, their
 * lists) are written whole or not at all: into a temporary file beside the
 * target, then renamed over it, so a build that is killed midway never leaves
 * half a file that the next build would trust.
 *
 * Not write-file-atomic: for every file it resolves the real path (one lstat
 * per folder of the path), stats the target and tries to unlink the temporary
 * file after the rename. Measured on 2,000 articles, that was 3.5 s (12 %) of
 * the Astro process's CPU, in a build that writes one cache file per article.
 * Cache files need none of it: no symlinks to follow, no mode or owner to keep.
 */
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { threadId } from 'node:worker_threads';

/** Temporary names unique to this process and thread without random bytes (`randomFillSync` was ~0.6 % of the Astro process). */
let written = 0;

/**
 * Writes `file` whole, synchronously: these are small files, and each
 * asynchronous call (open, write, close, rename) is a round trip through
 * libuv's thread pool that cost more main-thread time than the write itself
 * (BENCHMARKS.md, sixth session).
 */
export function writeCacheFile(file: string, data: string): void {
  written += 1;
  const temporary = `${file}.${process.pid}-${threadId}-${written}.tmp`;
  try {
    writeFileSync(temporary, data);
    renameSync(temporary, file);
  } catch (error) {
    rmSync(temporary, { force: true });
    throw error;
  }
}
