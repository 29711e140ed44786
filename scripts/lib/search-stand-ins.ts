/**
 * Reads built pages and writes their search stand-in pages (the part of the
 * search index build that is JavaScript's work), on the calling thread or, for
 * a large site, split over worker threads (`search-stand-ins-worker.ts`).
 * Kept apart from Pagefind so the workers do not load it.
 *
 * Stand-ins are kept between builds: each is a file named by its digest, and
 * `known` maps the digest of a built page's bytes to its stand-in, so a page
 * that did not change is read and hashed but not parsed again. The folder is
 * named by a digest of the code that makes stand-ins (`standInVersion`), so an
 * edit of that code starts afresh.
 */
import { createHash } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import pLimit from 'p-limit';
import { formatDate } from '../../src/lib/dates.ts';
import { extractSearchDocument, standInPage, type StandInOptions } from '../../src/lib/search-document.ts';
import { writeCacheFile } from '../../src/loaders/cache-file.ts';
import { codeDigest } from '../../src/loaders/code-digest.ts';
import { builtFileUrl } from '../../src/lib/urls.ts';

/** What is kept of an indexed page: its day of publication and the digest of its stand-in. */
export interface KnownPage {
  day: string;
  digest: string;
}

/** An indexed page of this build. */
export interface StandIn extends KnownPage {
  relative: string;
  /** Digest of the built page's bytes. */
  page: string;
}

export interface StandInJob {
  outDir: string;
  /** Where the stand-ins are: `<standInDir>/<digest>.html`. */
  standInDir: string;
  files: string[];
  options: StandInOptions;
  /** Pages seen in earlier builds: digest of the page's bytes -> its stand-in, or null (not indexed). */
  known: Record<string, KnownPage | null>;
}

export interface StandInResult {
  standIns: StandIn[];
  /** Digests of the pages that are not indexed (no `data-pagefind-body`). */
  skipped: string[];
  /** Pages parsed in this build (the others were known). */
  parsed: number;
}

/** Below this many pages, starting threads costs more than it saves. */
const THREAD_THRESHOLD = 400;
const WORKER_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'search-stand-ins-worker.ts');

/** A digest of the code and options that make stand-ins: stand-ins made by other code are not reused. */
export function standInVersion(options: StandInOptions): string {
  return createHash('sha1')
    .update(JSON.stringify([options.language, options.timeZone, options.dateFormat]))
    .update(codeDigest(fileURLToPath(import.meta.url)))
    .digest('hex')
    .slice(0, 16);
}

function defaultThreads(files: number): number {
  return files < THREAD_THRESHOLD ? 1 : Math.max(1, Math.min(4, os.availableParallelism()));
}

const sha1 = (data: string | Buffer) => createHash('sha1').update(data).digest('base64url');

/** The stand-ins of `files` (paths relative to `outDir`): known ones looked up, the others made and written. */
export async function writeStandIns({ outDir, standInDir, files, options, known }: StandInJob): Promise<StandInResult> {
  const result: StandInResult = { standIns: [], skipped: [], parsed: 0 };
  const limit = pLimit(16);
  await fs.mkdir(standInDir, { recursive: true });
  await Promise.all(
    files.map((relative) =>
      limit(async () => {
        const bytes = await fs.readFile(path.join(outDir, relative));
        const page = sha1(bytes);
        const seen = known[page];
        if (seen === null) {
          result.skipped.push(page);
          return;
        }
        if (seen && existsSync(path.join(standInDir, `${seen.digest}.html`))) {
          result.standIns.push({ relative, page, ...seen });
          return;
        }
        result.parsed += 1;
        const doc = extractSearchDocument(bytes.toString('utf8'), builtFileUrl(relative));
        if (!doc) {
          result.skipped.push(page);
          return;
        }
        const date = doc.date ? new Date(doc.date) : undefined;
        const day = date && !Number.isNaN(date.getTime()) ? formatDate(date, 'yyyy-MM-dd', options.timeZone) : '0000-00-00';
        const text = standInPage(doc, options);
        const digest = sha1(text);
        const target = path.join(standInDir, `${digest}.html`);
        // Written whole or not at all, as everything kept between builds.
        if (!existsSync(target)) writeCacheFile(target, text);
        result.standIns.push({ relative, page, day, digest });
      }),
    ),
  );
  return result;
}

/** `writeStandIns` over all cores for a large site (or over `threads` threads); stand-ins sorted by path. */
export async function writeAllStandIns(job: StandInJob, threads = defaultThreads(job.files.length)): Promise<StandInResult> {
  let results: StandInResult[];
  if (threads === 1) {
    results = [await writeStandIns(job)];
  } else {
    results = await Promise.all(
      Array.from({ length: threads }, (_, i) => {
        const files = job.files.filter((_, n) => n % threads === i);
        return new Promise<StandInResult>((resolve, reject) => {
          const worker = new Worker(WORKER_FILE, { workerData: { ...job, files } });
          worker.once('message', (message: StandInResult) => resolve(message));
          worker.once('error', reject);
          worker.once('exit', (code) => {
            if (code !== 0) reject(new Error(`search stand-in thread stopped with exit code ${code}`));
          });
        });
      }),
    );
  }
  return {
    standIns: results.flatMap((result) => result.standIns).sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0)),
    skipped: results.flatMap((result) => result.skipped),
    parsed: results.reduce((sum, result) => sum + result.parsed, 0),
  };
}
