/**
 * Every generated page of the catch-all route, computed once. Also where two
 * pages that would be written to one URL are caught (an article slug "2" next
 * to page 2 of its category, a category named like the tag path...).
 */
import { siteConfig } from '../config/index.ts';
import { paginate } from '../lib/paginate.ts';
import { listingPath } from '../lib/urls.ts';
import { getSite, type ArticleSummary } from './site.ts';

export type Route =
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
    };

let routes: Promise<Route[]> | undefined;

export function getRoutes(): Promise<Route[]> {
  routes ??= computeRoutes();
  return routes;
}

async function computeRoutes(): Promise<Route[]> {
  const site = await getSite();
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
      out.push({
        kind: 'listing',
        path: listingPath(base, page.number),
        listingType,
        key,
        heading,
        description,
        base,
        page: page.number,
        total: page.total,
        articles: page.items.map((article) => article.id),
      });
    }
  };
  for (const category of site.categories) {
    listing('category', category.slug, category.name, category.url, site.byCategory.get(category.slug) ?? [], category.description);
  }
  for (const tag of site.tags) listing('tag', tag.key, tag.name, tag.url, tag.articles);
  for (const author of site.authors) listing('author', author.key, author.name, author.url, author.articles);
  for (const article of site.articles) out.push({ kind: 'article', path: article.url, id: article.id });

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
