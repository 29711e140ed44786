/**
 * The articles loader. It decides publication before Astro sees an entry, so
 * a draft or an embargoed article never reaches the data store, and none of its
 * images are processed or emitted. It keeps Astro's content cache: an article
 * whose file is unchanged is not parsed (neither its YAML nor by the schema)
 * or rendered again, as long as the code that renders Markdown and this
 * loader's own code are unchanged too (`renderVersion`, `LOADER_VERSION`);
 * only its publication is judged again, from its stored date.
 *
 * Entry ids are the article's URL path without slashes ("chinh-tri/dai-hoi"),
 * so two published files that resolve to one URL are caught here by name.
 *
 * The store holds what pages need and no more, because Astro writes all of it
 * into one JavaScript module that every build bundles, compiles and loads into
 * memory (at 10,000 articles, ~20 s to bundle and ~47 s to compile with the
 * bodies inside): the data and the excerpt (computed here from the body, as
 * `data.excerpt`). The rendered HTML of an article goes to a file of its own
 * in the cache folder (`data.bodyFile`, named by the digest, read by the page
 * that shows it), except when the body has local photos: those stay in
 * Astro's store as `rendered`, whose image references Astro's `render()`
 * resolves. The Markdown body itself is not kept.
 */
import { existsSync, promises as fs, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob as findFiles } from 'tinyglobby';
import pLimit from 'p-limit';
import { decodeUtf8, parseArticleSource } from '../lib/front-matter.ts';
import { parseNewsDate } from '../lib/dates.ts';
import { makeExcerpt } from '../lib/excerpt.ts';
import { isPublished } from '../lib/publishing.ts';
import { slugify, slugFromFileName } from '../lib/slug.ts';
import { messages } from '../lib/messages.ts';
import { createMarkdownPool, type MarkdownPool } from './markdown-pool.ts';
import { renderVersion } from './render-version.ts';
import { codeDigest } from './code-digest.ts';
import { writeCacheFile } from './cache-file.ts';

export interface ArticlesLoaderOptions {
  /** Absolute path of the folder holding the article files. */
  articlesDir: string;
  timeZone: string;
  now: Date;
  preview: boolean;
  allowMdx: boolean;
  /** Length of the excerpt shown in lists (`excerptLength` of the site configuration). */
  excerptLength: number;
  /**
   * Worker threads that render the Markdown the content cache does not hold.
   * Unset: `defaultMarkdownWorkers()` once at least `POOL_THRESHOLD` articles
   * need rendering, else the main thread. 0: always the main thread. A number:
   * that many workers for any batch.
   */
  markdownWorkers?: number;
}

/** An entry of the content store (astro/loaders does not export the type). */
type DataEntry = NonNullable<ReturnType<LoaderContext['store']['get']>>;

/** Folder of the rendered bodies under Astro's cache folder. */
export const HTML_CACHE_FOLDER = 'newsroom-html';

/** Bumped when what the loader stores changes, so entries cached by an older version are made again. */
const STORE_FORMAT = 'newsroom-articles 4';

/**
 * This loader's code and what it imports (ids, excerpts, dates, publication):
 * an unchanged file's stored entry is reused without parsing it again, so an
 * entry made by other code must not be.
 */
const LOADER_VERSION = codeDigest(fileURLToPath(import.meta.url));

/** Below this many cache misses, starting workers costs more than it saves. */
export const POOL_THRESHOLD = 150;

/** One worker per core, leaving the main thread to parse front matter meanwhile; at most 4. */
export function defaultMarkdownWorkers(): number {
  const cores = os.availableParallelism();
  return cores < 2 ? 0 : Math.min(4, cores);
}

export const ARTICLE_PATTERNS = ['**/*.md', '**/*.mdx'];

/** An error that names the file and line, as reporters see it. */
export class ContentError extends Error {
  constructor(file: string, line: number, field: string, message: string) {
    super(`${file}:${line}: ${field ? `${field}: ` : ''}${message}`);
    this.name = 'ContentError';
  }
}

interface Candidate {
  file: string;
  id: string;
}

/** A published Markdown article that the content cache does not hold (new or changed). */
interface ToRender {
  id: string;
  absolute: string;
  shown: string;
  digest: string;
  data: Record<string, unknown>;
  body: string;
  bodyLine: number;
}

export function articlesLoader(options: ArticlesLoaderOptions): Loader {
  return {
    name: 'newsroom-articles',
    load: async (context: LoaderContext) => {
      const { store, config, generateDigest, parseData, renderMarkdown, logger } = context;
      const root = path.resolve(decodeURI(config.root.pathname));
      const files = (await findFiles(ARTICLE_PATTERNS, { cwd: options.articlesDir, expandDirectories: false })).sort();
      const untouched = new Set(store.keys());
      // Rendered bodies, one file per digest: kept between builds with the rest of the cache.
      const htmlDir = path.join(fileURLToPath(config.cacheDir), HTML_CACHE_FOLDER);
      await fs.mkdir(htmlDir, { recursive: true });
      const htmlFile = (digest: string) => path.join(htmlDir, `${digest}.html`);
      const owners = new Map<string, Candidate>();
      const limit = pLimit(8);
      const display = (file: string) => path.relative(root, path.join(options.articlesDir, file)).split(path.sep).join('/');
      const toRender: ToRender[] = [];
      let cached = 0;
      // The code that renders bodies, and this loader's own (ids, excerpts, dates): an entry made by other code is not reused.
      const codeVersion = `${renderVersion(config)}\n${LOADER_VERSION}`;
      // The entries of the last build by file, so that an unchanged file is known before its front matter is parsed.
      const storedByFile = new Map<string, DataEntry>();
      for (const entry of store.values()) if (entry.filePath) storedByFile.set(entry.filePath, entry);

      /** Validates the front matter, then adds the excerpt, computed from the lead or the body (never from front matter). */
      const parse = async (id: string, data: Record<string, unknown>, body: string, absolute: string, shown: string) => {
        const { excerpt: _excerpt, bodyFile: _bodyFile, ...fields } = data;
        try {
          const parsed = await parseData({ id, data: fields, filePath: absolute });
          const lead = typeof parsed.lead === 'string' ? parsed.lead : undefined;
          return { ...parsed, excerpt: makeExcerpt(lead, body, options.excerptLength) };
        } catch (error) {
          throw new ContentError(shown, 1, '', `invalid front matter: ${(error as Error).message}`);
        }
      };

      /** Whether a stored entry is its file as it is now (`digest`), with its rendered body still in the cache. */
      const isKept = (entry: DataEntry, digest: string): boolean => {
        const bodyFile = entry.data.bodyFile;
        return entry.digest === digest && (bodyFile === undefined || (bodyFile === htmlFile(digest) && existsSync(bodyFile)));
      };

      /** Keeps a stored entry as it is. */
      const keep = (entry: DataEntry): void => {
        cached += 1;
        if (entry.deferredRender) store.addModuleImport(entry.filePath!);
        // The store has addAssetImports at run time (Astro's glob loader uses it) but its public type omits it.
        const assets = store as typeof store & { addAssetImports(assets: string[], filePath: string): void };
        if (entry.assetImports?.length) assets.addAssetImports(entry.assetImports, entry.filePath!);
      };

      /** Gives the URL `id` to `shown`, or fails where another file has it (at the line of `slug`). */
      const claim = (id: string, shown: string, slugLine: () => number): void => {
        const previous = owners.get(id);
        if (previous) {
          const [first, second] = [previous.file, shown].sort();
          throw new ContentError(second!, slugLine(), 'slug', messages.duplicateUrl(`/${id}/`, first!));
        }
        owners.set(id, { file: shown, id });
        untouched.delete(id);
      };

      /** Decides publication, catches duplicate URLs, keeps cached entries; queues the rest. */
      async function scanFile(file: string): Promise<void> {
        const absolute = path.join(options.articlesDir, file);
        const shown = display(file);
        const isMdx = file.toLowerCase().endsWith('.mdx');
        if (isMdx && !options.allowMdx) throw new ContentError(shown, 1, '', messages.mdxNotAllowed);
        // Synchronous: a small file, and the thread pool's round trip costs more than the read.
        const contents = decodeUtf8(readFileSync(absolute));
        if (contents === null) throw new ContentError(shown, 1, '', messages.notUtf8);
        // What the entry holds depends on the file and on these: a change to either renders it again.
        const digest = generateDigest(`${STORE_FORMAT}\n${codeVersion}\n${options.excerptLength}\n${options.timeZone}\n${contents}`);

        // Unchanged since the last build, which parsed, validated and rendered it:
        // only its publication is judged again (the clock moves), from its stored date.
        const stored = storedByFile.get(shown);
        const storedDate = stored?.data.date;
        if (stored && isKept(stored, digest) && storedDate instanceof Date) {
          if (!isPublished({ draft: stored.data.draft === true, date: storedDate }, options)) return;
          claim(stored.id, shown, () => parseArticleSource(contents).keyLines.get('slug') ?? 1);
          keep(stored);
          return;
        }

        const source = parseArticleSource(contents);
        const problem = source.problems[0];
        if (problem) throw new ContentError(shown, problem.line, problem.field, problem.message);
        const data = source.data;

        // Publication is decided from the raw values first, so unpublished
        // entries never reach the schema (whose image() would emit their photos).
        const rawDate = parseNewsDate(data.date, options.timeZone);
        const draft = data.draft === true;
        if (rawDate.ok && !isPublished({ draft, date: rawDate.value.date }, options)) return;

        const slug = typeof data.slug === 'string' && data.slug.trim() ? slugify(data.slug) : slugFromFileName(file);
        const id = `${String(data.category ?? '').trim()}/${slug}`;
        // New or changed (an unchanged file was kept above).
        claim(id, shown, () => source.keyLines.get('slug') ?? 1);
        if (isMdx) {
          // MDX is compiled by Vite when a page renders it (deferred render).
          const parsed = await parse(id, data, source.body, absolute, shown);
          store.set({ id, data: parsed, body: source.body, filePath: shown, digest, deferredRender: true });
          return;
        }
        toRender.push({ id, absolute, shown, digest, data, body: source.body, bodyLine: source.bodyLine });
      }

      await Promise.all(files.map((file) => limit(() => scanFile(file))));
      for (const id of untouched) store.delete(id);

      // Cold entries: rendered on worker threads when there are many, else here.
      const workers = options.markdownWorkers ?? (toRender.length >= POOL_THRESHOLD ? defaultMarkdownWorkers() : 0);
      let pool: MarkdownPool | undefined;
      if (workers > 0 && toRender.length > 0) {
        pool = await createMarkdownPool(config, workers, (reason) =>
          logger.warn(`rendering Markdown on the main thread: ${reason}`),
        );
      }
      const render = pool
        ? (markdown: string, fileURL: URL) => pool.render(markdown, fileURL)
        : (markdown: string, fileURL: URL) => renderMarkdown(markdown, { fileURL });

      async function renderEntry(entry: ToRender): Promise<void> {
        // Leading blank lines keep Markdown line numbers equal to file line numbers.
        const markdown = '\n'.repeat(entry.bodyLine - 1) + entry.body;
        // The render starts before the schema runs, so workers and the main thread overlap.
        const rendering = render(markdown, pathToFileURL(entry.absolute));
        rendering.catch(() => {});
        const parsed = await parse(entry.id, entry.data, entry.body, entry.absolute, entry.shown);
        let rendered: Awaited<typeof rendering>;
        try {
          rendered = await rendering;
        } catch (error) {
          throw new ContentError(entry.shown, entry.bodyLine, '', `cannot render Markdown: ${(error as Error).message}`);
        }
        const images = rendered.metadata?.imagePaths ?? [];
        if (images.length > 0) {
          store.set({ id: entry.id, data: parsed, filePath: entry.shown, digest: entry.digest, rendered, assetImports: images });
          return;
        }
        const bodyFile = htmlFile(entry.digest);
        // Written whole or not at all: a build killed here must not leave half a body for the next to reuse.
        writeCacheFile(bodyFile, rendered.html);
        store.set({ id: entry.id, data: { ...parsed, bodyFile }, filePath: entry.shown, digest: entry.digest });
      }

      try {
        // The pool queues everything at once; the main thread renders a few at a time.
        const renderLimit = pool ? pLimit(64) : limit;
        await Promise.all(toRender.map((entry) => renderLimit(() => renderEntry(entry))));
      } finally {
        await pool?.close();
      }
      // Bodies no entry points at any more (edited, unpublished or deleted articles).
      const kept = new Set<string>();
      for (const entry of store.values()) if (typeof entry.data.bodyFile === 'string') kept.add(path.basename(entry.data.bodyFile));
      for (const name of await fs.readdir(htmlDir)) {
        if (!kept.has(name)) await fs.rm(path.join(htmlDir, name), { force: true });
      }
      logger.info(`${toRender.length} rendered, ${cached} from the cache${pool ? ` (${pool.size} worker threads)` : ''}`);
    },
  };
}
