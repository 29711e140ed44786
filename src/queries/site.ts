/**
 * The query layer: the only module that imports `astro:content`. It loads the
 * collections once per build, computes every per-build index once (lists,
 * categories, tags, authors, related and other news) and hands pages plain data.
 */
import { readFileSync } from 'node:fs';
import { getCollection, render, type CollectionEntry } from 'astro:content';
import { siteConfig } from '../config/index.ts';
import { articlePath, authorPath, categoryPath, tagPath } from '../lib/urls.ts';
import { compareNewestFirst } from '../lib/publishing.ts';
import { computeNewsLists } from '../lib/related.ts';
import { createNameComparator, createTermRegistry, type TermRegistry, type Term } from '../lib/taxonomy.ts';

export type ArticleEntry = CollectionEntry<'articles'>;
export type CategoryEntry = CollectionEntry<'categories'>;

export interface Category {
  slug: string;
  name: string;
  description?: string;
  url: string;
}

export interface Link {
  name: string;
  url: string;
}

/** What pages, lists, feeds and the search index need of an article. */
export interface ArticleSummary {
  id: string;
  url: string;
  slug: string;
  title: string;
  category: Category;
  date: Date;
  dateHasTime: boolean;
  updated?: Date;
  lead?: string;
  excerpt: string;
  authors: Link[];
  photographers: string[];
  source?: { name: string; url?: string };
  tags: Link[];
  cover?: { src: ImageMetadata; alt: string; caption?: string };
  aliases: string[];
  filePath?: string;
}

export interface Listing {
  key: string;
  name: string;
  url: string;
  articles: ArticleSummary[];
}

export interface SiteData {
  /** Every published article, newest first. */
  articles: ArticleSummary[];
  byId: Map<string, ArticleSummary>;
  entries: Map<string, ArticleEntry>;
  categories: Category[];
  byCategory: Map<string, ArticleSummary[]>;
  /** Tags and authors sorted by name with the site collation. */
  tags: Listing[];
  authors: Listing[];
  related: Map<string, ArticleSummary[]>;
  other: Map<string, ArticleSummary[]>;
}

async function loadSite(): Promise<SiteData> {
  const [entries, categoryEntries] = await Promise.all([getCollection('articles'), getCollection('categories')]);
  const paths = siteConfig.paths;
  const categories: Category[] = categoryEntries
    .sort((a, b) => a.data.order - b.data.order)
    .map(({ data }) => ({ slug: data.slug, name: data.name, description: data.description, url: categoryPath(data.slug) }));
  const categoryBySlug = new Map(categories.map((category) => [category.slug, category]));

  // Names are counted in the order of the articles' URLs, not of the content
  // store: a tie between two spellings is decided as the content check decides it.
  const located = entries.map((entry) => {
    const slug = entry.id.slice(entry.id.indexOf('/') + 1);
    return { entry, slug, url: articlePath({ category: entry.data.category, slug }) };
  });
  const tagRegistry = createTermRegistry(located, ({ entry }) => entry.data.tags);
  const authorRegistry = createTermRegistry(located, ({ entry }) => entry.data.author);
  const tagTerms = tagRegistry.terms();
  const authorTerms = authorRegistry.terms();
  const termLink = (registry: TermRegistry, terms: Map<string, Term>, name: string, url: (key: string) => string): Link => {
    const key = registry.key(name);
    return { name: terms.get(key)?.name ?? name, url: url(key) };
  };

  const articles: ArticleSummary[] = located.map(({ entry, slug, url }) => {
    const { data } = entry;
    const category = categoryBySlug.get(data.category)!;
    return {
      id: entry.id,
      url,
      slug,
      title: data.title,
      category,
      date: data.date,
      dateHasTime: data.dateHasTime,
      updated: data.updated,
      lead: data.lead,
      excerpt: data.excerpt ?? '',
      authors: data.author.map((name) => termLink(authorRegistry, authorTerms, name, (key) => authorPath(paths, key))),
      photographers: data.photographer ?? [],
      source: data.source,
      tags: dedupeLinks(data.tags.map((name) => termLink(tagRegistry, tagTerms, name, (key) => tagPath(paths, key)))),
      cover: data.cover as ArticleSummary['cover'],
      aliases: data.aliases,
      filePath: entry.filePath,
    };
  });
  articles.sort(compareNewestFirst);
  const byId = new Map(articles.map((article) => [article.id, article]));

  const byCategory = new Map<string, ArticleSummary[]>(categories.map((category) => [category.slug, []]));
  for (const article of articles) byCategory.get(article.category.slug)?.push(article);

  const compareNames = createNameComparator(siteConfig.locale);
  const group = (links: (article: ArticleSummary) => Link[]): Listing[] => {
    const listings = new Map<string, Listing>();
    for (const article of articles) {
      for (const link of links(article)) {
        let listing = listings.get(link.url);
        if (!listing) listings.set(link.url, (listing = { key: link.url, name: link.name, url: link.url, articles: [] }));
        listing.articles.push(article);
      }
    }
    return [...listings.values()].sort((a, b) => compareNames(a.name, b.name));
  };

  const lists = computeNewsLists(
    articles.map((article) => ({
      id: article.id,
      category: article.category.slug,
      date: article.date,
      tags: article.tags.map((tag) => tag.url),
      text: `${article.title} ${article.lead ?? ''}`,
    })),
    { relatedCount: siteConfig.relatedCount, otherCount: siteConfig.otherNewsCount },
  );
  const resolve = (ids: string[]) => ids.map((id) => byId.get(id)!);
  const related = new Map<string, ArticleSummary[]>();
  const other = new Map<string, ArticleSummary[]>();
  for (const [id, list] of lists) {
    related.set(id, resolve(list.related));
    other.set(id, resolve(list.other));
  }

  return {
    articles,
    byId,
    entries: new Map(entries.map((entry) => [entry.id, entry])),
    categories,
    byCategory,
    tags: group((article) => article.tags),
    authors: group((article) => article.authors),
    related,
    other,
  };
}

function dedupeLinks(links: Link[]): Link[] {
  const seen = new Set<string>();
  return links.filter((link) => {
    if (seen.has(link.url)) return false;
    seen.add(link.url);
    return true;
  });
}

/** An article's body: its rendered HTML, or (MDX, Markdown with local photos) the component Astro renders. */
export type ArticleBody = { html: string } | { Content: Awaited<ReturnType<typeof render>>['Content'] };

/**
 * The body of an article, read when its page is rendered: from the file the
 * loader wrote (`data.bodyFile`), else through Astro's `render()`.
 */
export async function articleBody(entry: ArticleEntry): Promise<ArticleBody> {
  // Synchronous: a small file read for each article page, and the thread pool's round trip costs more than the read.
  if (entry.data.bodyFile) return { html: readFileSync(entry.data.bodyFile, 'utf8') };
  return { Content: (await render(entry)).Content };
}

let site: Promise<SiteData> | undefined;

/** The site data, computed once per build and shared by every page and feed. */
export function getSite(): Promise<SiteData> {
  site ??= loadSite();
  return site;
}
