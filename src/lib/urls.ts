/**
 * Every URL of the site, in one place: pages, feeds, sitemaps, search and
 * redirects all call these. Paths are root-relative with a trailing slash.
 */

export interface UrlPaths {
  author: string;
  tag: string;
  search: string;
}

/** The home page. */
export const homePath = '/';

export function articlePath(article: { category: string; slug: string }): string {
  return `/${article.category}/${article.slug}/`;
}

/** A paginated listing: page 1 is the base path, page n is `<base>n/`. */
export function listingPath(base: string, page: number): string {
  return page <= 1 ? base : `${base}${page}/`;
}

export function categoryPath(category: string, page = 1): string {
  return listingPath(`/${category}/`, page);
}

export function tagPath(paths: UrlPaths, tagSlug: string, page = 1): string {
  return listingPath(`/${paths.tag}/${tagSlug}/`, page);
}

export function authorPath(paths: UrlPaths, authorSlug: string, page = 1): string {
  return listingPath(`/${paths.author}/${authorSlug}/`, page);
}

export function searchPath(paths: UrlPaths): string {
  return `/${paths.search}/`;
}

/** The URL of a built file, from its path in the output folder: "kinh-te/bai/index.html" -> "/kinh-te/bai/", "404.html" -> "/404.html". */
export function builtFileUrl(relative: string): string {
  return `/${relative.replace(/(^|\/)index\.html$/, '$1')}`;
}

/** Where the search index (Pagefind's bundle) is published; the search page loads `pagefind.js` from it. */
export const searchBundlePath = '/pagefind/';

/** In the search bundle: the list of the other indexes the browser merges into the newest one. */
export const SEARCH_SHARDS_FILE = 'shards.json';

/**
 * In the search bundle: the completion file of the half-typed words of one
 * bucket (src/lib/search-completions.ts): "ph" -> "words/ph.json".
 */
export function searchWordsFile(bucket: string): string {
  return `words/${bucket}.json`;
}

/** In the search bundle: the names of the completion buckets that have a file, so that no other is asked for. */
export const SEARCH_WORD_BUCKETS_FILE = 'words/buckets.json';

/** The folder of a search index that is not the newest, by its first and last day ("2024-01-01"). */
export function searchShardPath(first: string, last: string): string {
  return `${searchBundlePath}${first}_${last}/`;
}

export function categoryFeedPath(category: string): string {
  return `/${category}/rss.xml`;
}

export const siteFeedPath = '/rss.xml';

/** The sitemap basename given to @astrojs/sitemap, which writes `<base>-index.xml` and `<base>-0.xml`... */
export const sitemapBaseName = 'sitemap';

/** The sitemap index (the one to submit to search engines and list in robots.txt). */
export const sitemapIndexPath = `/${sitemapBaseName}-index.xml`;

/** The Google News sitemap: articles of the last two days. */
export const newsSitemapPath = '/news-sitemap.xml';

/** An absolute URL on the site: absoluteUrl('https://x.org', '/a/') -> 'https://x.org/a/'. */
export function absoluteUrl(siteUrl: string, path: string): string {
  return new URL(path, siteUrl.endsWith('/') ? siteUrl : `${siteUrl}/`).href;
}

/** The file a path is written to in dist/: "/a/b/" -> "a/b/index.html". */
export function pathToFile(path: string): string {
  const clean = path.replace(/^\/+/, '');
  if (clean === '') return 'index.html';
  return clean.endsWith('/') ? `${clean}index.html` : clean;
}
