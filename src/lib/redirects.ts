/**
 * Old article addresses that must keep working, and what the build emits for
 * them: `_redirects` lines (301) for hosts that read that file, and a small
 * redirect page at each old path for hosts that do not.
 *
 * Two sources of old addresses:
 * - `aliases` in the front matter (e.g. the address in the previous CMS);
 * - the URL history (`content/url-history.json`): for every article file, each
 *   URL it was published under. `npm run build` adds a URL when an article's
 *   slug or category changes and the newsroom commits the file, so a build
 *   from a fresh clone (CI) knows every old address without git history.
 *   When an article file is renamed or moved, its entry is carried over to the
 *   new file name if exactly one vanished entry and one new file share the
 *   title, or else the publication time.
 */
import { z } from 'astro/zod';
import { absoluteUrl, pathToFile } from './urls.ts';

export const URL_HISTORY_FILE = 'url-history.json';

export interface UrlHistoryEntry {
  /** Title and publication time when a URL was last added: used to follow a renamed file. */
  title: string;
  date: string;
  /** Every URL the article was published under, oldest first. */
  urls: string[];
}

export interface UrlHistory {
  /** Keyed by the article's file path under `articles/`, "/"-separated, NFC. */
  articles: Record<string, UrlHistoryEntry>;
}

/** What the redirects need of a published article. */
export interface PublishedArticle {
  /** File path under `articles/` ("2024/09/bai-viet.md"). */
  file: string;
  url: string;
  title: string;
  /** Publication instant, ISO 8601. */
  date: string;
  aliases: readonly string[];
}

export interface Redirect {
  /** The old path ("/tin-cu/bai-viet/" or "/2019/05/bai.html"). */
  from: string;
  /** The article's current path. */
  to: string;
  /** The article's title, shown on the redirect page. */
  title: string;
  source: 'alias' | 'history';
  /** The article file that owns the old path. */
  file: string;
}

/** A site path that is safe to use as an output file: starts with "/", no "." or ".." segments, no whitespace. */
export function isSafeSitePath(value: string): boolean {
  if (!/^\/[^\s?#\\]*$/.test(value)) return false;
  let decoded: string;
  try {
    decoded = decodeURI(value);
  } catch {
    return false;
  }
  return !decoded.split('/').some((segment) => segment === '.' || segment === '..' || /[\s\\]/.test(segment));
}

const SitePathSchema = z.string().refine(isSafeSitePath, 'must be a site path starting with "/" without "." or ".." segments');

export const UrlHistorySchema = z.object({
  about: z.string().optional(),
  articles: z.record(
    z.string(),
    z.object({ title: z.string(), date: z.string(), urls: z.array(SitePathSchema).min(1) }),
  ),
});

export const URL_HISTORY_ABOUT =
  'Every URL each article file was published under, kept by `npm run build` so old addresses keep redirecting. Commit this file; see docs/deployment.md.';

export function emptyUrlHistory(): UrlHistory {
  return { articles: {} };
}

/** Parses the history file's text; a missing file is `null` text. Throws with a readable message. */
export function parseUrlHistory(text: string | null, fileName = URL_HISTORY_FILE): UrlHistory {
  if (text === null || text.trim() === '') return emptyUrlHistory();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${fileName} is not valid JSON (${(error as Error).message}): restore it from git`);
  }
  const parsed = UrlHistorySchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`${fileName}: ${issue?.path.join('.')}: ${issue?.message} (restore the file from git)`);
  }
  const articles: Record<string, UrlHistoryEntry> = {};
  for (const [file, entry] of Object.entries(parsed.data.articles)) articles[historyKey(file)] = entry;
  return { articles };
}

/** The file's text: sorted keys and two-space indentation, so diffs stay small. */
export function formatUrlHistory(history: UrlHistory): string {
  const articles = Object.fromEntries(Object.keys(history.articles).sort().map((file) => [file, history.articles[file]]));
  return `${JSON.stringify({ about: URL_HISTORY_ABOUT, articles }, null, 2)}\n`;
}

/** A history key: "/"-separated, NFC (macOS file names are NFD). */
export function historyKey(file: string): string {
  return file.replaceAll('\\', '/').normalize('NFC');
}

export interface HistoryUpdate {
  history: UrlHistory;
  /** Whether the file must be written (a URL was added or an entry moved). */
  changed: boolean;
  /** Entries carried over to a renamed file: [old file, new file]. */
  renamed: [string, string][];
  /** Entries of files that no longer exist and were not matched to a new one. */
  vanished: string[];
}

/** Pairs of one left and one right item that alone share a key. */
function matchUnique<L extends K, R extends K, K>(left: L[], right: R[], key: (item: K) => string): [L, R][] {
  const group = <T extends K>(items: T[]) => {
    const map = new Map<string, T[]>();
    for (const item of items) map.set(key(item), [...(map.get(key(item)) ?? []), item]);
    return map;
  };
  const a = group(left);
  const b = group(right);
  const pairs: [L, R][] = [];
  for (const [value, items] of a) {
    const others = b.get(value);
    if (items.length === 1 && others?.length === 1) pairs.push([items[0]!, others[0]!]);
  }
  return pairs;
}

/**
 * Adds the current URL of every published article to the history. Pure: the
 * caller says which history files still exist (a draft's file exists but is
 * not published; its entry is kept as it is).
 */
export function updateUrlHistory(
  previous: UrlHistory,
  articles: readonly PublishedArticle[],
  fileExists: (file: string) => boolean,
): HistoryUpdate {
  const entries: Record<string, UrlHistoryEntry> = {};
  for (const [file, entry] of Object.entries(previous.articles)) entries[file] = { ...entry, urls: [...entry.urls] };
  let changed = false;
  const renamed: [string, string][] = [];

  const current = articles.map((article) => ({ ...article, file: historyKey(article.file) }));
  const currentFiles = new Set(current.map((article) => article.file));
  const newcomers = current.filter((article) => !entries[article.file]);
  let vanished = Object.keys(entries).filter((file) => !currentFiles.has(file) && !fileExists(file));

  // Follow renamed files: by title, then by publication time, each only when unambiguous.
  const keys: ((item: { title: string; date: string }) => string)[] = [(item) => item.title, (item) => item.date];
  for (const key of keys) {
    const orphans = vanished.map((file) => ({ file, ...entries[file]! }));
    const unmatched = newcomers.filter((article) => !entries[article.file]);
    for (const [orphan, article] of matchUnique(orphans, unmatched, key)) {
      entries[article.file] = { title: orphan.title, date: orphan.date, urls: orphan.urls };
      delete entries[orphan.file];
      renamed.push([orphan.file, article.file]);
      vanished = vanished.filter((file) => file !== orphan.file);
      changed = true;
    }
  }

  for (const article of current) {
    const entry = entries[article.file];
    if (!entry) {
      entries[article.file] = { title: article.title, date: article.date, urls: [article.url] };
      changed = true;
    } else if (!entry.urls.includes(article.url)) {
      entries[article.file] = { title: article.title, date: article.date, urls: [...entry.urls, article.url] };
      changed = true;
    }
  }
  return { history: { articles: entries }, changed, renamed, vanished };
}

export interface RedirectPlan {
  redirects: Redirect[];
  /** Problems that must stop the build (an alias on a live page, one old path for two articles). */
  errors: string[];
  /** Old URLs left out, e.g. reused by another page. */
  warnings: string[];
}

/** Paths the build itself owns; an alias there would overwrite the site's machinery. */
function isReservedPath(value: string): boolean {
  const first = value.split('/')[1] ?? '';
  return first.startsWith('_') || first.startsWith('.') || first === 'pagefind';
}

/**
 * Every redirect of the site: aliases first (an error when one points at a
 * live page or two articles claim it), then history URLs that no live page
 * and no alias uses. `livePaths` are the site's page paths (articles,
 * listings, home); later the integration also refuses to overwrite any file.
 */
export function planRedirects(
  articles: readonly PublishedArticle[],
  history: UrlHistory,
  livePaths: Iterable<string>,
): RedirectPlan {
  const live = new Set<string>();
  for (const path of livePaths) live.add(pathToFile(path));
  for (const article of articles) live.add(pathToFile(article.url));
  const claimed = new Map<string, Redirect>();
  const errors: string[] = [];
  const warnings: string[] = [];

  for (const article of articles) {
    for (const alias of article.aliases) {
      const file = pathToFile(alias);
      const redirect: Redirect = { from: alias, to: article.url, title: article.title, source: 'alias', file: article.file };
      const other = claimed.get(file);
      if (!isSafeSitePath(alias) || isReservedPath(alias)) errors.push(`${article.file}: alias ${alias} is not a path the site can redirect from (use an old article address such as /tin-cu/bai-viet/)`);
      else if (file === pathToFile(article.url)) errors.push(`${article.file}: alias ${alias} is the article's own address (remove the alias)`);
      else if (live.has(file)) errors.push(`${article.file}: alias ${alias} is the address of a live page (remove the alias or choose another path)`);
      else if (other && other.file !== article.file) errors.push(`${article.file}: alias ${alias} is also an alias of ${other.file} (an old address can lead to only one article)`);
      else claimed.set(file, redirect);
    }
  }

  const byFile = new Map(articles.map((article) => [historyKey(article.file), article]));
  for (const file of Object.keys(history.articles).sort()) {
    const article = byFile.get(file);
    if (!article) continue;
    for (const url of history.articles[file]!.urls) {
      const target = pathToFile(url);
      if (url === article.url || target === pathToFile(article.url)) continue;
      const other = claimed.get(target);
      if (live.has(target)) warnings.push(`${url}, once the address of ${file}, is now a live page: no redirect`);
      else if (other && other.file !== file) {
        const owner = other.source === 'alias' ? `is an alias of ${other.file}` : `was also the address of ${other.file}`;
        warnings.push(`${url}, once the address of ${file}, ${owner}: it leads to ${other.to}`);
      }
      else if (!other) claimed.set(target, { from: url, to: article.url, title: article.title, source: 'history', file });
    }
  }

  const redirects = [...claimed.values()].sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  return { redirects, errors, warnings };
}

/**
 * A path as it goes into `_redirects`: percent-encoded the way browsers send
 * it (hosts compare the raw request path), with `*` and a leading `:` escaped
 * so that no line becomes a pattern.
 */
export function encodeRedirectPath(value: string): string {
  let decoded = value;
  try {
    decoded = decodeURI(value);
  } catch {
    // Keep malformed escapes as written.
  }
  return new URL(decoded, 'http://site.invalid').pathname.replaceAll('*', '%2A').replaceAll('/:', '/%3A');
}

/** `_redirects` for Netlify and Cloudflare Pages: one permanent redirect per line. */
export function formatRedirectsFile(redirects: readonly Pick<Redirect, 'from' | 'to'>[]): string {
  const lines = redirects.map((redirect) => `${encodeRedirectPath(redirect.from)} ${encodeRedirectPath(redirect.to)} 301`);
  return ['# Generated by the build from article aliases and content/url-history.json.', ...lines, ''].join('\n');
}

/** The file a redirect page is written to, relative to the output folder (decoded, as hosts map URLs to files). */
export function redirectPageFile(from: string): string {
  let decoded = from;
  try {
    decoded = decodeURI(from);
  } catch {
    // Keep as written.
  }
  return pathToFile(decoded.normalize('NFC'));
}

export function escapeHtml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}

export interface RedirectPageOptions {
  siteUrl: string;
  siteName: string;
  language: string;
  /** "Bài viết đã được chuyển sang địa chỉ mới:" */
  text: string;
}

/**
 * The page left at an old address: an immediate meta refresh, a canonical
 * link to the new address, `noindex`, and a visible link for readers whose
 * browser does not follow the refresh. No script, no style.
 */
export function renderRedirectPage(redirect: Pick<Redirect, 'to' | 'title'>, options: RedirectPageOptions): string {
  const target = escapeHtml(redirect.to);
  const canonical = escapeHtml(absoluteUrl(options.siteUrl, redirect.to));
  const title = escapeHtml(redirect.title);
  return [
    '<!doctype html>',
    `<html lang="${escapeHtml(options.language)}">`,
    '<head>',
    '<meta charset="utf-8">',
    `<title>${title} | ${escapeHtml(options.siteName)}</title>`,
    '<meta name="robots" content="noindex">',
    `<link rel="canonical" href="${canonical}">`,
    `<meta http-equiv="refresh" content="0; url=${target}">`,
    '</head>',
    '<body>',
    `<p>${escapeHtml(options.text)} <a href="${target}">${title}</a></p>`,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
