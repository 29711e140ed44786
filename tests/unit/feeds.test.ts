import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { getRssString } from '@astrojs/rss';
import { describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { projectRoot } from '../../scripts/lib/paths.ts';
import { escapeXml, newsLanguage, newsSitemap, recentArticles, robotsTxt, rssFeed, type FeedArticle } from '../../src/lib/feeds.ts';

const settings = { siteUrl: 'https://x.org', timeZone: 'Asia/Ho_Chi_Minh', language: 'vi', logo: '/logo.png' };
const article = (n: number, date: string, extra: Partial<FeedArticle> = {}): FeedArticle => ({
  url: `/kinh-te/bai-${n}/`,
  title: `Bài ${n}`,
  date: new Date(date),
  excerpt: `Trích ${n}`,
  authors: [{ name: 'Lê Oanh' }],
  photographers: [],
  category: { name: 'Kinh tế' },
  tags: [],
  ...extra,
});
/** Validates a news sitemap as the discovery tests do: sitemaps.org's urlset schema plus Google's news extension. */
async function newsSitemapErrors(xml: string): Promise<string[]> {
  const schema = (file: string) => ({ fileName: path.basename(file), contents: readFileSync(file, 'utf8') });
  const schemas = path.join(projectRoot, 'tests/discovery/schemas');
  const result = await validateXML({
    xml: { fileName: 'news-sitemap.xml', contents: xml },
    schema: schema(path.join(schemas, 'news-sitemap.xsd')),
    preload: [schema(path.join(projectRoot, 'node_modules/sitemap/schema/sitemap.xsd')), schema(path.join(schemas, 'sitemap-news.xsd'))],
  });
  return result.valid ? [] : result.errors.map((error) => error.rawMessage);
}
const parse = (xml: string) => new XMLParser({ ignoreAttributes: false, parseTagValue: false, isArray: (name) => ['item', 'dc:creator', 'category', 'url'].includes(name) }).parse(xml);

describe('rssFeed through @astrojs/rss', () => {
  it('writes pubDate with the site offset, not GMT', async () => {
    const xml = await getRssString(
      rssFeed({ title: 'T', description: 'D', pagePath: '/', feedPath: '/rss.xml' }, [article(1, '2024-09-18T09:00:00Z')], settings, 50),
    );
    expect(xml).not.toContain('GMT');
    const item = parse(xml).rss.channel.item[0];
    expect(item.pubDate).toBe('Wed, 18 Sep 2024 16:00:00 +0700');
    expect(item.guid['#text']).toBe('https://x.org/kinh-te/bai-1/');
  });

  it('keeps the newest items only and escapes every text', async () => {
    const articles = [
      article(1, '2024-09-18T09:00:00Z', { title: 'A & B </title> <x>', authors: [{ name: 'Tí & Tèo' }, { name: '<Tủn>' }], lead: 'Dẫn\u0007 & <b>' }),
      article(2, '2024-09-17T09:00:00Z'),
      article(3, '2024-09-16T09:00:00Z'),
    ];
    const xml = await getRssString(rssFeed({ title: 'T & <U>', description: 'D', pagePath: '/', feedPath: '/rss.xml' }, articles, settings, 2));
    const channel = parse(xml).rss.channel;
    expect(channel.title).toBe('T & <U>');
    expect(channel.item).toHaveLength(2);
    expect(channel.item[0].title).toBe('A & B </title> <x>');
    expect(channel.item[0]['dc:creator']).toEqual(['Tí & Tèo', '<Tủn>']);
    expect(channel.item[0].description).toBe('Dẫn & <b>');
  });
});

describe('news sitemap', () => {
  const now = new Date('2024-09-20T12:00:00+07:00');
  const options = { siteUrl: 'https://x.org', timeZone: 'Asia/Ho_Chi_Minh', publicationName: 'Tòa soạn & Co', language: 'vi-VN', now };

  it('lists the articles of the two days before the build clock, at most the limit', () => {
    const articles = [
      article(1, '2024-09-20T11:00:00+07:00'),
      article(2, '2024-09-18T12:00:00+07:00'),
      article(3, '2024-09-18T11:59:59+07:00'),
    ];
    expect(recentArticles(articles, options).map((a) => a.url)).toEqual(['/kinh-te/bai-1/', '/kinh-te/bai-2/']);
    expect(recentArticles(articles, { ...options, limit: 1 })).toHaveLength(1);
  });

  it('writes the news namespace, publication, language code and zoned date', () => {
    const doc = parse(newsSitemap([article(1, '2024-09-20T02:00:00Z', { title: 'Tin <1> & 2' })], options));
    expect(doc.urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    expect(doc.urlset.url[0]['news:news']).toEqual({
      'news:publication': { 'news:name': 'Tòa soạn & Co', 'news:language': 'vi' },
      'news:publication_date': '2024-09-20T09:00:00+07:00',
      'news:title': 'Tin <1> & 2',
    });
  });

  it('is valid against the sitemap schemas', async () => {
    const xml = newsSitemap([article(1, '2024-09-20T02:00:00Z', { title: 'Tin <1> & 2' }), article(2, '2024-09-19T02:00:00Z')], options);
    expect(parse(xml).urlset.url).toHaveLength(2);
    expect(await newsSitemapErrors(xml)).toEqual([]);
  });

  it('with no article in the window, lists the home page alone without news metadata, and stays valid', async () => {
    for (const articles of [[], [article(1, '2024-09-18T11:59:59+07:00'), article(2, '2024-01-01T00:00:00+07:00')]]) {
      const xml = newsSitemap(articles, options);
      const urls = parse(xml).urlset.url;
      expect(urls).toEqual([{ loc: 'https://x.org/' }]);
      expect(await newsSitemapErrors(xml)).toEqual([]);
    }
  });

  it('the schemas reject a urlset without url (what the empty window used to write)', async () => {
    const empty =
      '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">\n</urlset>\n';
    expect(await newsSitemapErrors(empty)).not.toEqual([]);
  });

  it('uses ISO 639 codes as Google News wants them', () => {
    expect(newsLanguage('vi-VN')).toBe('vi');
    expect(newsLanguage('zh-TW')).toBe('zh-tw');
    expect(newsLanguage('en')).toBe('en');
  });
});

describe('robots.txt and escaping', () => {
  it('lists the sitemaps', () => {
    expect(robotsTxt(['https://x.org/a.xml', 'https://x.org/b.xml'])).toBe(
      'User-agent: *\nAllow: /\n\nSitemap: https://x.org/a.xml\nSitemap: https://x.org/b.xml\n',
    );
  });

  it('escapes XML and drops control characters', () => {
    expect(escapeXml(`a&b<c>"d"'e'\u0001`)).toBe('a&amp;b&lt;c&gt;&quot;d&quot;&apos;e&apos;');
  });
});
