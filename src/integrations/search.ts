/**
 * The search index, built after Astro has written the site (`astro:build:done`,
 * whose `dir` is the staging folder in a production build). It reads the built
 * HTML, so only pages that were really published are indexed: drafts and
 * embargoed articles are never built, hence never indexed.
 *
 * Each article page is read with a streaming parser and replaced by a stand-in
 * page of search keys (src/lib/search-document.ts; why: docs/search.md). The
 * stand-in pages are written to a scratch folder and indexed with Pagefind's
 * `addDirectory`, which reads and indexes files on all cores inside Pagefind's
 * own process, then written with `writeFiles`. (Sending each page through the
 * Node API with `addHTMLFile` and reading the bundle back with `getFiles` was
 * three times slower and held every file in memory: BENCHMARKS.md.)
 *
 * The bundle goes to `<dir>/pagefind/` (`searchBundlePath`) without Pagefind's
 * default UI files, which the site does not use.
 */
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import * as pagefind from 'pagefind';
import pLimit from 'p-limit';
import { extractSearchDocument, standInPage, type StandInOptions } from '../lib/search-document.ts';
import { searchBundlePath } from '../lib/urls.ts';

export interface SearchIndexOptions extends StandInOptions {
  /** Folder of the bundle under the output folder (default: from `searchBundlePath`, "pagefind"). */
  bundleDir?: string;
}

/** Pagefind's bundle files that the site does not load (its default UIs). */
const UNUSED_BUNDLE_FILE = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

async function htmlFiles(dir: string, skip: ReadonlySet<string>): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.html')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const relative = path.relative(dir, file).split(path.sep).join('/');
    if (skip.has(relative.split('/')[0]!)) continue;
    out.push(relative);
  }
  return out.sort();
}

/** "kinh-te/bai/index.html" -> "/kinh-te/bai/". */
function fileToUrl(relative: string): string {
  return `/${relative.replace(/(^|\/)index\.html$/, '$1')}`;
}

async function folderBytes(dir: string): Promise<number> {
  let bytes = 0;
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) bytes += (await fs.stat(path.join(entry.parentPath, entry.name))).size;
  }
  return bytes;
}

/**
 * Writes the stand-in page of every indexed page of `outDir` under `scratch`,
 * at the page's own relative path (Pagefind derives the URL from it).
 */
async function writeStandIns(outDir: string, scratch: string, files: string[], options: SearchIndexOptions): Promise<number> {
  let pages = 0;
  const limit = pLimit(16);
  const made = new Set<string>();
  await Promise.all(
    files.map((relative) =>
      limit(async () => {
        const doc = extractSearchDocument(await fs.readFile(path.join(outDir, relative), 'utf8'), fileToUrl(relative));
        if (!doc) return;
        const target = path.join(scratch, relative);
        const folder = path.dirname(target);
        if (!made.has(folder)) {
          made.add(folder);
          await fs.mkdir(folder, { recursive: true });
        }
        await fs.writeFile(target, standInPage(doc, options));
        pages += 1;
      }),
    ),
  );
  return pages;
}

/** Builds the Pagefind index of `outDir`; returns the number of pages indexed and the bundle's size. */
export async function buildSearchIndex(
  outDir: string,
  options: SearchIndexOptions,
): Promise<{ pages: number; bytes: number; standInMs: number; indexMs: number }> {
  const bundleDir = options.bundleDir ?? searchBundlePath.replace(/^\/|\/$/g, '');
  const bundlePath = path.join(outDir, bundleDir);
  await fs.rm(bundlePath, { recursive: true, force: true });
  const start = performance.now();
  const scratch = await fs.mkdtemp(path.join(os.tmpdir(), 'newsroom-search-'));
  try {
    const files = await htmlFiles(outDir, new Set([bundleDir, '_astro']));
    const pages = await writeStandIns(outDir, scratch, files, options);
    const standInMs = performance.now() - start;
    const { index, errors } = await pagefind.createIndex({ forceLanguage: options.language });
    if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
    try {
      const added = await index.addDirectory({ path: scratch });
      if (added.errors.length > 0) throw new Error(`Pagefind could not index the site: ${added.errors.join('; ')}`);
      if (added.page_count !== pages) throw new Error(`Pagefind indexed ${added.page_count} pages of ${pages}`);
      const written = await index.writeFiles({ outputPath: bundlePath });
      if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
    } finally {
      await pagefind.close();
    }
    for (const name of await fs.readdir(bundlePath)) {
      if (UNUSED_BUNDLE_FILE.test(name)) await fs.rm(path.join(bundlePath, name));
    }
    const indexMs = performance.now() - start - standInMs;
    return { pages, bytes: await folderBytes(bundlePath), standInMs, indexMs };
  } finally {
    await fs.rm(scratch, { recursive: true, force: true });
  }
}

/** The Astro integration: indexes the built site for search. */
export function searchIndex(options: SearchIndexOptions): AstroIntegration {
  return {
    name: 'newsroom-search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const start = performance.now();
        const { pages, bytes, standInMs, indexMs } = await buildSearchIndex(fileURLToPath(dir), options);
        logger.info(
          `Indexed ${pages} articles for search (${Math.round(bytes / 1024)} KB) in ${Math.round(performance.now() - start)} ms ` +
            `(reading pages ${Math.round(standInMs)} ms, Pagefind ${Math.round(indexMs)} ms)`,
        );
      },
    },
  };
}
