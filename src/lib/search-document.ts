/**
 * What the search index holds of a built page: read from the page's HTML with
 * a streaming parser (htmlparser2, no DOM), and the stand-in page given to
 * Pagefind in its place. Pure: the index builder (scripts/lib/search-index.ts)
 * does the files and Pagefind.
 *
 * Only pages with a `data-pagefind-body` element (article pages) are indexed,
 * and only the text of that element, less anything marked `data-pagefind-ignore`
 * or `hidden` (navigation, lists, share links, footer), block by block with the
 * weight of the block (h1 7 ... h6 2, else 1, or the element's
 * `data-pagefind-weight`), and exact keys for headings and the article header
 * only (`data-search-exact`). The stand-in page holds the title, excerpt, date and
 * category as Pagefind metadata and filter and, instead of the text, its search
 * keys (`searchKeys` in src/lib/search.ts). Why: see docs/search.md.
 */
import { Parser } from 'htmlparser2';
import { formatDate } from './dates.ts';
import { keyWord, searchKeys } from './search.ts';
import { squashWhitespace } from './text.ts';

/** A block of article text, its ranking weight, and whether its exact keys are indexed. */
export interface TextBlock {
  text: string;
  weight: number;
  /**
   * Whether the block gets the exact stream of keys (marks as written) besides
   * the folded one: headings and anything inside `data-search-exact` (the
   * article's header: title and lead). See "Cost" in docs/search.md.
   */
  exact: boolean;
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

export interface StandInOptions {
  /** Language of the index; the search page's `<html lang>` must be the same. */
  language: string;
  timeZone: string;
  /** Date pattern of results ("dd/MM/yyyy"). */
  dateFormat: string;
}

/** Pagefind's default weights for headings; everything else weighs 1. */
const HEADING_WEIGHTS: Record<string, number> = { h1: 7, h2: 6, h3: 5, h4: 4, h5: 3, h6: 2 };
const BLOCK_ELEMENTS = new Set(
  'address article aside blockquote br dd details div dl dt fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre section summary table tbody td th thead tr ul'.split(' '),
);
const SKIPPED_ELEMENTS = new Set('script style noscript template svg iframe object button select textarea'.split(' '));

/** Text captured for metadata, by what marks it. */
type Capture = 'title' | 'category' | 'date' | 'h1' | 'documentTitle';

interface Frame {
  weight: number;
  /** Text inside is not indexed (skipped element, data-pagefind-ignore, hidden). */
  ignored: boolean;
  /** This element is the indexed body. */
  body: boolean;
  exact: boolean;
  /** Its start and end separate blocks of text. */
  boundary: boolean;
  captures: Capture[];
}

/** What the index needs of a built page, or undefined for a page that is not indexed. */
export function extractSearchDocument(html: string, url: string): SearchDocument | undefined {
  if (!html.includes('data-pagefind-body')) return undefined;
  const stack: Frame[] = [];
  const captured: Partial<Record<Capture, string>> = {};
  const active = new Map<Capture, number>();
  const blocks: TextBlock[] = [];
  let description = '';
  let inBody = 0;
  let seenBody = false;
  let buffer = '';
  let bufferWeight = 1;
  let bufferExact = false;
  const flush = () => {
    const text = squashWhitespace(buffer);
    if (text) blocks.push({ text, weight: bufferWeight, exact: bufferExact });
    buffer = '';
  };
  const top = (): Frame | undefined => stack[stack.length - 1];

  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const parent = top();
        const captures: Capture[] = [];
        const meta = attributes['data-pagefind-meta'];
        if (meta === 'title' && captured.title === undefined) captures.push('title');
        if (meta === 'date' && captured.date === undefined) captures.push('date');
        if (attributes['data-pagefind-filter'] === 'category' && captured.category === undefined) captures.push('category');
        if (name === 'h1' && captured.h1 === undefined) captures.push('h1');
        if (name === 'title' && captured.documentTitle === undefined) captures.push('documentTitle');
        if (name === 'meta' && attributes.name === 'description') description = attributes.content ?? '';
        for (const capture of captures) active.set(capture, (active.get(capture) ?? 0) + 1);

        const body = !seenBody && 'data-pagefind-body' in attributes;
        if (body) seenBody = true;
        const parentWeight = parent?.weight ?? 1;
        const ignored =
          (parent?.ignored ?? false) ||
          SKIPPED_ELEMENTS.has(name) ||
          'data-pagefind-ignore' in attributes ||
          'hidden' in attributes;
        const explicit = Number.parseFloat(attributes['data-pagefind-weight'] ?? '');
        const weight = Number.isFinite(explicit) ? explicit : (HEADING_WEIGHTS[name] ?? parentWeight);
        const exact = (parent?.exact ?? false) || name in HEADING_WEIGHTS || 'data-search-exact' in attributes;
        // Text on either side of a block element, or of a change of weight or of exactness, is a separate block.
        const boundary =
          body || (inBody > 0 && !ignored && (BLOCK_ELEMENTS.has(name) || weight !== parentWeight || exact !== (parent?.exact ?? false)));
        if (boundary) flush();
        if (body) inBody += 1;
        stack.push({ weight: body ? 1 : weight, ignored: body ? false : ignored, body, exact, boundary, captures });
      },
      ontext(text) {
        for (const capture of active.keys()) captured[capture] = (captured[capture] ?? '') + text;
        const frame = top();
        if (inBody === 0 || !frame || frame.ignored) return;
        if (buffer === '') {
          bufferWeight = frame.weight;
          bufferExact = frame.exact;
        }
        buffer += text;
      },
      onclosetag() {
        const frame = stack.pop();
        if (!frame) return;
        for (const capture of frame.captures) {
          const count = (active.get(capture) ?? 1) - 1;
          if (count === 0) {
            active.delete(capture);
            captured[capture] ??= '';
          } else active.set(capture, count);
        }
        if (frame.boundary) flush();
        if (frame.body) inBody -= 1;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  if (!seenBody) return undefined;

  const text = (capture: Capture) => {
    const value = squashWhitespace(captured[capture] ?? '');
    return value === '' ? undefined : value;
  };
  return {
    url,
    title: text('title') ?? text('h1') ?? text('documentTitle') ?? url,
    excerpt: squashWhitespace(description),
    category: text('category'),
    date: text('date'),
    blocks,
  };
}

/** Where a stand-in page's keys start. */
const STAND_IN_BODY = '<main data-pagefind-body>';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escapeHtml = (value: string) => value.replace(/[&<>"]/g, (char) => HTML_ESCAPES[char]!);

/**
 * The stand-in page given to Pagefind: search keys as content, weighted per
 * block; title, excerpt, category and date (ISO and as shown) as metadata;
 * the category as the filter; the date as the sort key.
 */
export function standInPage(doc: SearchDocument, options: StandInOptions): string {
  const meta = (key: string, value: string | undefined) =>
    value === undefined ? '' : `<span data-pagefind-meta="${key}">${escapeHtml(value)}</span>`;
  const date = doc.date ? new Date(doc.date) : undefined;
  const validDate = date && !Number.isNaN(date.getTime()) ? date : undefined;
  let content = '';
  for (const block of doc.blocks) {
    const keys = searchKeys(block.text, block.exact);
    if (keys !== '') content += `<p data-pagefind-weight="${block.weight}">${escapeHtml(keys)}</p>`;
  }
  return (
    `<!doctype html><html lang="${escapeHtml(options.language)}"><head><meta charset="utf-8"></head><body>` +
    `${STAND_IN_BODY}${content}</main>` +
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

/**
 * The folded words of a stand-in page (`standInPage`), each once: the words
 * of its `u` keys. The build counts them per index for the completions of
 * half-typed words (src/lib/search-completions.ts).
 */
export function standInWords(html: string): string[] {
  const start = html.indexOf(STAND_IN_BODY);
  const end = html.indexOf('</main>', start);
  if (start === -1 || end === -1) return [];
  const words = new Set<string>();
  for (const token of html.slice(start + STAND_IN_BODY.length, end).replace(/<[^>]*>/g, ' ').split(/\s+/)) {
    const word = keyWord(token);
    if (word !== undefined) words.add(word);
  }
  return [...words];
}

/** One search index of a sharded archive: consecutive days of publication. */
export interface SearchShard {
  /** First and last day ("2024-09-18"); the folder of a shard that is not the newest. */
  first: string;
  last: string;
  days: string[];
  articles: number;
}

/**
 * Splits an archive into search indexes of at most `size` articles, by day
 * of publication: consecutive days, oldest first, greedily; a day larger
 * than `size` is an index of its own. Oldest first, so the boundaries of old
 * indexes move only when an old day's count changes: new articles land in
 * the newest index, and the others are reused from the last build.
 * `days` maps "yyyy-MM-dd" to its number of articles.
 */
export function planSearchShards(days: ReadonlyMap<string, number>, size: number): SearchShard[] {
  const shards: SearchShard[] = [];
  let current: SearchShard | undefined;
  for (const day of [...days.keys()].sort()) {
    const count = days.get(day)!;
    if (!current || current.articles + count > size) {
      current = { first: day, last: day, days: [], articles: 0 };
      shards.push(current);
    }
    current.days.push(day);
    current.last = day;
    current.articles += count;
  }
  return shards;
}
