/**
 * Syndication: the RSS 2.0 feeds (rendered by @astrojs/rss) and the Google
 * News sitemap. Plain functions of the articles and the site settings.
 *
 * @astrojs/rss writes `pubDate` with `Date#toUTCString()` ("... GMT"), so the
 * date is passed through `customData` instead, as RFC 822 with the site's
 * offset ("Wed, 18 Sep 2024 16:00:00 +0700"). Reporters are `dc:creator`
 * (RSS's own `author` must be an e-mail address), photographers `dc:contributor`.
 */
import type { RSSOptions, RSSFeedItem } from '@astrojs/rss';
import { toRfc822, toZonedIso } from './dates.ts';
import { absoluteUrl, homePath } from './urls.ts';
import { stripControlCharacters } from './text.ts';

export interface FeedArticle {
  url: string;
  title: string;
  date: Date;
  lead?: string;
  excerpt: string;
  authors: { name: string }[];
  photographers: string[];
  category: { name: string };
  tags: { name: string }[];
}

export interface FeedSettings {
  siteUrl: string;
  timeZone: string;
  language: string;
  /** Absolute or root-relative URL of the publisher logo, for the channel image. */
  logo: string;
}

export interface FeedChannel {
  title: string;
  description: string;
  /** Root-relative path of the page the feed belongs to ("/" or "/kinh-te/"). */
  pagePath: string;
  /** Root-relative path of the feed itself ("/rss.xml"). */
  feedPath: string;
}

export const XMLNS = {
  dc: 'http://purl.org/dc/elements/1.1/',
  atom: 'http://www.w3.org/2005/Atom',
};

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text safe in XML content and attributes, control characters removed. */
export function escapeXml(value: string): string {
  return stripControlCharacters(value).replace(/[&<>"']/g, (char) => XML_ESCAPES[char]!);
}

const clean = (value: string) => stripControlCharacters(value);

export function rssItem(article: FeedArticle, settings: FeedSettings): RSSFeedItem {
  const element = (name: string, value: string) => `<${name}>${escapeXml(value)}</${name}>`;
  return {
    title: clean(article.title),
    link: absoluteUrl(settings.siteUrl, article.url),
    description: clean(article.lead ?? article.excerpt),
    categories: [article.category.name, ...article.tags.map((tag) => tag.name)].map(clean),
    customData: [
      element('pubDate', toRfc822(article.date, settings.timeZone)),
      ...article.authors.map((author) => element('dc:creator', author.name)),
      ...article.photographers.map((name) => element('dc:contributor', name)),
    ].join(''),
  };
}

/** The options for @astrojs/rss: a channel and its newest `limit` articles (given newest first). */
export function rssFeed(channel: FeedChannel, articles: readonly FeedArticle[], settings: FeedSettings, limit: number): RSSOptions {
  const items = articles.slice(0, limit);
  const newest = items[0];
  const link = absoluteUrl(settings.siteUrl, channel.pagePath);
  return {
    title: clean(channel.title),
    description: clean(channel.description),
    site: link,
    xmlns: XMLNS,
    customData: [
      `<language>${escapeXml(settings.language)}</language>`,
      newest ? `<lastBuildDate>${toRfc822(newest.date, settings.timeZone)}</lastBuildDate>` : '',
      `<atom:link href="${escapeXml(absoluteUrl(settings.siteUrl, channel.feedPath))}" rel="self" type="application/rss+xml"/>`,
      `<image><url>${escapeXml(absoluteUrl(settings.siteUrl, settings.logo))}</url><title>${escapeXml(channel.title)}</title><link>${escapeXml(link)}</link></image>`,
    ].join(''),
    items: items.map((article) => rssItem(article, settings)),
  };
}

export interface NewsSitemapSettings {
  siteUrl: string;
  timeZone: string;
  publicationName: string;
  language: string;
  /** The build clock. */
  now: Date;
  /** How far back articles are listed (Google News: two days). */
  maxAgeMs?: number;
  /** Google News allows at most 1,000 URLs per sitemap. */
  limit?: number;
}

export const NEWS_SITEMAP_MAX_AGE_MS = 2 * 24 * 60 * 60 * 1000;

/**
 * Google News wants an ISO 639 code ("vi", "en"), except zh-cn and zh-tw:
 * "vi-VN" -> "vi".
 */
export function newsLanguage(language: string): string {
  const lower = language.toLowerCase().replace('_', '-');
  if (lower === 'zh-cn' || lower === 'zh-tw') return lower;
  return lower.split('-')[0]!;
}

/** Articles published in the window (newest first, at most `limit`). */
export function recentArticles<T extends { date: Date }>(articles: readonly T[], settings: NewsSitemapSettings): T[] {
  const from = settings.now.getTime() - (settings.maxAgeMs ?? NEWS_SITEMAP_MAX_AGE_MS);
  const to = settings.now.getTime();
  return articles
    .filter((article) => article.date.getTime() >= from && article.date.getTime() <= to)
    .slice(0, settings.limit ?? 1000);
}

/**
 * The Google News sitemap (sitemaps.org urlset with the news: namespace): the
 * articles of the window, each with its `<news:news>`.
 *
 * With no article in the window (a quiet weekend, a rebuild of an old
 * archive), it lists the home page alone, without `<news:news>`: a urlset
 * needs at least one `<url>` to be valid against the sitemaps.org schema, and
 * Google accepts URLs without news metadata in a news sitemap (it is how it
 * lets older articles stay). The file is always written and always listed in
 * robots.txt, so its address never answers 404 to Google or to Search Console,
 * where it is submitted once.
 */
export function newsSitemap(articles: readonly FeedArticle[], settings: NewsSitemapSettings): string {
  const language = newsLanguage(settings.language);
  const news = recentArticles(articles, settings).map(
    (article) =>
      `<url><loc>${escapeXml(absoluteUrl(settings.siteUrl, article.url))}</loc><news:news><news:publication>` +
      `<news:name>${escapeXml(settings.publicationName)}</news:name><news:language>${escapeXml(language)}</news:language>` +
      `</news:publication><news:publication_date>${toZonedIso(article.date, settings.timeZone)}</news:publication_date>` +
      `<news:title>${escapeXml(article.title)}</news:title></news:news></url>`,
  );
  const urls = news.length > 0 ? news : [`<url><loc>${escapeXml(absoluteUrl(settings.siteUrl, homePath))}</loc></url>`];
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n' +
    urls.map((url) => `${url}\n`).join('') +
    '</urlset>\n'
  );
}

/** robots.txt: everything may be crawled; both sitemaps listed with absolute URLs. */
export function robotsTxt(sitemaps: readonly string[]): string {
  return ['User-agent: *', 'Allow: /', '', ...sitemaps.map((url) => `Sitemap: ${url}`), ''].join('\n');
}
