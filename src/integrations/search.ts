/**
 * The search index, built after Astro has written the site (`astro:build:done`,
 * whose `dir` is the staging folder in a production build). It reads the built
 * HTML, so only pages that were really published are indexed: drafts and
 * embargoed articles are never built, hence never indexed.
 *
 * Only pages with a `data-pagefind-body` element (article pages) are indexed,
 * and only the text of that element, less anything marked `data-pagefind-ignore`
 * or `hidden` (navigation, lists, share links, footer). Each page is not given
 * to Pagefind as it is, but as a stand-in page built through Pagefind's Node
 * API (`addHTMLFile`): the article's title, excerpt, date and category as
 * Pagefind metadata and filter, and instead of the text, its search keys
 * (`searchKeys` in src/lib/search.ts: a folded and an exact stream of keys),
 * block by block with the weight of the block (h1 7 ... h6 2, else 1, or the
 * element's `data-pagefind-weight`). Why: see src/lib/search.ts and docs/search.md.
 *
 * The bundle goes to `<dir>/pagefind/` (`searchBundlePath`) without Pagefind's default UI files,
 * which the site does not use.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { parseHTML } from 'linkedom';
import * as pagefind from 'pagefind';
import { formatDate } from '../lib/dates.ts';
import { searchKeys } from '../lib/search.ts';
import { searchBundlePath } from '../lib/urls.ts';
import { squashWhitespace } from '../lib/text.ts';

export interface SearchIndexOptions {
  /** Language of the index; the search page's `<html lang>` must be the same. */
  language: string;
  timeZone: string;
  /** Date pattern of results ("dd/MM/yyyy"). */
  dateFormat: string;
  /** Folder of the bundle under the output folder (default: from `searchBundlePath`, "pagefind"). */
  bundleDir?: string;
}

/** A block of article text and its ranking weight. */
export interface TextBlock {
  text: string;
  weight: number;
}

export interface SearchDocument {
  url: string;
  title: string;
  excerpt: string;
  category?: string;
  /** ISO 8601. */
  date?: string;
  blocks: TextBlock[];
}

/** Pagefind's default weights for headings; everything else weighs 1. */
const HEADING_WEIGHTS: Record<string, number> = { H1: 7, H2: 6, H3: 5, H4: 4, H5: 3, H6: 2 };
const BLOCK_ELEMENTS = new Set(
  'ADDRESS ARTICLE ASIDE BLOCKQUOTE BR DD DETAILS DIV DL DT FIELDSET FIGCAPTION FIGURE FOOTER FORM H1 H2 H3 H4 H5 H6 HEADER HR LI MAIN NAV OL P PRE SECTION SUMMARY TABLE TBODY TD TH THEAD TR UL'.split(' '),
);
const SKIPPED_ELEMENTS = new Set('SCRIPT STYLE NOSCRIPT TEMPLATE SVG IFRAME OBJECT BUTTON SELECT TEXTAREA'.split(' '));
/** Pagefind's bundle files that the site does not load (its default UIs). */
const UNUSED_BUNDLE_FILE = /^pagefind-(ui|modular-ui|component-ui|highlight)\.(js|css)$/;

/** The text blocks of an element, in document order, with their weights. */
export function textBlocks(root: Element): TextBlock[] {
  const blocks: TextBlock[] = [];
  let buffer = '';
  let bufferWeight = 1;
  const flush = () => {
    const text = squashWhitespace(buffer);
    if (text) blocks.push({ text, weight: bufferWeight });
    buffer = '';
  };
  const walk = (node: Node, weight: number) => {
    for (const child of Array.from(node.childNodes)) {
      if (child.nodeType === 3) {
        if (buffer === '') bufferWeight = weight;
        buffer += child.textContent ?? '';
        continue;
      }
      if (child.nodeType !== 1) continue;
      const element = child as Element;
      if (SKIPPED_ELEMENTS.has(element.tagName.toUpperCase())) continue;
      if (element.hasAttribute('data-pagefind-ignore') || element.hasAttribute('hidden')) continue;
      const explicit = Number.parseFloat(element.getAttribute('data-pagefind-weight') ?? '');
      const childWeight = Number.isFinite(explicit) ? explicit : (HEADING_WEIGHTS[element.tagName.toUpperCase()] ?? weight);
      if (BLOCK_ELEMENTS.has(element.tagName.toUpperCase()) || childWeight !== weight) {
        flush();
        walk(element, childWeight);
        flush();
      } else {
        walk(element, childWeight);
      }
    }
  };
  walk(root, 1);
  flush();
  return blocks;
}

/** What the index needs of a built page, or undefined for a page that is not indexed. */
export function extractSearchDocument(html: string, url: string): SearchDocument | undefined {
  if (!html.includes('data-pagefind-body')) return undefined;
  const { document } = parseHTML(html);
  const body = document.querySelector('[data-pagefind-body]');
  if (!body) return undefined;
  const text = (selector: string) => {
    const value = squashWhitespace(document.querySelector(selector)?.textContent ?? '');
    return value === '' ? undefined : value;
  };
  const title = text('[data-pagefind-meta="title"]') ?? text('h1') ?? text('title') ?? url;
  return {
    url,
    title,
    excerpt: squashWhitespace(document.querySelector('meta[name="description"]')?.getAttribute('content') ?? ''),
    category: text('[data-pagefind-filter="category"]'),
    date: text('[data-pagefind-meta="date"]'),
    blocks: textBlocks(body as unknown as Element),
  };
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeHtml = (value: string) => value.replace(/[&<>"]/g, (char) => HTML_ESCAPES[char]!);

/**
 * The stand-in page given to Pagefind: search keys as content, weighted per
 * block; title, excerpt, category and date (ISO and as shown) as metadata;
 * the category as the filter; the date as the sort key.
 */
export function indexPage(doc: SearchDocument, options: SearchIndexOptions): string {
  const meta = (key: string, value: string | undefined) =>
    value === undefined ? '' : `<span data-pagefind-meta="${key}">${escapeHtml(value)}</span>`;
  const date = doc.date ? new Date(doc.date) : undefined;
  const validDate = date && !Number.isNaN(date.getTime()) ? date : undefined;
  const content = doc.blocks
    .map((block) => ({ weight: block.weight, keys: searchKeys(block.text) }))
    .filter((block) => block.keys !== '')
    .map((block) => `<p data-pagefind-weight="${block.weight}">${escapeHtml(block.keys)}</p>`)
    .join('');
  return (
    `<!doctype html><html lang="${escapeHtml(options.language)}"><head><meta charset="utf-8"></head><body>` +
    `<main data-pagefind-body>${content}</main>` +
    meta('title', doc.title) +
    meta('excerpt', doc.excerpt) +
    meta('category', doc.category) +
    meta('date', validDate?.toISOString()) +
    meta('dateText', validDate && formatDate(validDate, options.dateFormat, options.timeZone)) +
    (doc.category ? `<span data-pagefind-filter="category">${escapeHtml(doc.category)}</span>` : '') +
    (validDate ? `<span data-pagefind-sort="date">${validDate.toISOString()}</span>` : '') +
    '</body></html>'
  );
}

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

/** Builds the Pagefind index of `outDir`; returns the number of pages indexed. */
export async function buildSearchIndex(outDir: string, options: SearchIndexOptions): Promise<{ pages: number; bytes: number }> {
  const bundleDir = options.bundleDir ?? searchBundlePath.replace(/^\/|\/$/g, '');
  const bundlePath = path.join(outDir, bundleDir);
  await fs.rm(bundlePath, { recursive: true, force: true });
  const { index, errors } = await pagefind.createIndex({ forceLanguage: options.language });
  if (!index) throw new Error(`Pagefind could not create an index: ${errors.join('; ')}`);
  try {
    const files = await htmlFiles(outDir, new Set([bundleDir, '_astro']));
    let pages = 0;
    const batch = 16;
    for (let start = 0; start < files.length; start += batch) {
      await Promise.all(
        files.slice(start, start + batch).map(async (relative) => {
          const doc = extractSearchDocument(await fs.readFile(path.join(outDir, relative), 'utf8'), fileToUrl(relative));
          if (!doc) return;
          const added = await index.addHTMLFile({ url: doc.url, content: indexPage(doc, options) });
          if (added.errors.length > 0) throw new Error(`Pagefind could not index ${relative}: ${added.errors.join('; ')}`);
          pages += 1;
        }),
      );
    }
    const bundle = await index.getFiles();
    if (bundle.errors.length > 0) throw new Error(`Pagefind could not write its index: ${bundle.errors.join('; ')}`);
    let bytes = 0;
    for (const file of bundle.files) {
      if (UNUSED_BUNDLE_FILE.test(file.path)) continue;
      const target = path.join(bundlePath, file.path);
      await fs.mkdir(path.dirname(target), { recursive: true });
      await fs.writeFile(target, file.content);
      bytes += file.content.length;
    }
    return { pages, bytes };
  } finally {
    await pagefind.close();
  }
}

/** The Astro integration: indexes the built site for search. */
export function searchIndex(options: SearchIndexOptions): AstroIntegration {
  return {
    name: 'newsroom-search',
    hooks: {
      'astro:build:done': async ({ dir, logger }) => {
        const start = performance.now();
        const { pages, bytes } = await buildSearchIndex(fileURLToPath(dir), options);
        logger.info(`Indexed ${pages} articles for search (${Math.round(bytes / 1024)} KB) in ${Math.round(performance.now() - start)} ms`);
      },
    },
  };
}
