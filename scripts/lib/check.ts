/**
 * `npm run check`: validates categories.yaml and every article without
 * building, with the same schema as the Astro collection. Reports every
 * problem of every file in one run, as `file:line: field: message (how to fix)`.
 *
 * Per file (`check-article.ts`): encoding, front matter and YAML, the schema,
 * unknown keys, control characters, images, MDX syntax, publication warnings.
 * Across files (here): two articles at one URL, aliases that point at a live
 * page, tags and authors spelt otherwise than the page they are filed on,
 * symlinks that leave the content folder, categories.yaml. With `only`,
 * problems are reported for those files, but cross-file rules still see every
 * article. Large folders are checked on worker threads, one per core.
 */
import { promises as fs, type Dirent } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { parseCategories } from '../../src/lib/categories.ts';
import { decodeUtf8 } from '../../src/lib/front-matter.ts';
import { spellingVariants, type SpellingVariant } from '../../src/lib/taxonomy.ts';
import { authorPath, categoryPath, searchBundlePath, tagPath } from '../../src/lib/urls.ts';
import { nfc } from '../../src/lib/text.ts';
import { messages } from '../../src/lib/messages.ts';
import type { SiteConfig } from '../../src/config/schema.ts';
import { openCheckCache } from './check-cache.ts';
import {
  createArticleChecker,
  createCachedArticleReader,
  createDisplayPath,
  firstBadLine,
  isInside,
  mapLimit,
  type ArticleCheckContext,
  type ArticleRecord,
  type ArticleResult,
  type Problem,
  type TermSpelling,
} from './check-article.ts';

export { displayPath, findBodyImages, mapMdxPositions, mdxErrorLine, type Problem } from './check-article.ts';

export interface CheckReport {
  /** Sorted by file, then line. */
  problems: Problem[];
  /** Articles checked (all of them, or those in `only`). */
  articles: number;
  errors: number;
  warnings: number;
  /** URL path -> shown file, for every article the build would publish. */
  urls: Map<string, string>;
  /** URL path -> shown files, for every article whose URL is known, drafts included. */
  addresses: Map<string, string[]>;
  /** Articles whose checks were not run again: unchanged since the last check (`cacheDir`). */
  reused: number;
}

export interface CheckOptions {
  contentDir: string;
  config: SiteConfig;
  now: Date;
  /** Folder the file names are shown relative to (when the content folder is inside it). */
  cwd: string;
  /**
   * Only these files (absolute paths), e.g. staged files in the pre-commit
   * hook. Cross-file rules still read every article.
   */
  only?: string[];
  /** Folder of `public/`, where root-relative images (`/logo.png`) live. */
  publicDir?: string;
  /** Folder where what was found of unchanged articles is kept between checks (check-cache.ts); none when undefined. */
  cacheDir?: string;
}

/** How many files one thread reads and checks at once. */
const CONCURRENCY = 32;
/** Below this many articles, worker threads cost more than they save. */
const WORKER_THRESHOLD = 1500;
/**
 * Files per batch handed to a worker: small enough that the threads finish
 * together, large enough that messages stay few.
 */
const BATCH_SIZE = 64;
/**
 * Files the main thread checks between two looks at the workers' requests:
 * few, so that a worker asking for its next batch is answered in milliseconds.
 */
const MAIN_BATCH_SIZE = 16;

/** Main thread -> check worker. */
export type WorkerRequest = { type: 'batch'; start: number; files: string[] } | { type: 'done' };
/** Check worker -> main thread. */
export type WorkerReply = { type: 'more' } | { type: 'results'; start: number; results: ArticleResult[] };

const ARTICLE_EXTENSION = /\.mdx?$/;
const NEAR_ARTICLE_EXTENSION = /\.(md|mdx|markdown|mdown|mkd)$/i;

/** First path segments the site uses for its own pages: no category may take them. */
function reservedSegments(config: SiteConfig): string[] {
  const first = (urlPath: string) => (urlPath.startsWith('/') ? (urlPath.split('/')[1] ?? '') : '');
  return [
    ...Object.values(config.paths),
    first(searchBundlePath),
    first(config.cookieNotice.linkUrl),
    '_astro',
    '404',
    'rss.xml',
    'robots.txt',
    'sitemap-index.xml',
  ].filter((segment) => segment !== '');
}

/**
 * Checks the article files: on this thread for a small folder, else on this
 * thread and one worker thread per other core (up to 8 threads in all). The
 * files are handed out in batches as the threads ask for them, so a worker
 * that is still starting, or a core that is busy with something else, takes
 * fewer. Results keep the files' order.
 */
async function checkArticles(files: string[], context: ArticleCheckContext): Promise<ArticleResult[]> {
  // The worker is a .ts file: it needs a Node that strips types (the project's Node 24).
  const canStripTypes = Boolean((process.features as { typescript?: string }).typescript);
  const threads = canStripTypes ? Math.min(os.availableParallelism(), 8, Math.floor(files.length / (WORKER_THRESHOLD / 2))) : 1;
  if (threads < 2) return mapLimit(files, CONCURRENCY, createArticleChecker(context));

  const results = new Array<ArticleResult>(files.length);
  let next = 0;
  let outstanding = 0;
  const take = (size: number): { start: number; files: string[] } | undefined => {
    if (next >= files.length) return undefined;
    const start = next;
    next = Math.min(files.length, next + size);
    return { start, files: files.slice(start, next) };
  };
  const workers: Worker[] = [];
  const finished = new Promise<void>((resolve, reject) => {
    let settled = false;
    const settle = () => {
      if (settled || next < files.length || outstanding > 0) return;
      settled = true;
      // Every result is in: a worker still starting up need not hold the process.
      for (const worker of workers) {
        worker.postMessage({ type: 'done' } satisfies WorkerRequest);
        worker.unref();
      }
      resolve();
    };
    for (let index = 1; index < threads; index += 1) {
      const worker = new Worker(new URL('./check-worker.ts', import.meta.url), { workerData: { context } });
      workers.push(worker);
      worker.on('message', (message: WorkerReply) => {
        if (message.type === 'results') {
          for (const [offset, result] of message.results.entries()) results[message.start + offset] = result;
          outstanding -= 1;
          settle();
          return;
        }
        const batch = take(BATCH_SIZE);
        if (!batch) return;
        outstanding += 1;
        worker.postMessage({ type: 'batch', ...batch } satisfies WorkerRequest);
      });
      worker.once('error', reject);
      worker.once('exit', (code) => {
        if (code !== 0) reject(new Error(`content check worker stopped with code ${code}`));
      });
    }
    // This thread checks batches too, and between them answers the workers.
    const checkArticle = createArticleChecker({ ...context, syncReads: true });
    void (async () => {
      for (let batch = take(MAIN_BATCH_SIZE); batch; batch = take(MAIN_BATCH_SIZE)) {
        outstanding += 1;
        const checked = await mapLimit(batch.files, CONCURRENCY, checkArticle);
        for (const [offset, result] of checked.entries()) results[batch.start + offset] = result;
        outstanding -= 1;
        await new Promise((resolve) => setImmediate(resolve));
      }
      settle();
    })().catch(reject);
  });
  try {
    await finished;
  } catch (error) {
    for (const worker of workers) void worker.terminate();
    throw error;
  }
  return results;
}

/**
 * Checks the articles that changed since the last check and reads the others'
 * results from the cache (check-cache.ts), keeping the files' order.
 */
async function checkWithCache(files: string[], context: ArticleCheckContext, cacheDir: string): Promise<{ results: ArticleResult[]; reused: number }> {
  const cache = await openCheckCache(cacheDir, context);
  const fromCache = createCachedArticleReader(context);
  const results = new Array<ArticleResult>(files.length);
  const changed: number[] = [];
  await mapLimit([...files.keys()], CONCURRENCY, async (index) => {
    const cached = cache.lookup(files[index]!);
    if (cached) results[index] = await fromCache(files[index]!, cached);
    else changed.push(index);
  });
  const checked = await checkArticles(
    changed.map((index) => files[index]!),
    context,
  );
  for (const [offset, result] of checked.entries()) results[changed[offset]!] = result;
  for (const [index, result] of results.entries()) if (result.cache) cache.store(files[index]!, result.cache);
  await cache.save(files);
  return { results, reused: files.length - changed.length };
}

interface WalkResult {
  articles: string[];
  problems: { file: string; message: string; severity: 'error' | 'warning' }[];
}

/**
 * Lists the article files under `articles/`, following symlinks that stay
 * inside the content folder and reporting those that leave it. Dot-files and
 * dot-folders are skipped, as the Astro loader skips them.
 */
async function walkContent(contentDir: string, realRoot: string): Promise<WalkResult> {
  const articlesDir = path.join(contentDir, 'articles');
  const result: WalkResult = { articles: [], problems: [] };
  const seen = new Set<string>();
  async function visit(dir: string, real: string): Promise<void> {
    if (seen.has(real)) return;
    seen.add(real);
    let entries: Dirent[];
    try {
      entries = await fs.readdir(dir, { withFileTypes: true });
    } catch {
      return;
    }
    await Promise.all(
      entries.map(async (entry) => {
        if (entry.name.startsWith('.')) return;
        const full = path.join(dir, entry.name);
        let isDirectory = entry.isDirectory();
        let isFile = entry.isFile();
        let realPath = path.join(real, entry.name);
        if (entry.isSymbolicLink()) {
          const target = await fs.readlink(full).catch(() => '?');
          try {
            realPath = await fs.realpath(full);
          } catch {
            result.problems.push({ file: full, message: messages.symlinkBroken(target), severity: 'error' });
            return;
          }
          if (!isInside(realRoot, realPath)) {
            result.problems.push({ file: full, message: messages.symlinkOutside(target), severity: 'error' });
            return;
          }
          const stat = await fs.stat(realPath);
          isDirectory = stat.isDirectory();
          isFile = stat.isFile();
        }
        if (isDirectory) await visit(full, realPath);
        else if (isFile && isInside(articlesDir, full)) {
          if (ARTICLE_EXTENSION.test(entry.name)) result.articles.push(full);
          else if (NEAR_ARTICLE_EXTENSION.test(entry.name)) {
            const extension = path.extname(entry.name);
            result.problems.push({ file: full, message: messages.ignoredExtension(extension), severity: 'warning' });
          }
        }
      }),
    );
  }
  await visit(contentDir, realRoot);
  result.articles.sort();
  return result;
}

export async function checkContent(options: CheckOptions): Promise<CheckReport> {
  const { config, now } = options;
  const contentDir = path.resolve(options.contentDir);
  const problems: Problem[] = [];
  const show = createDisplayPath(contentDir, options.cwd);
  const only = options.only ? new Set(options.only.map((file) => path.resolve(file))) : undefined;
  const add = (file: string, line: number, field: string, message: string, severity: Problem['severity'] = 'error') =>
    problems.push({ file: show(file), line, field, message, severity });

  let realRoot: string;
  try {
    realRoot = await fs.realpath(contentDir);
  } catch {
    add(path.join(contentDir, 'categories.yaml'), 1, '', messages.categoriesMissing);
    return finish(problems, 0, new Map(), new Map(), 0);
  }

  // categories.yaml
  const categoriesFile = path.join(contentDir, 'categories.yaml');
  const reportCategories = !only || only.has(categoriesFile);
  // A change to the categories can break any article: check them all.
  const reported = (file: string) => !only || only.has(categoriesFile) || only.has(file);
  let categorySlugs: string[] = [];
  /** False when categories.yaml cannot be read at all: articles' categories are then not judged. */
  let categoriesKnown = false;
  const categoryBytes = await fs.readFile(categoriesFile).catch(() => null);
  const categoryText = categoryBytes && decodeUtf8(categoryBytes);
  if (!categoryBytes) {
    if (reportCategories) add(categoriesFile, 1, '', messages.categoriesMissing);
  } else if (categoryText === null) {
    if (reportCategories) add(categoriesFile, firstBadLine(categoryBytes), '', messages.notUtf8);
  } else {
    const reserved = reservedSegments(config);
    const result = parseCategories(categoryText, { reserved });
    if (result.ok) {
      categorySlugs = result.categories.map((category) => category.slug);
      categoriesKnown = true;
    } else {
      categorySlugs = result.slugs ?? [];
      categoriesKnown = categorySlugs.length > 0;
      if (reportCategories) for (const problem of result.problems) add(categoriesFile, problem.line, problem.field, problem.message);
    }
  }

  const walk = await walkContent(contentDir, realRoot);
  for (const problem of walk.problems) {
    if (reported(problem.file)) add(problem.file, 1, '', problem.message, problem.severity);
  }

  const context: ArticleCheckContext = {
    contentDir,
    realRoot,
    config,
    now,
    cwd: options.cwd,
    publicDir: options.publicDir,
    categorySlugs,
    categoriesKnown,
    reported: only && !only.has(categoriesFile) ? walk.articles.filter((file) => only.has(file)) : undefined,
  };
  const { results, reused } = options.cacheDir
    ? await checkWithCache(walk.articles, context, options.cacheDir)
    : { results: await checkArticles(walk.articles, context), reused: 0 };
  const records = results.map((result) => result.record);
  for (const result of results) problems.push(...result.problems);

  // Two articles at one URL (drafts excluded: they are never built).
  const byUrl = new Map<string, ArticleRecord[]>();
  for (const record of records) {
    if (!record.url || record.draft) continue;
    const group = byUrl.get(record.url);
    if (group) group.push(record);
    else byUrl.set(record.url, [record]);
  }
  for (const [url, group] of byUrl) {
    if (group.length < 2) continue;
    for (const record of group) {
      if (!record.reported) continue;
      for (const other of group) {
        if (other === record) continue;
        const sameName = nfc(record.shown) === nfc(other.shown);
        const message = sameName ? messages.duplicateUrlNormalization(url, other.shown) : messages.duplicateUrl(url, other.shown);
        add(record.file, record.urlLine, 'slug', message);
      }
    }
  }

  // Tags and authors spelt otherwise than the page they are filed on ("Báo"
  // on the page of "Bão"). Like addresses, judged on the site as it will be
  // once its embargoed articles are published: drafts are left out (they are
  // never built until undrafted), embargoed articles count and are warned.
  const filed = records.filter((record): record is ArticleRecord & { url: string } => !record.draft && record.url !== undefined);
  const termKinds = [
    { term: 'tag', uses: (record: ArticleRecord) => record.tags, page: (key: string) => tagPath(config.paths, key) },
    { term: 'author', uses: (record: ArticleRecord) => record.authors, page: (key: string) => authorPath(config.paths, key) },
  ] as const;
  for (const { term, uses, page } of termKinds) {
    for (const variant of spellingVariants(filed, uses)) {
      if (!variant.article.reported) continue;
      add(variant.article.file, variant.use.line, variant.use.field, spellingMessage(term, variant, page(variant.key)), 'warning');
    }
  }

  // An article whose slug is a number can land on a page of its category's list.
  const publishedPerCategory = new Map<string, number>();
  for (const record of records) {
    if (record.published && record.category) {
      publishedPerCategory.set(record.category, (publishedPerCategory.get(record.category) ?? 0) + 1);
    }
  }
  for (const record of records) {
    if (!record.reported || record.draft || !record.category || !/^\d+$/.test(record.slug ?? '')) continue;
    const page = Number(record.slug);
    const pages = Math.ceil((publishedPerCategory.get(record.category) ?? 0) / config.pageSize);
    if (page >= 2 && page <= pages) add(record.file, record.urlLine, 'slug', messages.slugIsListingPage(record.url!, page));
  }

  // Aliases: an old address may not be a live page, nor lead to two articles.
  const livePages = new Map<string, string>([['/', messages.homePage]]);
  for (const slug of categorySlugs) livePages.set(categoryPath(slug), messages.categoryPage(slug));
  const aliasOwners = new Map<string, ArticleRecord[]>();
  for (const record of records) {
    if (record.draft) continue;
    for (const alias of record.aliases) {
      const owners = aliasOwners.get(alias.path) ?? [];
      if (!owners.includes(record)) owners.push(record);
      aliasOwners.set(alias.path, owners);
    }
  }
  for (const record of records) {
    if (!record.reported || record.draft) continue;
    for (const alias of record.aliases) {
      const owner = byUrl.get(alias.path)?.[0];
      if (owner === record) add(record.file, alias.line, alias.field, messages.aliasOwnUrl(alias.path));
      else if (owner) add(record.file, alias.line, alias.field, messages.aliasCollision(alias.path, owner.shown));
      else if (livePages.has(alias.path)) add(record.file, alias.line, alias.field, messages.aliasCollision(alias.path, livePages.get(alias.path)!));
      const others = (aliasOwners.get(alias.path) ?? []).filter((other) => other !== record);
      if (others.length > 0) add(record.file, alias.line, alias.field, messages.aliasDuplicate(alias.path, others.map((o) => o.shown).join(', ')));
    }
  }

  const urls = new Map<string, string>();
  const addresses = new Map<string, string[]>();
  for (const record of records) {
    if (!record.url) continue;
    if (record.published) urls.set(record.url, record.shown);
    addresses.set(record.url, [...(addresses.get(record.url) ?? []), record.shown]);
  }
  return finish(problems, records.filter((record) => record.reported).length, urls, addresses, reused);
}

/** The warning for a name filed on a page that shows it spelt otherwise (see `spellingVariants`). */
function spellingMessage(term: 'tag' | 'author', variant: SpellingVariant<ArticleRecord, TermSpelling>, page: string): string {
  const { spelling, shown, shownBy } = variant;
  if (variant.kind === 'unaccented') return messages.termUnaccented(spelling, shown, page, shownBy);
  if (variant.kind === 'accents') return messages.termAccents(term, spelling, shown, page, shownBy);
  return messages.termSameAddress(term, spelling, shown, page, shownBy);
}

function finish(problems: Problem[], articles: number, urls: Map<string, string>, addresses: Map<string, string[]>, reused: number): CheckReport {
  const order = (file: string) => (file.endsWith('categories.yaml') ? 0 : 1);
  problems.sort(
    (a, b) => order(a.file) - order(b.file) || (a.file < b.file ? -1 : a.file > b.file ? 1 : 0) || a.line - b.line,
  );
  const errors = problems.filter((problem) => problem.severity === 'error').length;
  return { problems, articles, errors, warnings: problems.length - errors, urls, addresses, reused };
}

/** One problem as a line: `content/articles/a.md:3: category: warning: ...`. */
export function formatProblem(problem: Problem): string {
  const field = problem.field ? `${problem.field}: ` : '';
  const tag = problem.severity === 'warning' ? `${messages.warningTag}: ` : '';
  return `${problem.file}:${problem.line}: ${field}${tag}${problem.message}`;
}

/** The report: problems grouped per file (a blank line between files), then the count. */
export function formatReport(report: CheckReport): string {
  const lines: string[] = [];
  let current: string | undefined;
  for (const problem of report.problems) {
    if (current !== undefined && problem.file !== current) lines.push('');
    current = problem.file;
    lines.push(formatProblem(problem));
  }
  if (lines.length > 0) lines.push('');
  const files = new Set(report.problems.map((problem) => problem.file)).size;
  lines.push(
    report.problems.length > 0
      ? messages.summary(report.errors, report.warnings, files, report.articles)
      : messages.allGood(report.articles),
  );
  return lines.join('\n');
}
