/**
 * The search index, built by the production build (scripts/lib/pipeline.ts)
 * once Astro has written the site into the staging folder and its process has
 * ended (so that Astro's memory and Pagefind's are not needed at the same
 * time). It reads the built HTML, so only pages that were really published are
 * indexed: drafts and embargoed articles are never built, hence never indexed.
 *
 * Each article page is read with a streaming parser (on worker threads for a
 * large site: search-stand-ins.ts) and replaced by a stand-in page of search
 * keys (src/lib/search-document.ts; why: docs/search.md). The stand-in pages
 * are put in a scratch folder, a folder per index, and each folder is indexed
 * by a run of Pagefind's CLI, which reads the files and writes the index
 * itself. (Sending each page through the Node API's `addHTMLFile` and reading
 * the bundle back with `getFiles` was three times slower and held every file
 * in memory; its `addDirectory` and `writeFiles` were ~20 % slower than the
 * CLI: `pagefindBinary`.)
 *
 * A large archive is split into several indexes of at most `shardSize`
 * articles (`planSearchShards`): Pagefind's time and memory grow with the
 * index. The indexes are built one after the other: two at once took as long
 * here (10k articles: 56.7 s one at a time, 55–60 s two at a time; Pagefind's
 * static musl build gains little from a second core) and their peaks added up
 * (the build's peak 2.06 GiB against 1.83 GiB).
 * Each index is kept in the cache folder under a digest of its stand-in pages,
 * so an index whose articles did not change is taken from the last build
 * (its files hard-linked into the site, as the stand-ins into the scratch
 * folder: at 2,000 articles this and one folder per index instead of one per
 * day took the index step from ~13 s to ~10 s).
 * The newest index is the bundle at `/pagefind/`; the others go to
 * `/pagefind/<first day>_<last day>/`, listed in `/pagefind/shards.json`,
 * and the browser merges them (Pagefind's `mergeIndex`).
 *
 * Beside each kept index, the number of its articles each folded word occurs
 * in; summed over the indexes, they make the completion files of half-typed
 * words, `/pagefind/words/<two letters>.json` (src/lib/search-completions.ts).
 *
 * Pagefind's default UI files, which the site does not use, are left out.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as pagefind from 'pagefind';
import pLimit from 'p-limit';
import { completionBuckets } from '../../src/lib/search-completions.ts';
import { planSearchShards, type SearchShard, type StandInOptions, standInWords } from '../../src/lib/search-document.ts';
import { SEARCH_SHARDS_FILE, SEARCH_WORD_BUCKETS_FILE, searchBundlePath, searchShardPath, searchWordsFile } from '../../src/lib/urls.ts';
import { type KnownPage, type StandIn, standInVersion, writeAllStandIns } from './search-stand-ins.ts';
import { writeCacheFile } from '../../src/loaders/cache-file.ts';
import { installedFolder, installedVersion } from '../../src/loaders/code-digest.ts';

export interface SearchIndexOptions extends StandInOptions {
  /** Most articles in one index (`searchShardSize` of the site configuration). */
  shardSize: number;
}

export interface SearchIndexResult {
  pages: number;
  /** Built pages parsed in this build; the others' stand-ins were kept from earlier builds. */
  parsed: number;
  bytes: number;
  /** Indexes built, and indexes reused from the cache. */
  built: number;
  reused: number;
  standInMs: number;
  indexMs: number;
}

/** Pagefind's bundle files that the site does not load (its default UIs). */
const UNUSED_BUNDLE_FILE = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;
/** Bumped when what goes into an index changes in a way the stand-in pages do not show. */
const INDEX_FORMAT = 'newsroom-search 1';
const PAGEFIND_VERSION = installedVersion('pagefind', path.dirname(fileURLToPath(import.meta.url)));

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

async function folderBytes(dir: string): Promise<number> {
  let bytes = 0;
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) bytes += (await fs.stat(path.join(entry.parentPath, entry.name))).size;
  }
  return bytes;
}

/** In a kept index's folder, not published: folded word -> number of the index's articles it occurs in (renamed when what is counted changes). */
const INDEX_WORDS_FILE = 'newsroom-words-1.json';

/** The folded words of an index's stand-ins, and how many of them hold each. */
async function countWords(members: StandIn[], standInDir: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  const limit = pLimit(16);
  await Promise.all(
    members.map((standIn) =>
      limit(async () => {
        const html = await fs.readFile(path.join(standInDir, `${standIn.digest}.html`), 'utf8');
        for (const word of standInWords(html)) counts.set(word, (counts.get(word) ?? 0) + 1);
      }),
    ),
  );
  return counts;
}

/** Writes an index's word counts into its folder, sorted. */
function writeWords(folder: string, counts: Map<string, number>): void {
  const sorted = [...counts.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  writeCacheFile(path.join(folder, INDEX_WORDS_FILE), JSON.stringify(Object.fromEntries(sorted)));
}

/**
 * The folded words of a kept index and how many of its articles hold each:
 * read from its folder, or (an index kept by code that did not count them)
 * counted from its stand-ins and written there.
 */
async function indexWords(kept: string, members: StandIn[], standInDir: string): Promise<Map<string, number>> {
  const file = path.join(kept, INDEX_WORDS_FILE);
  if (existsSync(file)) return new Map(Object.entries(JSON.parse(await fs.readFile(file, 'utf8')) as Record<string, number>));
  const counts = await countWords(members, standInDir);
  writeWords(kept, counts);
  return counts;
}

/** Writes the completion files of half-typed words from the word counts of every index. */
async function writeCompletions(bundlePath: string, counts: Map<string, number>[]): Promise<void> {
  const frequency = new Map<string, number>();
  for (const index of counts) {
    for (const [word, count] of index) frequency.set(word, (frequency.get(word) ?? 0) + count);
  }
  const buckets = completionBuckets(frequency);
  const write = (relative: string, value: unknown) => fs.writeFile(path.join(bundlePath, relative), JSON.stringify(value));
  // All of them in one folder (`searchWordsFile`).
  await fs.mkdir(path.join(bundlePath, path.dirname(SEARCH_WORD_BUCKETS_FILE)), { recursive: true });
  for (const [bucket, words] of buckets) await write(searchWordsFile(bucket), words);
  await write(SEARCH_WORD_BUCKETS_FILE, [...buckets.keys()].sort());
}

/** In the stand-in folder: digest of a built page's bytes -> its stand-in (null: not indexed). */
const KNOWN_PAGES_FILE = 'pages.json';

/**
 * Records this build's pages for the next build, and deletes the stand-ins of
 * pages that are gone and the folders of stand-ins made by other code.
 */
async function keepStandIns(root: string, version: string, standIns: StandIn[], skipped: string[]): Promise<void> {
  const known: Record<string, KnownPage | null> = {};
  for (const page of skipped) known[page] = null;
  for (const { page, day, digest } of standIns) known[page] = { day, digest };
  const dir = path.join(root, version);
  writeCacheFile(path.join(dir, KNOWN_PAGES_FILE), JSON.stringify(known));
  const used = new Set(standIns.map((standIn) => `${standIn.digest}.html`));
  for (const name of await fs.readdir(dir)) {
    if (name !== KNOWN_PAGES_FILE && !used.has(name)) await fs.rm(path.join(dir, name), { force: true });
  }
  for (const name of await fs.readdir(root)) {
    if (name !== version) await fs.rm(path.join(root, name), { recursive: true, force: true });
  }
}

/**
 * Puts an index's stand-ins where Pagefind reads them, `<folder>/<page's
 * path>` (it derives each URL from that path): hard links, or copies across
 * file systems.
 */
async function linkStandIns(members: StandIn[], standInDir: string, folder: string): Promise<void> {
  await linkFiles(members.map((standIn) => [path.join(standInDir, `${standIn.digest}.html`), path.join(folder, standIn.relative)] as const));
}

/**
 * Hard-links each source file to its target (copies it where the two are on
 * different file systems), making the targets' folders. Used for files no step
 * of the build writes to once made: kept stand-ins and kept indexes.
 */
async function linkFiles(pairs: readonly (readonly [source: string, target: string])[]): Promise<void> {
  // Each folder made once; every file in it waits for that (not only the first).
  const made = new Map<string, Promise<unknown>>();
  const limit = pLimit(32);
  await Promise.all(
    pairs.map(([source, target]) =>
      limit(async () => {
        const folder = path.dirname(target);
        let making = made.get(folder);
        if (!making) made.set(folder, (making = fs.mkdir(folder, { recursive: true })));
        await making;
        try {
          await fs.link(source, target);
        } catch {
          await fs.copyFile(source, target);
        }
      }),
    ),
  );
}

/** Every file under `dir` but those `skip` refuses, as [path in dir, path in target]. */
async function treeFiles(dir: string, target: string, skip: (name: string) => boolean): Promise<[string, string][]> {
  const out: [string, string][] = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || skip(entry.name)) continue;
    const file = path.join(entry.parentPath, entry.name);
    out.push([file, path.join(target, path.relative(dir, file))]);
  }
  return out;
}

/** The digest an index is kept under: everything that goes into it. */
function shardKey(members: StandIn[], language: string): string {
  const hash = createHash('sha1').update(`${INDEX_FORMAT}\0${PAGEFIND_VERSION}\0${language}`);
  for (const standIn of members) hash.update(`\0${standIn.relative}\0${standIn.digest}`);
  return hash.digest('hex').slice(0, 24);
}

/**
 * Pagefind's command-line binary, found as its Node API finds it (which also
 * honours `PAGEFIND_BINARY_PATH`). Why the CLI and not the Node API: the API's
 * service took 17–19 s and ~23 s of CPU for an index of ~5,000 stand-ins that
 * the CLI builds in 14–15 s and ~20 s of CPU, the same files (BENCHMARKS.md,
 * sixth session). The package's exports hide the resolver, hence the path.
 */
async function pagefindBinary(): Promise<string> {
  const folder = installedFolder('pagefind', path.dirname(fileURLToPath(import.meta.url)));
  if (!folder) throw new Error('Pagefind is not installed (npm ci installs it)');
  const { resolveBinaryPath } = (await import(pathToFileURL(path.join(folder, 'lib', 'resolveBinary.js')).href)) as {
    resolveBinaryPath: (names: string[]) => string;
  };
  return resolveBinaryPath(['pagefind_extended', 'pagefind']);
}

/** Runs Pagefind's CLI, resolving to what it printed; an exit other than 0 is an error that quotes it. */
function runPagefind(binary: string, args: string[], cwd: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve(output);
      else reject(new Error(`Pagefind failed (${signal ?? `exit ${code}`}):\n${output.trim().split('\n').slice(-20).join('\n')}`));
    });
  });
}

/**
 * Builds one index from the stand-ins in `folder` into `target`, with one run
 * of Pagefind's CLI (its process and memory are gone when it returns). It runs
 * in `folder`'s parent, the build's scratch folder, where no Pagefind
 * configuration file can be.
 */
async function buildShard(binary: string, folder: string, shard: SearchShard, target: string, language: string): Promise<void> {
  if (shard.articles === 0) await emptyIndex(target, language);
  else await pagefindIndex(binary, folder, shard, target, language);
  for (const name of await fs.readdir(target)) {
    if (UNUSED_BUNDLE_FILE.test(name)) await fs.rm(path.join(target, name));
  }
}

async function pagefindIndex(binary: string, folder: string, shard: SearchShard, target: string, language: string): Promise<void> {
  const output = await runPagefind(binary, ['--site', folder, '--output-path', target, '--force-language', language], path.dirname(folder));
  const pages = Number(/Indexed (\d+) pages?/.exec(output)?.[1] ?? Number.NaN);
  if (pages !== shard.articles) throw new Error(`Pagefind indexed ${pages} pages of ${shard.articles} (${shard.first}…${shard.last}):\n${output.trim()}`);
}

/**
 * An index of no article (nothing published yet), so that the search page
 * still loads: Pagefind's CLI refuses a folder without pages, its Node API
 * writes one.
 */
async function emptyIndex(target: string, language: string): Promise<void> {
  const { index, errors } = await pagefind.createIndex({ forceLanguage: language });
  if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
  try {
    const written = await index.writeFiles({ outputPath: target });
    if (written.errors.length > 0) throw new Error(`Pagefind could not write its index: ${written.errors.join('; ')}`);
  } finally {
    await pagefind.close();
  }
}

/**
 * Builds the search indexes of `outDir` into `<outDir>/pagefind/`. Indexes are
 * kept in `cacheDir` (when given) and reused while their articles are unchanged.
 */
export async function buildSearchIndex(outDir: string, options: SearchIndexOptions, cacheDir?: string): Promise<SearchIndexResult> {
  const start = performance.now();
  const bundleDir = searchBundlePath.replace(/^\/|\/$/g, '');
  const bundlePath = path.join(outDir, bundleDir);
  await fs.rm(bundlePath, { recursive: true, force: true });
  // Beside the cache when there is one, so stand-ins are hard-linked into it, not copied.
  if (cacheDir) await fs.mkdir(cacheDir, { recursive: true });
  const scratch = await fs.mkdtemp(path.join(cacheDir ?? os.tmpdir(), SCRATCH_PREFIX));
  const store = cacheDir ? path.join(cacheDir, 'newsroom-search') : path.join(scratch, '.indexes');
  const standInOptions: StandInOptions = { language: options.language, timeZone: options.timeZone, dateFormat: options.dateFormat };
  const standInRoot = cacheDir ? path.join(cacheDir, 'newsroom-search-pages') : path.join(scratch, '.stand-ins');
  const version = standInVersion(standInOptions);
  const standInDir = path.join(standInRoot, version);
  const knownFile = path.join(standInDir, KNOWN_PAGES_FILE);
  try {
    const files = await htmlFiles(outDir, new Set([bundleDir, '_astro']));
    const known = existsSync(knownFile) ? (JSON.parse(await fs.readFile(knownFile, 'utf8')) as Record<string, KnownPage | null>) : {};
    const { standIns, skipped, parsed } = await writeAllStandIns({ outDir, standInDir, files, options: standInOptions, known });
    await keepStandIns(standInRoot, version, standIns, skipped);
    const standInMs = performance.now() - start;

    const days = new Map<string, number>();
    for (const { day } of standIns) days.set(day, (days.get(day) ?? 0) + 1);
    const planned = planSearchShards(days, options.shardSize);
    // Nothing published yet: one empty index, so the search page still loads.
    const shards = planned.length > 0 ? planned : [{ first: '0000-00-00', last: '0000-00-00', days: [], articles: 0 }];
    await fs.mkdir(store, { recursive: true });
    // The stand-ins of each index, found once (sorted by path, as `standIns`).
    const shardOfDay = new Map(shards.flatMap((shard, i) => shard.days.map((day) => [day, i] as const)));
    const members = shards.map((): StandIn[] => []);
    for (const standIn of standIns) members[shardOfDay.get(standIn.day)!]!.push(standIn);
    const keys = members.map((list) => shardKey(list, options.language));
    let built = 0;
    let binary: string | undefined;
    // One index at a time (see the top of the file).
    for (const [i, shard] of shards.entries()) {
      const kept = path.join(store, keys[i]!);
      if (existsSync(kept)) continue;
      const folder = path.join(scratch, String(i));
      await linkStandIns(members[i]!, standInDir, folder);
      const partial = `${kept}.partial`;
      await fs.rm(partial, { recursive: true, force: true });
      // Counted here while Pagefind's process builds the index, and kept beside it.
      const counting = countWords(members[i]!, standInDir);
      counting.catch(() => {}); // awaited below; a build that fails first must not leave it unhandled
      binary ??= await pagefindBinary();
      await buildShard(binary, folder, shard, partial, options.language);
      writeWords(partial, await counting);
      await fs.rename(partial, kept);
      built += 1;
    }

    // The newest index is the bundle itself; the others are folders inside it.
    const others: string[] = [];
    const words: Map<string, number>[] = [];
    for (const [i, shard] of shards.entries()) {
      const newest = i === shards.length - 1;
      const url = newest ? searchBundlePath : searchShardPath(shard.first, shard.last);
      const kept = path.join(store, keys[i]!);
      words.push(await indexWords(kept, members[i]!, standInDir));
      // Linked, not copied (~5,000 files per index): nothing writes to a published file in place.
      await linkFiles(await treeFiles(kept, path.join(bundlePath, path.relative(searchBundlePath, url)), (name) => name === INDEX_WORDS_FILE));
      if (!newest) others.push(url);
    }
    await fs.mkdir(bundlePath, { recursive: true });
    await fs.writeFile(path.join(bundlePath, SEARCH_SHARDS_FILE), `${JSON.stringify(others)}\n`);
    await writeCompletions(bundlePath, words);

    // Indexes of articles that changed since are not kept.
    const used = new Set(keys);
    for (const name of await fs.readdir(store)) {
      if (!used.has(name)) await fs.rm(path.join(store, name), { recursive: true, force: true });
    }
    const indexMs = performance.now() - start - standInMs;
    return { pages: standIns.length, parsed, bytes: await folderBytes(bundlePath), built, reused: shards.length - built, standInMs, indexMs };
  } finally {
    // Tens of thousands of links and folders take seconds to delete: with a
    // cache folder, the next build deletes them while Astro runs (`clearSearchScratch`).
    if (!cacheDir) await fs.rm(scratch, { recursive: true, force: true });
  }
}

const SCRATCH_PREFIX = 'newsroom-search-scratch-';

/**
 * Deletes the scratch folders that earlier builds left in `cacheDir`, in the
 * background: the build starts it first and waits for it only before its swap.
 */
export function clearSearchScratch(cacheDir: string): Promise<void> {
  const clearing = (async () => {
    const names = existsSync(cacheDir) ? (await fs.readdir(cacheDir)).filter((name) => name.startsWith(SCRATCH_PREFIX)) : [];
    await Promise.all(names.map((name) => fs.rm(path.join(cacheDir, name), { recursive: true, force: true })));
  })();
  clearing.catch(() => {}); // awaited before the swap
  return clearing;
}
