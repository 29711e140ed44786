/**
 * Every generated page of the catch-all route, computed once. Also where two
 * pages that would be written to one URL are caught (an article slug "2" next
 * to page 2 of its category, a category named like the tag path...).
 */
import { createHash } from 'node:crypto';
import { readBuildSettings, siteConfig } from '../config/index.ts';
import { paginate } from '../lib/paginate.ts';
import { listingPath } from '../lib/urls.ts';
import { getSite, type ArticleSummary, type SiteData } from './site.ts';

export type Route = (
  | { kind: 'article'; path: string; id: string }
  | {
      kind: 'listing';
      path: string;
      listingType: 'category' | 'tag' | 'author';
      key: string;
      heading: string;
      description?: string;
      base: string;
      page: number;
      total: number;
      /** Article ids on this page (props stay small). */
      articles: string[];
    }
) & {
  /**
   * A digest of everything the page shows (for Astro's incremental build: a
   * page whose key and code are unchanged is copied from the last build instead
   * of rendered). See `pageKeys`.
   */
  cacheKey: string;
};

let routes: Promise<Route[]> | undefined;

export function getRoutes(): Promise<Route[]> {
  routes ??= computeRoutes();
  return routes;
}

async function computeRoutes(): Promise<Route[]> {
  const site = await getSite();
  const keys = pageKeys(site);
  const out: Route[] = [];
  const listing = (
    listingType: 'category' | 'tag' | 'author',
    key: string,
    heading: string,
    base: string,
    articles: ArticleSummary[],
    description?: string,
  ) => {
    for (const page of paginate(articles, siteConfig.pageSize)) {
      const route = {
        kind: 'listing' as const,
        path: listingPath(base, page.number),
        listingType,
        key,
        heading,
        description,
        base,
        page: page.number,
        total: page.total,
        articles: page.items.map((article) => article.id),
      };
      out.push({ ...route, cacheKey: keys.listing(route) });
    }
  };
  for (const category of site.categories) {
    listing('category', category.slug, category.name, category.url, site.byCategory.get(category.slug) ?? [], category.description);
  }
  for (const tag of site.tags) listing('tag', tag.key, tag.name, tag.url, tag.articles);
  for (const author of site.authors) listing('author', author.key, author.name, author.url, author.articles);
  for (const article of site.articles) out.push({ kind: 'article', path: article.url, id: article.id, cacheKey: keys.article(article.id) });

  const seen = new Map<string, Route>();
  for (const route of out) {
    const previous = seen.get(route.path);
    if (previous) {
      const describe = (r: Route) => (r.kind === 'article' ? `article ${site.byId.get(r.id)?.filePath}` : `${r.listingType} page ${r.page}`);
      throw new Error(`Two pages would be written to ${route.path}: ${describe(previous)} and ${describe(route)}. Change the slug of the article.`);
    }
    seen.set(route.path, route);
  }
  return out;
}

/**
 * Cache keys of pages: a SHA-1 of what the page shows, i.e. the site
 * configuration and build settings, the categories (navigation), and the
 * summary of every article on the page (title, dates, excerpt, cover, links...)
 * plus, for an article page, the digest of its file (the body) and the
 * summaries of its related and other news. Editing one article therefore
 * changes the keys of its own page, of the listings it is on and of the pages
 * that list it as related or other news, and of nothing else.
 */
function pageKeys(site: SiteData) {
  const settings = readBuildSettings();
  const common = JSON.stringify([siteConfig, settings.preview, site.categories]);
  const summaries = new Map<string, string>();
  const summary = (id: string) => {
    let known = summaries.get(id);
    if (known === undefined) {
      known = JSON.stringify([site.byId.get(id), site.entries.get(id)?.digest]);
      summaries.set(id, known);
    }
    return known;
  };
  const digest = (parts: string[]) => {
    const hash = createHash('sha1').update(common);
    for (const part of parts) hash.update('\0').update(part);
    return hash.digest('base64url');
  };
  return {
    article: (id: string) =>
      digest([
        'article',
        summary(id),
        ...(site.related.get(id) ?? []).map((article) => summary(article.id)),
        '|',
        ...(site.other.get(id) ?? []).map((article) => summary(article.id)),
      ]),
    listing: ({ articles, ...route }: Omit<Extract<Route, { kind: 'listing' }>, 'cacheKey'>) =>
      digest(['listing', JSON.stringify(route), ...articles.map(summary)]),
  };
}
