/**
 * The articles loader. It decides publication before Astro sees an entry, so
 * a draft or an embargoed article never reaches the data store, and none of its
 * images are processed or emitted. It keeps Astro's content cache: an article
 * whose file is unchanged is not parsed by the schema or rendered again.
 *
 * Entry ids are the article's URL path without slashes ("chinh-tri/dai-hoi"),
 * so two published files that resolve to one URL are caught here by name.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Loader, LoaderContext } from 'astro/loaders';
import { glob as findFiles } from 'tinyglobby';
import pLimit from 'p-limit';
import { decodeUtf8, parseArticleSource } from '../lib/front-matter.ts';
import { parseNewsDate } from '../lib/dates.ts';
import { isPublished } from '../lib/publishing.ts';
import { slugify, slugFromFileName } from '../lib/slug.ts';
import { messages } from '../lib/messages.ts';

export interface ArticlesLoaderOptions {
  /** Absolute path of the folder holding the article files. */
  articlesDir: string;
  timeZone: string;
  now: Date;
  preview: boolean;
  allowMdx: boolean;
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

export function articlesLoader(options: ArticlesLoaderOptions): Loader {
  return {
    name: 'newsroom-articles',
    load: async (context: LoaderContext) => {
      const { store, config, generateDigest, parseData, renderMarkdown } = context;
      const root = path.resolve(decodeURI(config.root.pathname));
      const files = (await findFiles(ARTICLE_PATTERNS, { cwd: options.articlesDir, expandDirectories: false })).sort();
      const untouched = new Set(store.keys());
      const owners = new Map<string, Candidate>();
      const limit = pLimit(8);
      const display = (file: string) => path.relative(root, path.join(options.articlesDir, file)).split(path.sep).join('/');

      async function syncFile(file: string): Promise<void> {
        const absolute = path.join(options.articlesDir, file);
        const shown = display(file);
        const isMdx = file.toLowerCase().endsWith('.mdx');
        if (isMdx && !options.allowMdx) throw new ContentError(shown, 1, '', messages.mdxNotAllowed);
        const contents = decodeUtf8(await fs.readFile(absolute));
        if (contents === null) throw new ContentError(shown, 1, '', messages.notUtf8);
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
        const previous = owners.get(id);
        if (previous) {
          const [first, second] = [previous.file, shown].sort();
          throw new ContentError(second!, source.keyLines.get('slug') ?? 1, 'slug', messages.duplicateUrl(`/${id}/`, first!));
        }
        owners.set(id, { file: shown, id });
        untouched.delete(id);

        const digest = generateDigest(contents);
        const existing = store.get(id);
        if (existing && existing.digest === digest && existing.filePath === shown) {
          if (existing.deferredRender) store.addModuleImport(existing.filePath);
          // The store has addAssetImports at run time (Astro's glob loader uses it) but its public type omits it.
          const assets = store as typeof store & { addAssetImports(assets: string[], filePath: string): void };
          if (existing.assetImports?.length) assets.addAssetImports(existing.assetImports, existing.filePath);
          return;
        }

        let parsed: Record<string, unknown>;
        try {
          parsed = await parseData({ id, data, filePath: absolute });
        } catch (error) {
          throw new ContentError(shown, 1, '', `invalid front matter: ${(error as Error).message}`);
        }
        if (isMdx) {
          store.set({ id, data: parsed, body: source.body, filePath: shown, digest, deferredRender: true });
          return;
        }
        let rendered;
        try {
          // Leading blank lines keep Markdown line numbers equal to file line numbers.
          rendered = await renderMarkdown('\n'.repeat(source.bodyLine - 1) + source.body, {
            fileURL: pathToFileURL(absolute),
          });
        } catch (error) {
          throw new ContentError(shown, source.bodyLine, '', `cannot render Markdown: ${(error as Error).message}`);
        }
        store.set({
          id,
          data: parsed,
          body: source.body,
          filePath: shown,
          digest,
          rendered,
          assetImports: rendered.metadata?.imagePaths,
        });
      }

      await Promise.all(files.map((file) => limit(() => syncFile(file))));
      for (const id of untouched) store.delete(id);
    },
  };
}
