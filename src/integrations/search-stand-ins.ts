/**
 * Reads built pages and writes their search stand-in pages (the part of the
 * search index build that is JavaScript's work), on the calling thread or, for
 * a large site, split over worker threads (`search-stand-ins-worker.ts`).
 * Kept apart from Pagefind so the workers do not load it.
 */
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import pLimit from 'p-limit';
import { formatDate } from '../lib/dates.ts';
import { extractSearchDocument, standInPage, type StandInOptions } from '../lib/search-document.ts';

/** What is kept of an indexed page: its path, its day of publication and a digest of its stand-in. */
export interface StandIn {
  relative: string;
  day: string;
  digest: string;
}

export interface StandInJob {
  outDir: string;
  scratch: string;
  files: string[];
  options: StandInOptions;
}

/** Below this many pages, starting threads costs more than it saves. */
const THREAD_THRESHOLD = 400;
const WORKER_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'search-stand-ins-worker.ts');

function defaultThreads(files: number): number {
  return files < THREAD_THRESHOLD ? 1 : Math.max(1, Math.min(4, os.availableParallelism()));
}

/** "kinh-te/bai/index.html" -> "/kinh-te/bai/". */
function fileToUrl(relative: string): string {
  return `/${relative.replace(/(^|\/)index\.html$/, '$1')}`;
}

/**
 * Writes the stand-in page of every indexed page among `files` (paths relative
 * to `outDir`) to `<scratch>/<day>/<relative path>`: Pagefind derives the URL
 * from the path under the folder it indexes.
 */
export async function writeStandIns({ outDir, scratch, files, options }: StandInJob): Promise<StandIn[]> {
  const out: StandIn[] = [];
  const limit = pLimit(16);
  const made = new Set<string>();
  await Promise.all(
    files.map((relative) =>
      limit(async () => {
        const doc = extractSearchDocument(await fs.readFile(path.join(outDir, relative), 'utf8'), fileToUrl(relative));
        if (!doc) return;
        const date = doc.date ? new Date(doc.date) : undefined;
        const day = date && !Number.isNaN(date.getTime()) ? formatDate(date, 'yyyy-MM-dd', options.timeZone) : '0000-00-00';
        const page = standInPage(doc, options);
        const target = path.join(scratch, day, relative);
        const folder = path.dirname(target);
        if (!made.has(folder)) {
          made.add(folder);
          await fs.mkdir(folder, { recursive: true });
        }
        await fs.writeFile(target, page);
        out.push({ relative, day, digest: createHash('sha1').update(page).digest('base64url') });
      }),
    ),
  );
  return out;
}

/** `writeStandIns` over all cores for a large site (or over `threads` threads); sorted by path. */
export async function writeAllStandIns(job: StandInJob, threads = defaultThreads(job.files.length)): Promise<StandIn[]> {
  let results: StandIn[][];
  if (threads === 1) {
    results = [await writeStandIns(job)];
  } else {
    results = await Promise.all(
      Array.from({ length: threads }, (_, i) => {
        const files = job.files.filter((_, n) => n % threads === i);
        return new Promise<StandIn[]>((resolve, reject) => {
          const worker = new Worker(WORKER_FILE, { workerData: { ...job, files } });
          worker.once('message', (message: StandIn[]) => resolve(message));
          worker.once('error', reject);
          worker.once('exit', (code) => {
            if (code !== 0) reject(new Error(`search stand-in thread stopped with exit code ${code}`));
          });
        });
      }),
    );
  }
  return results.flat().sort((a, b) => (a.relative < b.relative ? -1 : a.relative > b.relative ? 1 : 0));
}
