/**
 * Warm builds: the pages Astro's incremental build may reuse are put into the
 * staging folder before Astro generates pages, in a worker thread while Astro
 * loads its config and syncs the content layer.
 *
 * Why: for every page whose cache key and code are unchanged, Astro 7 copies
 * its cached copy into the output folder (`restoreOutputFile`: an `mkdir` and a
 * `copyFile` through libuv's thread pool per page), unless a file is already
 * there. At 10,000 articles that was most of a warm build's page generation
 * (12,340 of 12,353 pages restored one by one on Astro's main thread). Copied
 * here with synchronous calls on a thread of their own, the same files cost
 * ~3 s of the second core, and Astro only sees that each exists.
 *
 * Safety:
 * - The files are copies of Astro's own cached copies (`<cacheDir>/dist/`,
 *   the files it would restore), never links: a page Astro renders again is
 *   written over its copy, and nothing else shares that file.
 * - Astro empties its output folder before bundling unless
 *   `vite.build.emptyOutDir` is false; it is set false only here, where the
 *   pipeline hands Astro a staging folder it has just deleted (the folder is
 *   checked to be empty, or this does nothing).
 * - A copied page that this build did not produce (an article unpublished,
 *   deleted or moved; a listing page that no longer exists) is not in Astro's
 *   new manifest, written before `astro:build:generated`, and Astro did not
 *   write over it: it is deleted then, with its folders if they are left
 *   empty. tests/build/incremental.test.ts compares a warm build with a clean
 *   one file by file.
 * - The pipeline drops Astro's manifest after a build that did not finish
 *   (`markBuildUnfinished`), so nothing is copied from a cache it no longer
 *   vouches for.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroIntegration } from 'astro';

/** Astro's incremental build manifest and its copies, in the cache folder (astro/dist/core/build/incremental.js). */
export const ASTRO_INCREMENTAL_MANIFEST = 'incremental-build.json';
const ASTRO_INCREMENTAL_OUTPUT = 'dist/';

interface IncrementalManifest {
  routes?: Record<string, { paths?: Record<string, { outputFile?: unknown }> }>;
}

/** The output files (relative URLs, as Astro records them) listed in the manifest in `cacheDir`; none if it is missing or unreadable. */
export function manifestOutputFiles(cacheDir: string): string[] {
  let manifest: IncrementalManifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(cacheDir, ASTRO_INCREMENTAL_MANIFEST), 'utf8')) as IncrementalManifest;
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const route of Object.values(manifest.routes ?? {})) {
    for (const entry of Object.values(route.paths ?? {})) {
      if (typeof entry.outputFile === 'string') files.push(entry.outputFile);
    }
  }
  return files;
}

/** Resolves an output file (relative URL, as Astro records it) under `dir`: undefined if it would leave `dir`. */
function resolverIn(dir: string): (outputFile: string) => string | undefined {
  const base = pathToFileURL(dir.endsWith(path.sep) ? dir : dir + path.sep);
  const prefix = fileURLToPath(base);
  return (outputFile) => {
    const file = fileURLToPath(new URL(outputFile, base));
    return file.startsWith(prefix) ? file : undefined;
  };
}

/**
 * Copies every page of Astro's last manifest from its cached copy into
 * `outDir`; returns the output files copied (those without a cached copy are
 * left to Astro).
 */
export function prefillPages(cacheDir: string, outDir: string): string[] {
  const [inCache, inOut] = [resolverIn(path.join(cacheDir, ASTRO_INCREMENTAL_OUTPUT)), resolverIn(outDir)];
  const copied: string[] = [];
  const made = new Set<string>();
  for (const outputFile of manifestOutputFiles(cacheDir)) {
    const source = inCache(outputFile);
    const target = inOut(outputFile);
    if (!source || !target || !existsSync(source)) continue;
    const folder = path.dirname(target);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    copyFileSync(source, target);
    copied.push(outputFile);
  }
  return copied;
}

/**
 * Deletes the copied pages that Astro's new manifest does not list and that
 * it did not write over since `copiedAt` (a page of a route without a cache
 * key is written but not listed), and the folders that leaves empty.
 */
export function removeUnproduced(cacheDir: string, outDir: string, copied: readonly string[], copiedAt: number): string[] {
  const produced = new Set(manifestOutputFiles(cacheDir));
  const inOut = resolverIn(outDir);
  const removed: string[] = [];
  for (const outputFile of copied) {
    if (produced.has(outputFile)) continue;
    const target = inOut(outputFile);
    if (!target || !existsSync(target) || statSync(target).mtimeMs > copiedAt) continue;
    rmSync(target, { force: true });
    removed.push(outputFile);
    for (let folder = path.dirname(target); folder.startsWith(outDir + path.sep); folder = path.dirname(folder)) {
      if (readdirSync(folder).length > 0) break;
      rmdirSync(folder);
    }
  }
  return removed;
}

const WORKER_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'page-prefill-worker.ts');

/**
 * The integration that does the above for one build of `outDir`; nothing
 * unless `outDir` is empty or missing (the worker copies nothing when there is
 * no manifest: a cold build).
 */
export function pagePrefill(options: { cacheDir: string; outDir: string }): AstroIntegration {
  const { cacheDir, outDir } = options;
  let copying: Promise<string[]> | undefined;
  let copied: string[] = [];
  let copiedAt = 0;
  return {
    name: 'newsroom:page-prefill',
    hooks: {
      'astro:config:setup': ({ updateConfig }) => {
        if (existsSync(outDir) && readdirSync(outDir).length > 0) return;
        updateConfig({ vite: { build: { emptyOutDir: false } } });
        copying = new Promise((resolve, reject) => {
          const worker = new Worker(WORKER_FILE, { workerData: { cacheDir, outDir } });
          worker.once('message', (message: string[]) => resolve(message));
          worker.once('error', reject);
          worker.once('exit', (code) => reject(new Error(`the page copy stopped (exit code ${code})`)));
        });
        copying.catch(() => {}); // awaited in astro:build:start
      },
      // After the content sync, before Astro bundles and generates pages.
      'astro:build:start': async () => {
        if (copying) copied = await copying;
        copiedAt = Date.now();
      },
      'astro:build:generated': () => {
        removeUnproduced(cacheDir, outDir, copied, copiedAt);
      },
    },
  };
}
