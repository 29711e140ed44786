/**
 * The checks of one article file, on its own: encoding, front matter and
 * YAML, the schema, unknown keys, control characters, publication warnings,
 * images and MDX. What it learns for the checks across files (URL, aliases,
 * publication, the spellings of its tags and authors) comes back as a record. Runs on the main thread or in the
 * check's worker threads (`check-worker.ts`), so its input is plain data.
 */
import { closeSync, promises as fs, openSync, readFile, readSync } from 'node:fs';
import path from 'node:path';
import { createArticleSchema, ARTICLE_KEYS } from '../../src/lib/schemas/article.ts';
import { decodeUtf8, parseArticleSource, type ParsedSource } from '../../src/lib/front-matter.ts';
import { parseNewsDate, formatDate } from '../../src/lib/dates.ts';
import { isPublished } from '../../src/lib/publishing.ts';
import { slugify, slugFromFileName } from '../../src/lib/slug.ts';
import { articlePath } from '../../src/lib/urls.ts';
import { CONTROL_CHARACTERS, nfc } from '../../src/lib/text.ts';
import { suggest } from '../../src/lib/suggest.ts';
import { messages } from '../../src/lib/messages.ts';
import type { SiteConfig } from '../../src/config/schema.ts';

export interface Problem {
  /** Path shown to the reporter, e.g. `content/articles/2024/09/bai.md`. */
  file: string;
  line: number;
  /** Dotted front-matter field (`cover.src`), or "" for the file as a whole. */
  field: string;
  message: string;
  severity: 'error' | 'warning';
}

/** What the article checks need to know, as plain data (it crosses to worker threads). */
export interface ArticleCheckContext {
  contentDir: string;
  /** The content folder with symlinks resolved. */
  realRoot: string;
  config: SiteConfig;
  now: Date;
  cwd: string;
  publicDir?: string;
  categorySlugs: string[];
  /** False when categories.yaml cannot be read: categories are then not judged. */
  categoriesKnown: boolean;
  /** Files whose problems are reported; all when undefined. */
  reported?: string[];
  /**
   * Read files synchronously: on a worker thread, which has nothing else to
   * do, this costs half the CPU of going through the thread pool.
   */
  syncReads?: boolean;
}

export interface ArticleResult {
  record: ArticleRecord;
  problems: Problem[];
  /** What a later check may reuse while the file is unchanged (check-cache.ts); absent when it may not. */
  cache?: CachedArticle;
}

/** An image an article refers to: looked at again on every check, since images come and go. */
export type ImageRef =
  | { kind: 'body'; src: string; alt: string | undefined; line: number }
  | { kind: 'cover'; src: string; alt: string | undefined; line: number; altLine: number };

/**
 * Everything the checks of one article found that depends only on the file's
 * bytes, its path and the check's context, in the order the checks report it:
 * the problems before the images, the images to look at again, the problems
 * after them. What depends on the clock is kept apart: the publication
 * instant, and whether the article was in the future when it was checked.
 */
export interface CachedArticle {
  record: Pick<ArticleRecord, 'draft' | 'url' | 'category' | 'slug' | 'urlLine' | 'aliases' | 'tags' | 'authors'>;
  instant?: number;
  future: boolean;
  before: Problem[];
  images: ImageRef[];
  after: Problem[];
}

/** Keys reporters write by habit (Vietnamese words, other generators' names) -> our key. */
const KEY_SYNONYMS: Record<string, string> = {
  'tieu-de': 'title',
  'chuyen-muc': 'category',
  categories: 'category',
  ngay: 'date',
  'ngay-dang': 'date',
  pubdate: 'date',
  published: 'date',
  'tac-gia': 'author',
  authors: 'author',
  'nguoi-chup': 'photographer',
  anh: 'photographer',
  nguon: 'source',
  'nguon-tin': 'source',
  sapo: 'lead',
  'tom-tat': 'lead',
  description: 'lead',
  summary: 'lead',
  excerpt: 'lead',
  the: 'tags',
  'tu-khoa': 'tags',
  keywords: 'tags',
  'anh-bia': 'cover',
  image: 'cover',
  'ban-nhap': 'draft',
  'cap-nhat': 'updated',
  'duong-dan': 'slug',
  redirects: 'aliases',
};

const NESTED_KEYS: Record<string, readonly string[]> = {
  cover: ['src', 'alt', 'caption'],
  source: ['name', 'url'],
};

export interface ArticleRecord {
  file: string;
  shown: string;
  reported: boolean;
  draft: boolean;
  published: boolean;
  url?: string;
  category?: string;
  slug?: string;
  /** Line of the `slug:` key, or 1 when the slug comes from the file name. */
  urlLine: number;
  aliases: { path: string; line: number; field: string }[];
  /** Its tags as the site reads them (the schema's values), where they are written; none when the schema refuses the article. */
  tags: TermSpelling[];
  /** Its authors, the same way. */
  authors: TermSpelling[];
}

/** A tag or author name of an article, as the schema gives it, with the line and field it is written at. */
export interface TermSpelling {
  name: string;
  line: number;
  /** `tags.1`, `author.0`; `author` when the author is a single name. */
  field: string;
}

type ImageStatus = 'ok' | 'missing' | 'outside' | 'name-form';

/** Runs `work` on every item with at most `limit` running at once; keeps order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const runners = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next;
      next += 1;
      results[index] = await work(items[index]!);
    }
  });
  await Promise.all(runners);
  return results;
}

/** The callback readFile: one trip to the thread pool, where fs.promises.readFile takes several. */
function readBytes(file: string): Promise<Buffer> {
  return new Promise((resolve, reject) => readFile(file, (error, bytes) => (error ? reject(error) : resolve(bytes))));
}

let readBuffer = Buffer.allocUnsafe(64 * 1024);

/**
 * Reads a whole file synchronously into one buffer reused from call to call:
 * the bytes are valid until the next call. Saves readFileSync's fstat and a
 * new buffer per file; fails with the same errors.
 */
function readBytesSync(file: string): Buffer {
  const fd = openSync(file, 'r');
  try {
    let length = 0;
    for (;;) {
      if (length === readBuffer.length) {
        const bigger = Buffer.allocUnsafe(readBuffer.length * 2);
        readBuffer.copy(bigger, 0, 0, length);
        readBuffer = bigger;
      }
      const count = readSync(fd, readBuffer, length, readBuffer.length - length, null);
      if (count === 0) return readBuffer.subarray(0, length);
      length += count;
    }
  } finally {
    closeSync(fd);
  }
}

export function isInside(parent: string, child: string): boolean {
  const relative = path.relative(parent, child);
  return relative === '' || (!relative.startsWith('..') && !path.isAbsolute(relative));
}

/** The 1-based line of the first invalid UTF-8 sequence. */
export function firstBadLine(bytes: Uint8Array): number {
  const text = new TextDecoder('utf-8').decode(bytes);
  const bad = text.indexOf('\uFFFD');
  let line = 1;
  for (let i = 0; i < bad; i += 1) if (text.charCodeAt(i) === 10) line += 1;
  return line;
}

function valueAt(data: unknown, keys: readonly PropertyKey[]): unknown {
  let current = data;
  for (const key of keys) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

/** The line of a field, or of its closest parent that has one; 1 when none. */
function lineOfField(source: ParsedSource, keys: readonly PropertyKey[]): number {
  for (let length = keys.length; length > 0; length -= 1) {
    const line = source.keyLines.get(keys.slice(0, length).join('.'));
    if (line !== undefined) return line;
  }
  return 1;
}

/** Every string in the front matter with its dotted path. */
function* strings(value: unknown, prefix: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [prefix, value];
  else if (Array.isArray(value)) for (const [i, item] of value.entries()) yield* strings(item, `${prefix}.${i}`);
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) yield* strings(item, prefix ? `${prefix}.${key}` : key);
  }
}

/** Image references in a Markdown/MDX body, outside code, with their body line (0-based). */
export function findBodyImages(body: string): { src: string; alt: string | undefined; line: number }[] {
  const found: { src: string; alt: string | undefined; line: number }[] = [];
  const lines = body.split('\n');
  const definitions = new Map<string, { src: string; line: number }>();
  const references: { label: string; alt: string; line: number }[] = [];
  let fence: string | undefined;
  let inComment = false;
  for (const [index, raw] of lines.entries()) {
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(raw);
    if (fence) {
      if (fenceMatch && fenceMatch[1]![0] === fence[0] && fenceMatch[1]!.length >= fence.length) fence = undefined;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      continue;
    }
    let line = raw;
    if (inComment) {
      const end = line.indexOf('-->');
      if (end === -1) continue;
      line = line.slice(end + 3);
      inComment = false;
    }
    line = line.replace(/<!--[\s\S]*?-->/g, '');
    const open = line.indexOf('<!--');
    if (open !== -1) {
      line = line.slice(0, open);
      inComment = true;
    }
    line = line.replace(/(`+)[\s\S]*?\1/g, '');
    const definition = /^\s{0,3}\[([^\]]+)\]:\s*(<[^>]*>|\S+)/.exec(line);
    if (definition) {
      definitions.set(definition[1]!.trim().toLowerCase(), { src: definition[2]!.replace(/^<|>$/g, ''), line: index });
      continue;
    }
    for (const match of line.matchAll(/!\[([^\]]*)\]\(\s*(<[^>]*>|[^\s)]+)(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)/g)) {
      found.push({ src: match[2]!.replace(/^<|>$/g, ''), alt: match[1], line: index });
    }
    for (const match of line.matchAll(/!\[([^\]]*)\]\[([^\]]*)\]/g)) {
      references.push({ label: (match[2] || match[1]!).trim().toLowerCase(), alt: match[1]!, line: index });
    }
    for (const match of line.matchAll(/<img\b[^>]*>/gi)) {
      const src = /\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(match[0]);
      if (!src) continue;
      const alt = /\balt\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/i.exec(match[0]);
      found.push({ src: src[1] ?? src[2] ?? src[3] ?? '', alt: alt ? (alt[1] ?? alt[2] ?? alt[3] ?? '') : '', line: index });
    }
  }
  for (const reference of references) {
    const definition = definitions.get(reference.label);
    if (definition) found.push({ src: definition.src, alt: reference.alt, line: reference.line });
  }
  return found;
}

/** Maps "(3:1-3:4)" positions in an MDX message from body lines to file lines. */
export function mapMdxPositions(reason: string, bodyLine: number): string {
  return reason.replace(/\((\d+):(\d+)(?:-(\d+):(\d+))?\)/g, (_all, l1: string, c1: string, l2?: string, c2?: string) => {
    const start = `${Number(l1) + bodyLine - 1}:${c1}`;
    return l2 === undefined ? `(${start})` : `(${start}-${Number(l2) + bodyLine - 1}:${c2})`;
  });
}

/**
 * The file line of an MDX compile error: the body starts at `bodyLine`. A brace
 * never closed is reported by MDX at the end of the file; point at the line
 * of the last "{" instead, where the reporter has to look.
 */
export function mdxErrorLine(error: { line?: number | null; ruleId?: string | null }, body: string, bodyLine: number): number {
  const line = typeof error.line === 'number' && error.line > 0 ? error.line : 1;
  if (error.ruleId === 'unexpected-eof') {
    const lines = body.split('\n').slice(0, line);
    for (let index = lines.length - 1; index >= 0; index -= 1) {
      if (lines[index]!.includes('{')) return bodyLine + index;
    }
  }
  return bodyLine + line - 1;
}

/**
 * How files are named to the reporter: relative to `cwd` when the content
 * folder is inside it, else relative to the content folder's parent, so it
 * reads `content/articles/...` either way.
 */
export function createDisplayPath(contentDir: string, cwd: string): (file: string) => string {
  const content = path.resolve(contentDir);
  const base = isInside(path.resolve(cwd), content) ? path.resolve(cwd) : path.dirname(content);
  return (file) => path.relative(base, file).split(path.sep).join('/');
}

export function displayPath(file: string, contentDir: string, cwd: string): string {
  return createDisplayPath(contentDir, cwd)(file);
}

type Issue = (line: number, field: string, message: string, severity?: Problem['severity']) => void;

/**
 * The image checks: every referenced file exists inside the content folder
 * (or in public/ for "/…" paths) under the name written. Look-ups are cached
 * across the files of one check.
 */
function createImageChecks(context: ArticleCheckContext): (refs: readonly ImageRef[], articleDir: string, issue: Issue) => Promise<void> {
  const { contentDir, realRoot, publicDir } = context;
  const imageCache = new Map<string, Promise<ImageStatus>>();

  function imageStatus(absolute: string): Promise<ImageStatus> {
    let status = imageCache.get(absolute);
    if (!status) {
      status = (async (): Promise<ImageStatus> => {
        if (!isInside(contentDir, absolute)) return 'outside';
        try {
          const real = await fs.realpath(absolute);
          if (!isInside(realRoot, real)) return 'outside';
          return (await fs.stat(real)).isFile() ? 'ok' : 'missing';
        } catch {
          const wanted = nfc(path.basename(absolute));
          const siblings = await fs.readdir(path.dirname(absolute)).catch(() => [] as string[]);
          return siblings.some((name) => nfc(name) === wanted) ? 'name-form' : 'missing';
        }
      })();
      imageCache.set(absolute, status);
    }
    return status;
  }

  /** The problem with one image reference, if any. */
  async function imageProblem(src: string, articleDir: string): Promise<string | undefined> {
    const value = src.trim();
    if (value === '') return messages.imageMissing(value);
    if (/^(https?:)?\/\//i.test(value)) return messages.imageRemote(value);
    if (/^[a-z][a-z0-9+.-]*:/i.test(value)) return messages.imageNotLocal(value);
    let decoded = value.replace(/[?#].*$/, '');
    try {
      decoded = decodeURI(decoded);
    } catch {
      // Keep the text as written.
    }
    if (decoded.startsWith('/')) {
      if (!publicDir) return undefined;
      const inPublic = path.join(publicDir, decoded);
      if (!isInside(publicDir, inPublic)) return messages.imageOutside(value);
      return (await fs.stat(inPublic).then((stat) => stat.isFile()).catch(() => false)) ? undefined : messages.imageMissing(value);
    }
    const status = await imageStatus(path.resolve(articleDir, decoded));
    if (status === 'outside') return messages.imageOutside(value);
    if (status === 'missing') return messages.imageMissing(value);
    if (status === 'name-form') return messages.imageNameForm(value);
    return undefined;
  }

  return async (refs, articleDir, issue) => {
    for (const ref of refs) {
      const problem = await imageProblem(ref.src, articleDir);
      if (ref.kind === 'body') {
        if (problem) issue(ref.line, '', problem);
        if (ref.alt !== undefined && ref.alt.trim() === '') issue(ref.line, '', messages.imageNoAlt(ref.src), 'warning');
      } else {
        if (problem) issue(ref.line, 'cover.src', problem);
        if (ref.alt !== undefined && ref.alt.trim() === '') issue(ref.altLine, 'cover.alt', messages.coverNoAlt, 'warning');
      }
    }
  };
}

/** The images an article refers to: in its body, then its cover. */
function imageRefs(source: ParsedSource, data: Record<string, unknown>): ImageRef[] {
  const body = source.body.includes('![') || /<img/i.test(source.body) ? findBodyImages(source.body) : [];
  const refs: ImageRef[] = body.map((image) => ({ kind: 'body', src: image.src, alt: image.alt, line: source.bodyLine + image.line }));
  const cover = data.cover as { src?: unknown; alt?: unknown } | undefined;
  if (cover && typeof cover === 'object' && typeof cover.src === 'string') {
    refs.push({
      kind: 'cover',
      src: cover.src,
      alt: typeof cover.alt === 'string' ? cover.alt : undefined,
      line: source.keyLines.get('cover.src') ?? 1,
      altLine: source.keyLines.get('cover.alt') ?? 1,
    });
  }
  return refs;
}

/** The names of a list field (or of a single name) with the line of each item, or of the field when the item's is not known. */
function termSpellings(source: ParsedSource, key: 'tags' | 'author', names: readonly string[], listed: boolean): TermSpelling[] {
  return names.map((name, index) => {
    const field = listed ? `${key}.${index}` : key;
    return { name, field, line: source.keyLines.get(field) ?? source.keyLines.get(key) ?? 1 };
  });
}

/** Whether a file's problems are reported (`context.reported`: all when undefined). */
function reportedFilter(context: ArticleCheckContext): (file: string) => boolean {
  const files = context.reported ? new Set(context.reported) : undefined;
  return (file) => !files || files.has(file);
}

/**
 * The result of an unchanged article from what an earlier check kept of it
 * (`CachedArticle`): its images are looked at again, and its publication is
 * judged against this check's clock. The caller makes sure the article was
 * on the same side of the clock then as now.
 */
export function createCachedArticleReader(context: ArticleCheckContext): (file: string, cached: CachedArticle) => Promise<ArticleResult> {
  const show = createDisplayPath(context.contentDir, context.cwd);
  const reported = reportedFilter(context);
  const checkImages = createImageChecks(context);
  return async (file, cached) => {
    const isReported = reported(file);
    const { draft } = cached.record;
    const published = cached.instant !== undefined && isPublished({ draft, date: new Date(cached.instant) }, { now: context.now, preview: false });
    const record: ArticleRecord = { ...cached.record, file, shown: show(file), reported: isReported, published };
    if (!isReported) return { record, problems: [], cache: cached };
    const images: Problem[] = [];
    await checkImages(cached.images, path.dirname(file), (line, field, message, severity = 'error') =>
      images.push({ file: record.shown, line, field, message, severity }),
    );
    return { record, problems: [...cached.before, ...images, ...cached.after], cache: cached };
  };
}

/** A function that checks one article file; it caches image look-ups across files. */
export function createArticleChecker(context: ArticleCheckContext): (file: string) => Promise<ArticleResult> {
  const { config, now, contentDir, categorySlugs, categoriesKnown } = context;
  const show = createDisplayPath(contentDir, context.cwd);
  const reported = reportedFilter(context);
  const schema = createArticleSchema({ timeZone: config.timeZone, categories: categorySlugs });
  const checkImages = createImageChecks(context);

  let compileMdx: ((body: string) => Promise<unknown>) | undefined;
  async function mdxCompiler() {
    if (!compileMdx) {
      const { compile } = await import('@mdx-js/mdx');
      compileMdx = (value: string) => compile({ value });
    }
    return compileMdx;
  }

  return async function checkArticle(file: string): Promise<ArticleResult> {
    const shown = show(file);
    const isReported = reported(file);
    const record: ArticleRecord = { file, shown, reported: isReported, draft: false, published: false, urlLine: 1, aliases: [], tags: [], authors: [] };
    const problems: Problem[] = [];
    const issue = (line: number, field: string, message: string, severity: Problem['severity'] = 'error') => {
      if (isReported) problems.push({ file: shown, line, field, message, severity });
    };
    const isMdx = file.endsWith('.mdx');
    if (isMdx && !config.allowMdx) issue(1, '', messages.mdxNotAllowed);

    // With syncReads the bytes live in a shared buffer: use them before any await.
    let bytes: Buffer;
    try {
      bytes = context.syncReads ? readBytesSync(file) : await readBytes(file);
    } catch (error) {
      issue(1, '', messages.readError((error as Error).message));
      return { record, problems };
    }
    if (bytes.length === 0) {
      issue(1, '', messages.emptyFile);
      return { record, problems };
    }
    const text = decodeUtf8(bytes);
    if (text === null) {
      issue(firstBadLine(bytes), '', messages.notUtf8);
      return { record, problems };
    }
    const source = parseArticleSource(text);
    if (source.problems.length > 0) {
      for (const problem of source.problems) issue(problem.line, problem.field, problem.message);
      return { record, problems };
    }
    const data = source.data;
    const reportedFields = new Set<string>();

    // The schema: the same rules the Astro collection applies.
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      const seen = new Set<string>();
      for (const zodIssue of parsed.error.issues) {
        const keys = zodIssue.path as PropertyKey[];
        const field = keys.map(String).join('.');
        const raw = valueAt(data, keys);
        let message = zodIssue.message;
        if (field === 'category' && message === messages.unknownCategory && typeof raw === 'string') {
          if (!categoriesKnown) continue;
          const value = raw.trim();
          message = messages.unknownCategoryValue(value, suggest(slugify(value), categorySlugs) ?? suggest(value, categorySlugs), categorySlugs);
        } else if (raw === null || (typeof raw === 'string' && raw.trim() === '')) {
          message = field === 'lead' ? messages.emptyLead : messages.empty;
        }
        if (seen.has(`${field}\n${message}`)) continue;
        seen.add(`${field}\n${message}`);
        reportedFields.add(field);
        issue(raw === undefined && keys.length === 1 ? 1 : lineOfField(source, keys), field, message);
      }
    }

    // Control characters in any text field (the schema checks only some). They
    // are in the file as they are, or written as YAML escapes ("\a", "\x07").
    const head = text.slice(0, text.length - source.body.length);
    if (CONTROL_CHARACTERS.test(head) || head.includes('\\')) {
      for (const [field, value] of strings(data, '')) {
        if (CONTROL_CHARACTERS.test(value) && !reportedFields.has(field)) {
          issue(lineOfField(source, field.split('.')), field, messages.controlCharacters);
        }
      }
    }

    // Unknown keys, with a suggestion.
    const known: readonly string[] = ARTICLE_KEYS;
    for (const key of Object.keys(data)) {
      if (known.includes(key)) continue;
      const suggestion = KEY_SYNONYMS[slugify(key)] ?? suggest(key, known);
      issue(source.keyLines.get(key) ?? 1, key, messages.unknownKey(key, suggestion), 'warning');
    }
    for (const [parent, keys] of Object.entries(NESTED_KEYS)) {
      const value = data[parent];
      if (value === null || typeof value !== 'object' || Array.isArray(value)) continue;
      for (const key of Object.keys(value)) {
        if (keys.includes(key)) continue;
        const field = `${parent}.${key}`;
        issue(source.keyLines.get(field) ?? 1, field, messages.unknownKey(key, suggest(key, keys)), 'warning');
      }
    }

    // Publication.
    record.draft = data.draft === true;
    let instant: Date | undefined;
    if (parsed.success) instant = parsed.data.date;
    else {
      const date = parseNewsDate(data.date, config.timeZone);
      if (date.ok) instant = date.value.date;
    }
    record.published = instant !== undefined && isPublished({ draft: record.draft, date: instant }, { now, preview: false });
    if (record.draft) issue(source.keyLines.get('draft') ?? 1, 'draft', messages.draft, 'warning');
    else if (instant && instant.getTime() > now.getTime()) {
      const local = formatDate(instant, config.dateTimeFormat, config.timeZone);
      issue(source.keyLines.get('date') ?? 1, 'date', messages.futureDate(local, config.timeZone), 'warning');
    }
    if (typeof data.lead === 'string') {
      const length = nfc(data.lead.trim()).length;
      if (length > config.leadWarnLength) {
        issue(source.keyLines.get('lead') ?? 1, 'lead', messages.longLead(length, config.leadWarnLength), 'warning');
      }
    }

    // URL and aliases, for the checks across files.
    const rawCategory = typeof data.category === 'string' ? data.category.trim() : '';
    if (typeof data.slug === 'string' && data.slug.trim() !== '') {
      record.slug = slugify(data.slug);
      record.urlLine = source.keyLines.get('slug') ?? 1;
      if (record.slug === '') issue(record.urlLine, 'slug', messages.slugEmpty(data.slug.trim()));
    } else {
      record.slug = slugFromFileName(file);
      if (record.slug === '') issue(1, '', messages.fileNameSlugEmpty);
    }
    if (record.slug && rawCategory && (!categoriesKnown || categorySlugs.includes(rawCategory))) {
      record.category = rawCategory;
      record.url = articlePath({ category: rawCategory, slug: record.slug });
    }
    if (parsed.success) {
      record.aliases = parsed.data.aliases.map((alias, index) => ({
        path: alias,
        line: source.keyLines.get(`aliases.${index}`) ?? source.keyLines.get('aliases') ?? 1,
        field: `aliases.${index}`,
      }));
      // Tags and authors, for the spellings filed on one page.
      record.tags = termSpellings(source, 'tags', parsed.data.tags, true);
      record.authors = termSpellings(source, 'author', parsed.data.author, Array.isArray(data.author));
    }

    if (!isReported) return { record, problems };

    // Images: body and cover.
    const articleDir = path.dirname(file);
    const images = imageRefs(source, data);
    const imagesStart = problems.length;
    await checkImages(images, articleDir, issue);
    const imagesEnd = problems.length;
    if (source.body.trim() === '') issue(Math.max(1, source.bodyLine - 1), '', messages.emptyBody, 'warning');

    // MDX: its syntax, and the files it imports.
    if (isMdx && config.allowMdx) {
      const compile = await mdxCompiler();
      try {
        await compile(source.body);
        for (const [index, line] of source.body.split('\n').entries()) {
          const specifier = /^\s*import\s[^'"]*?['"](\.{1,2}\/[^'"]+)['"]/.exec(line)?.[1];
          if (!specifier) continue;
          const target = path.resolve(articleDir, specifier);
          const candidates = ['', '.js', '.ts', '.mjs', '.jsx', '.tsx', '.json', '.astro', '.mdx', '.md'].map((ext) => target + ext);
          const found = await Promise.all(candidates.map((candidate) => fs.stat(candidate).then((s) => s.isFile()).catch(() => false)));
          if (!found.some(Boolean)) issue(source.bodyLine + index, '', messages.mdxImportMissing(specifier));
        }
      } catch (error) {
        const e = error as { line?: number | null; ruleId?: string | null; reason?: string; message?: string };
        const reason = mapMdxPositions(e.reason ?? e.message ?? String(error), source.bodyLine);
        issue(mdxErrorLine(e, source.body, source.bodyLine), '', messages.mdxInvalid(reason));
      }
      // MDX imports other files: not kept.
      return { record, problems };
    }
    const { draft, url, category, slug, urlLine, aliases, tags, authors } = record;
    const cache: CachedArticle = {
      record: { draft, url, category, slug, urlLine, aliases, tags, authors },
      instant: instant?.getTime(),
      future: instant !== undefined && instant.getTime() > now.getTime(),
      before: problems.slice(0, imagesStart),
      images,
      after: problems.slice(imagesEnd),
    };
    return { record, problems, cache };
  };
}
