/**
 * Build-output tests for discovery and syndication: one fixture newsroom
 * (tests/discovery/corpus.ts) built once through the production build, then
 * every feed and sitemap parsed as XML and validated (sitemaps against their
 * XSDs with xmllint), the JSON-LD parsed and checked for Google's article
 * properties, the head metadata of every page type, author and tag pages, the
 * search index files, and the absence of drafts and embargoed articles.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { decode as decodeCbor } from 'cborg';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { validateXML } from 'xmllint-wasm';
import { projectRoot } from '../../scripts/lib/paths.ts';
import { siteConfig } from '../../src/config/index.ts';
import { exactKey, phrases, searchKeys, wordKey } from '../../src/lib/search.ts';
import { buildFixture, exists, listFiles, page, text, writeFixture } from '../helpers/fixture.ts';
import { DRAFT_MARKER, EMBARGO_MARKER, NOW, TRICKY_TITLE, URLS, discoveryCorpus } from './corpus.ts';

const SITE = 'https://tin.example.test';
const RFC_822 = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} \+0700$/;
const ZONED_ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$/;
const SCHEMAS = path.join(projectRoot, 'tests/discovery/schemas');
const SITEMAP_XSD = path.join(projectRoot, 'node_modules/sitemap/schema/sitemap.xsd');

let root = '';
let out = '';
let files: string[] = [];

const parser = new XMLParser({
  ignoreAttributes: false,
  parseTagValue: false,
  isArray: (name) => ['item', 'url', 'sitemap', 'category', 'dc:creator', 'dc:contributor'].includes(name),
});
const read = (relative: string, dir = out) => readFileSync(path.join(dir, relative), 'utf8');
const parseXml = (relative: string) => parser.parse(read(relative));
/** The file an absolute URL of the site is served from. */
const fileOf = (url: string) => {
  expect(url.startsWith(`${SITE}/`), `${url} is on the site`).toBe(true);
  const pathname = decodeURI(new URL(url).pathname);
  return pathname.endsWith('/') ? `${pathname.slice(1)}index.html` : pathname.slice(1);
};
const meta = (doc: Document, key: string) =>
  doc.querySelector(`meta[property="${key}"], meta[name="${key}"]`)?.getAttribute('content') ?? undefined;
const schemaFile = (file: string) => ({ fileName: path.basename(file), contents: readFileSync(file, 'utf8') });

async function expectValid(relative: string, schema: string, preload: string[] = [], dir = out): Promise<void> {
  const result = await validateXML({
    xml: { fileName: path.basename(relative), contents: read(relative, dir) },
    schema: schemaFile(schema),
    preload: preload.map(schemaFile),
  });
  expect(result.errors.map((error) => error.rawMessage)).toEqual([]);
  expect(result.valid).toBe(true);
}

beforeAll(async () => {
  root = writeFixture(discoveryCorpus());
  const result = await buildFixture(root, { NEWSROOM_NOW: NOW, NEWSROOM_SITE_URL: SITE }, ['--quiet']);
  if (result.code !== 0) throw new Error(`fixture build failed:\n${result.stderr}\n${result.stdout}`);
  out = result.outDir;
  files = listFiles(out);
}, 480_000); // A loaded machine can take minutes for the fixture build.

describe('XML files', () => {
  it('every feed and sitemap is well-formed XML (libxml2)', async () => {
    const xmlFiles = files.filter((file) => file.endsWith('.xml'));
    expect(xmlFiles.length).toBeGreaterThanOrEqual(7);
    for (const file of xmlFiles) {
      const result = await validateXML({ xml: { fileName: path.basename(file), contents: read(file) }, normalization: 'format' });
      expect(result.errors.map((error) => error.rawMessage), file).toEqual([]);
    }
  });
});

describe('RSS feeds', () => {
  it('the site feed has the RSS 2.0 channel and the newest 50 items with every element', () => {
    const { rss } = parseXml('rss.xml');
    expect(rss['@_version']).toBe('2.0');
    const channel = rss.channel;
    expect(channel.title).toBe(siteConfig.name);
    expect(channel.link).toBe(`${SITE}/`);
    expect(channel.description).not.toBe('');
    expect(channel.language).toBe('vi');
    expect(channel['atom:link']['@_href']).toBe(`${SITE}/rss.xml`);
    const items = channel.item as Record<string, unknown>[];
    expect(items).toHaveLength(siteConfig.feedItems);
    const times: number[] = [];
    for (const item of items) {
      expect(item.title).toEqual(expect.any(String));
      expect(String(item.link).startsWith(`${SITE}/`)).toBe(true);
      expect((item.guid as Record<string, string>)['#text']).toBe(item.link);
      expect(item.pubDate).toMatch(RFC_822);
      expect(String(item.description).length).toBeGreaterThan(0);
      expect((item['dc:creator'] as string[]).length).toBeGreaterThan(0);
      expect((item.category as string[]).length).toBeGreaterThan(0);
      expect(exists(out, fileOf(String(item.link)))).toBe(true);
      times.push(Date.parse(String(item.pubDate)));
    }
    expect(times).toEqual([...times].sort((a, b) => b - a));
  });

  it('an item carries the site offset, the credits and the category', () => {
    const items = parseXml('rss.xml').rss.channel.item as Record<string, unknown>[];
    const first = items[0]!;
    expect(first.link).toBe(`${SITE}${URLS.transformation}`);
    expect(first.title).toBe('Hải Phòng đẩy mạnh chuyển đổi số trong cải cách hành chính');
    expect(first.pubDate).toBe('Thu, 19 Sep 2024 15:30:00 +0700');
    expect(first['dc:creator']).toEqual(['Lê Oanh', 'Trần Minh Đức']);
    expect(first['dc:contributor']).toEqual(['Hoàng Phước']);
    expect(first.category).toEqual(['Chính trị', 'Chuyển đổi số', 'Hải Phòng']);
    expect(first.description).toBe('Thành phố Hải Phòng đưa toàn bộ thủ tục hành chính lên môi trường số.');
    const tricky = items.find((item) => item.link === `${SITE}${URLS.tricky}`)!;
    expect(tricky.title).toBe(TRICKY_TITLE);
    expect(tricky['dc:creator']).toEqual(['Nguyễn "Tí" & <Tèo>']);
  });

  it('a category feed holds only that category', () => {
    const { rss } = parseXml('chinh-tri/rss.xml');
    expect(rss.channel.link).toBe(`${SITE}/chinh-tri/`);
    const links = (rss.channel.item as { link: string }[]).map((item) => item.link);
    expect(links).toEqual([`${SITE}${URLS.transformation}`, `${SITE}${URLS.congress}`]);
  });

  it('every feed is RSS 2.0 with the required channel elements', () => {
    const feeds = files.filter((file) => file.endsWith('rss.xml'));
    expect(feeds.sort()).toEqual(['chinh-tri/rss.xml', 'kinh-te/rss.xml', 'rss.xml', 'xa-hoi/rss.xml']);
    for (const feed of feeds) {
      const { rss } = parseXml(feed);
      expect(rss['@_version']).toBe('2.0');
      for (const key of ['title', 'link', 'description']) expect(String(rss.channel[key]).length).toBeGreaterThan(0);
      for (const item of rss.channel.item ?? []) expect(item.pubDate).toMatch(RFC_822);
    }
  });
});

describe('sitemaps', () => {
  it('the sitemap index and its sitemaps are valid against the sitemaps.org schemas', async () => {
    await expectValid('sitemap-index.xml', path.join(SCHEMAS, 'siteindex.xsd'));
    const index = parseXml('sitemap-index.xml').sitemapindex;
    expect(index['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const sitemaps = (index.sitemap as { loc: string }[]).map((entry) => fileOf(entry.loc));
    expect(sitemaps.length).toBeGreaterThan(0);
    for (const sitemap of sitemaps) await expectValid(sitemap, SITEMAP_XSD);
  });

  it('lists every indexable page once, with lastmod from updated or date, and nothing else', () => {
    const sitemaps = (parseXml('sitemap-index.xml').sitemapindex.sitemap as { loc: string }[]).map((entry) => fileOf(entry.loc));
    const urls = sitemaps.flatMap((sitemap) => parseXml(sitemap).urlset.url as { loc: string; lastmod?: string }[]);
    const locs = urls.map((url) => url.loc);
    expect(new Set(locs).size).toBe(locs.length);
    for (const loc of locs) expect(exists(out, fileOf(loc)), loc).toBe(true);
    const indexable = files
      .filter((file) => file.endsWith('index.html') && !file.startsWith('pagefind/'))
      .filter((file) => !page(out, `/${file}`).querySelector('meta[name="robots"][content*="noindex"]'))
      .map((file) => `${SITE}/${file.replace(/index\.html$/, '')}`);
    expect([...locs].sort()).toEqual(indexable.sort());
    for (const expected of ['/', '/chinh-tri/', URLS.transformation, '/chu-de/chuyen-doi-so/', '/tac-gia/le-oanh/', '/tac-gia/phong-vien/3/']) {
      expect(locs).toContain(`${SITE}${expected}`);
    }
    for (const absent of ['/tim-kiem/', '/404.html', URLS.draft, URLS.embargoed]) expect(locs).not.toContain(`${SITE}${absent}`);
    const lastmod = (url: string) => urls.find((entry) => entry.loc === `${SITE}${url}`)?.lastmod;
    expect(Date.parse(lastmod(URLS.transformation)!)).toBe(Date.parse('2024-09-20T08:00:00+07:00'));
    expect(Date.parse(lastmod(URLS.congress)!)).toBe(Date.parse('2024-09-10T08:00:00+07:00'));
  });

  it('the Google News sitemap has the news namespace and the articles of the last two days', async () => {
    await expectValid('news-sitemap.xml', path.join(SCHEMAS, 'news-sitemap.xsd'), [SITEMAP_XSD, path.join(SCHEMAS, 'sitemap-news.xsd')]);
    const { urlset } = parseXml('news-sitemap.xml');
    expect(urlset['@_xmlns']).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    expect(urlset['@_xmlns:news']).toBe('http://www.google.com/schemas/sitemap-news/0.9');
    const urls = urlset.url as { loc: string; 'news:news': Record<string, Record<string, string> | string> }[];
    expect(urls.map((url) => url.loc)).toEqual([`${SITE}${URLS.transformation}`, `${SITE}${URLS.business}`]);
    const news = urls[0]!['news:news'];
    expect(news['news:publication']).toEqual({
      'news:name': siteConfig.publisher.name ?? siteConfig.name,
      'news:language': 'vi',
    });
    expect(news['news:publication_date']).toBe('2024-09-19T15:30:00+07:00');
    expect(news['news:title']).toBe('Hải Phòng đẩy mạnh chuyển đổi số trong cải cách hành chính');
    const now = Date.parse(NOW);
    for (const url of urls) {
      const published = Date.parse(String(url['news:news']['news:publication_date']));
      expect(now - published).toBeLessThanOrEqual(2 * 24 * 3600 * 1000);
      expect(now - published).toBeGreaterThanOrEqual(0);
    }
  });

  it('on a day without news, the Google News sitemap is still written, listed and valid: the home page alone', async () => {
    // The same site built a week later: no article in the two-day window.
    const later = path.join(root, 'later');
    const week = new Date(Date.parse(NOW) + 7 * 24 * 3600 * 1000).toISOString();
    const result = await buildFixture(root, { NEWSROOM_NOW: week, NEWSROOM_SITE_URL: SITE }, ['--quiet', '--out', later]);
    expect(result.code, result.stderr).toBe(0);
    await expectValid('news-sitemap.xml', path.join(SCHEMAS, 'news-sitemap.xsd'), [SITEMAP_XSD, path.join(SCHEMAS, 'sitemap-news.xsd')], later);
    const { urlset } = parser.parse(read('news-sitemap.xml', later));
    expect(urlset.url).toEqual([{ loc: `${SITE}/` }]);
    const sitemaps = [...read('robots.txt', later).matchAll(/^Sitemap: (.+)$/gm)].map((match) => match[1]!);
    expect(sitemaps).toEqual([`${SITE}/sitemap-index.xml`, `${SITE}/news-sitemap.xml`]);
  }, 600_000);

  it('robots.txt lists both sitemaps with absolute URLs', () => {
    const robots = read('robots.txt');
    const sitemaps = [...robots.matchAll(/^Sitemap: (.+)$/gm)].map((match) => match[1]!);
    expect(sitemaps).toEqual([`${SITE}/sitemap-index.xml`, `${SITE}/news-sitemap.xml`]);
    for (const url of sitemaps) expect(exists(out, fileOf(url))).toBe(true);
    expect(robots).toMatch(/^User-agent: \*$/m);
  });
});

describe('structured data', () => {
  const jsonLd = (url: string) =>
    Array.from(page(out, url).querySelectorAll('script[type="application/ld+json"]')).map(
      // biome-ignore lint/suspicious/noExplicitAny: JSON-LD is walked freely in the assertions.
      (script) => JSON.parse(script.textContent ?? '') as Record<string, any>,
    );

  it('every article has one NewsArticle with the properties Google uses, and a BreadcrumbList', () => {
    const articles = [URLS.transformation, URLS.business, URLS.congress, URLS.decoy, URLS.classrooms, URLS.tricky];
    for (const url of articles) {
      const data = jsonLd(url);
      const news = data.filter((item) => item['@type'] === 'NewsArticle');
      expect(news, url).toHaveLength(1);
      const article = news[0]!;
      expect(article['@context']).toBe('https://schema.org');
      expect(article.headline).toEqual(expect.any(String));
      expect(article.mainEntityOfPage['@id']).toBe(`${SITE}${url}`);
      expect(article.datePublished).toMatch(ZONED_ISO);
      expect(article.dateModified).toMatch(ZONED_ISO);
      expect(article.image.length).toBeGreaterThan(0);
      for (const image of article.image) expect(exists(out, fileOf(image.url))).toBe(true);
      expect(article.author.length).toBeGreaterThan(0);
      for (const author of article.author) {
        expect(author['@type']).toBe('Person');
        expect(author.name).toEqual(expect.any(String));
        expect(exists(out, fileOf(author.url)), author.url).toBe(true);
      }
      expect(article.publisher['@type']).toBe('Organization');
      expect(exists(out, fileOf(article.publisher.logo.url))).toBe(true);
      const crumbs = data.filter((item) => item['@type'] === 'BreadcrumbList');
      expect(crumbs).toHaveLength(1);
      const items = crumbs[0]!.itemListElement as { position: number; item: string }[];
      expect(items.map((item) => item.position)).toEqual([1, 2, 3]);
      expect(items[2]!.item).toBe(`${SITE}${url}`);
    }
  });

  it('carries dates with offset, credits, section, keywords and source', () => {
    const article = jsonLd(URLS.transformation).find((item) => item['@type'] === 'NewsArticle')!;
    expect(article.datePublished).toBe('2024-09-19T15:30:00+07:00');
    expect(article.dateModified).toBe('2024-09-20T08:00:00+07:00');
    expect(article.author).toEqual([
      { '@type': 'Person', name: 'Lê Oanh', url: `${SITE}/tac-gia/le-oanh/` },
      { '@type': 'Person', name: 'Trần Minh Đức', url: `${SITE}/tac-gia/tran-minh-duc/` },
    ]);
    expect(article.contributor).toEqual([{ '@type': 'Person', name: 'Hoàng Phước' }]);
    expect(article.image[0].url).toMatch(new RegExp(`^${SITE}/_astro/.+\\.jpg$`));
    expect(article.image[0].creditText).toBe('Hoàng Phước');
    expect(article.articleSection).toBe('Chính trị');
    expect(article.keywords).toEqual(['Chuyển đổi số', 'Hải Phòng']);
    expect(article.sourceOrganization).toEqual({ '@type': 'Organization', name: 'Báo Hải Phòng', url: 'https://example.org/bai-goc' });
    expect(article.isBasedOn).toBe('https://example.org/bai-goc');
    const withoutCover = jsonLd(URLS.business).find((item) => item['@type'] === 'NewsArticle')!;
    expect(withoutCover.image[0].url).toBe(`${SITE}${siteConfig.defaultImage}`);
  });

  it('a title with </script>, markup, quotes and & stays inside the JSON-LD and parses back', () => {
    // Parsed by a real HTML parser: the only scripts are the JSON-LD and external files,
    // and attribute values (og:title) keep the title whole.
    const doc = page(out, URLS.tricky);
    expect(meta(doc, 'og:title')).toBe(TRICKY_TITLE);
    expect(text(doc.querySelector('h1'))).toBe(TRICKY_TITLE);
    for (const script of Array.from(doc.querySelectorAll('script'))) {
      const type = script.getAttribute('type');
      if (type === 'application/ld+json') expect(script.textContent).not.toMatch(/[<>&]/);
      else expect(script.getAttribute('src'), 'only external scripts besides JSON-LD').toBeTruthy();
    }
    const article = jsonLd(URLS.tricky).find((item) => item['@type'] === 'NewsArticle')!;
    expect(article.headline).toBe(TRICKY_TITLE);
    expect(article.description).toBe('Lời dẫn có </script> và & cùng "ngoặc".');
    expect(article.author[0].name).toBe('Nguyễn "Tí" & <Tèo>');
    expect(article.keywords).toEqual(['A&B <thẻ>']);
  });
});

describe('head metadata', () => {
  const pages = [
    { kind: 'home', url: '/', type: 'website', indexed: true },
    { kind: 'category', url: '/chinh-tri/', type: 'website', indexed: true },
    { kind: 'article', url: URLS.transformation, type: 'article', indexed: true },
    { kind: 'tag', url: '/chu-de/chuyen-doi-so/', type: 'website', indexed: true },
    { kind: 'author', url: '/tac-gia/le-oanh/', type: 'website', indexed: true },
    { kind: 'search', url: '/tim-kiem/', type: 'website', indexed: false },
    { kind: '404', url: '/404.html', type: 'website', indexed: false, pageUrl: '/404/' },
  ];

  it.each(pages)('$kind page: title, description, canonical, Open Graph, Twitter card, lang, feed', ({ url, type, indexed, pageUrl }) => {
    const doc = page(out, url);
    expect(doc.documentElement.getAttribute('lang')).toBe(siteConfig.language);
    expect(text(doc.querySelector('title'))).not.toBe('');
    expect(meta(doc, 'description')).toBeTruthy();
    const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
    if (indexed) {
      expect(canonical).toBe(`${SITE}${url}`);
      expect(meta(doc, 'robots')).toBeUndefined();
    } else {
      expect(canonical).toBeUndefined();
      expect(meta(doc, 'robots')).toBe('noindex');
    }
    expect(meta(doc, 'og:type')).toBe(type);
    expect(meta(doc, 'og:url')).toBe(`${SITE}${pageUrl ?? url}`);
    expect(meta(doc, 'og:title')).toBeTruthy();
    expect(meta(doc, 'og:description')).toBe(meta(doc, 'description'));
    expect(meta(doc, 'og:site_name')).toBe(siteConfig.name);
    expect(meta(doc, 'og:locale')).toBe('vi_VN');
    expect(exists(out, fileOf(meta(doc, 'og:image')!))).toBe(true);
    expect(meta(doc, 'twitter:card')).toBe('summary_large_image');
    expect(meta(doc, 'twitter:image')).toBe(meta(doc, 'og:image'));
    const feeds = Array.from(doc.querySelectorAll('link[rel="alternate"][type="application/rss+xml"]')).map((link) => link.getAttribute('href'));
    expect(feeds).toContain('/rss.xml');
  });

  it('article page: article:* properties with offset, section and tags; its category feed', () => {
    const doc = page(out, URLS.transformation);
    expect(meta(doc, 'article:published_time')).toBe('2024-09-19T15:30:00+07:00');
    expect(meta(doc, 'article:modified_time')).toBe('2024-09-20T08:00:00+07:00');
    expect(meta(doc, 'article:section')).toBe('Chính trị');
    const tags = Array.from(doc.querySelectorAll('meta[property="article:tag"]')).map((tag) => tag.getAttribute('content'));
    expect(tags).toEqual(['Chuyển đổi số', 'Hải Phòng']);
    expect(meta(doc, 'og:image')).toMatch(new RegExp(`^${SITE}/_astro/.+\\.jpg$`));
    expect(meta(doc, 'og:image:alt')).toBe('Cán bộ hướng dẫn người dân làm thủ tục trực tuyến');
    expect(doc.querySelector('link[rel="alternate"][href="/chinh-tri/rss.xml"]')).not.toBeNull();
    expect(meta(page(out, URLS.business), 'og:image')).toBe(`${SITE}/og-default.png`);
  });

  it('category page links its own feed', () => {
    expect(page(out, '/chinh-tri/').querySelector('link[rel="alternate"][href="/chinh-tri/rss.xml"]')).not.toBeNull();
  });

  it('no page has an inline executable script', () => {
    for (const file of files.filter((name) => name.endsWith('.html'))) {
      for (const script of Array.from(page(out, `/${file}`).querySelectorAll('script'))) {
        if (script.getAttribute('type') === 'application/ld+json') continue;
        expect(script.getAttribute('src'), `${file}: inline <script>`).toBeTruthy();
      }
    }
  });
});

describe('authors and tags', () => {
  it('bylines and tags link to author and tag pages that list the article', () => {
    const doc = page(out, URLS.transformation);
    const authors = Array.from(doc.querySelectorAll('a[rel="author"]')).map((a) => a.getAttribute('href'));
    expect(authors).toEqual(['/tac-gia/le-oanh/', '/tac-gia/tran-minh-duc/']);
    const tags = Array.from(doc.querySelectorAll('a[rel="tag"]')).map((a) => a.getAttribute('href'));
    expect(tags).toEqual(['/chu-de/chuyen-doi-so/', '/chu-de/hai-phong/']);
    for (const href of [...authors, ...tags]) {
      const links = Array.from(page(out, href!).querySelectorAll('main a')).map((a) => a.getAttribute('href'));
      expect(links, href!).toContain(URLS.transformation);
    }
  });

  it('spellings that differ only in case or Unicode form are one tag and one author', () => {
    const tagPage = Array.from(page(out, '/chu-de/chuyen-doi-so/').querySelectorAll('main a')).map((a) => a.getAttribute('href'));
    expect(tagPage).toEqual(expect.arrayContaining([URLS.transformation, URLS.business]));
    const authorPage = Array.from(page(out, '/tac-gia/le-oanh/').querySelectorAll('main a')).map((a) => a.getAttribute('href'));
    expect(authorPage).toEqual(expect.arrayContaining([URLS.transformation, URLS.business]));
    expect(files.filter((file) => file.startsWith('chu-de/chuyen-doi-so')).sort()).toEqual(['chu-de/chuyen-doi-so/index.html']);
    // 52 items by "Phóng Viên" and "PHÓNG VIÊN": one author, three pages of 20.
    expect(files.filter((file) => file.startsWith('tac-gia/phong-vien')).sort()).toEqual([
      'tac-gia/phong-vien/2/index.html',
      'tac-gia/phong-vien/3/index.html',
      'tac-gia/phong-vien/index.html',
    ]);
  });
});

describe('tag and author indexes', () => {
  it.each([
    ['tag', `/${siteConfig.paths.tag}/`],
    ['author', `/${siteConfig.paths.author}/`],
  ])('the %s index lists every name, sorted with Vietnamese collation, linked to its page', (_, url) => {
    const links = Array.from(page(out, url).querySelectorAll('main [data-term-index] a'));
    const names = links.map((link) => text(link));
    const collator = new Intl.Collator(siteConfig.locale, { sensitivity: 'base', numeric: true });
    expect(names).toEqual([...names].sort((a, b) => collator.compare(a, b)));
    expect(names).not.toEqual([...names].sort());
    expect(new Set(names).size).toBe(names.length);
    for (const link of links) expect(exists(out, `${link.getAttribute('href')!.slice(1)}index.html`)).toBe(true);
  });

  it('puts Đ after D and before E, where code-point order puts it after Z', () => {
    const tags = Array.from(page(out, `/${siteConfig.paths.tag}/`).querySelectorAll('main [data-term-index] a')).map((link) => text(link));
    expect(tags).toEqual(['A&B <thẻ>', 'Chuyển đổi số', 'Đại hội Đảng', 'Hải Phòng']);
    const authors = Array.from(page(out, `/${siteConfig.paths.author}/`).querySelectorAll('main [data-term-index] a')).map((link) => text(link));
    expect(authors).toEqual(['Đỗ Khánh Linh', 'Lê Oanh', 'Nguyễn "Tí" & <Tèo>', 'Nguyễn Thu Hà', 'Phóng Viên', 'Trần Minh Đức']);
  });
});

describe('search index', () => {
  /** Pagefind's index, fragment and filter files, decompressed. */
  const pagefindTexts = () =>
    files
      .filter((file) => /^pagefind\/(fragment|index|filter)\//.test(file) || file.endsWith('.pf_meta'))
      .map((file) => gunzipSync(readFileSync(path.join(out, file))).subarray(12).toString('utf8'));

  it('is written under /pagefind/ without Pagefind\'s default UI', () => {
    expect(exists(out, 'pagefind/pagefind.js')).toBe(true);
    expect(files.some((file) => file.startsWith('pagefind/fragment/'))).toBe(true);
    expect(files.filter((file) => /pagefind-(ui|modular-ui|component-ui|highlight)/.test(file))).toEqual([]);
  });

  it('indexes article bodies as search keys, with title, excerpt, date and category', () => {
    const fragments = pagefindTexts()
      .filter((content) => content.startsWith('{"url"'))
      .map((content) => JSON.parse(content) as { url: string; content: string; meta: Record<string, string>; filters: Record<string, string[]> });
    const urls = fragments.map((fragment) => fragment.url).sort();
    const articles = files.filter((file) => /^(chinh-tri|kinh-te|xa-hoi)\/[^/]+\/index\.html$/.test(file) && !/^[^/]+\/\d+\//.test(file));
    expect(urls).toEqual(articles.map((file) => `/${file.replace(/index\.html$/, '')}`).sort());
    const fragment = fragments.find((item) => item.url === URLS.transformation)!;
    expect(fragment.meta).toMatchObject({
      title: 'Hải Phòng đẩy mạnh chuyển đổi số trong cải cách hành chính',
      excerpt: 'Thành phố Hải Phòng đưa toàn bộ thủ tục hành chính lên môi trường số.',
      category: 'Chính trị',
      dateText: '19/09/2024',
    });
    expect(fragment.filters.category).toEqual(['Chính trị']);
    // The folded and the exact stream of "chuyển đổi số", in the order of the words.
    expect(fragment.content).toContain(searchKeys('chuyển đổi số').split(' x ')[0]);
    expect(fragment.content).toContain(searchKeys('chuyển đổi số').split(' x ')[1]);
    expect(fragment.content).toContain('uchuyenþ udoiþ usoþ');
    // Navigation, footer, share links and "Tin liên quan" are not indexed.
    expect(fragment.content).not.toContain(wordKey(phrases('Trang chủ')[0]![0]!));
    expect(fragment.content).not.toContain('udoanhþ unghiepþ');
  });

  it('gives Pagefind every key as one word, not split into parts', () => {
    // Every string in the index chunks (CBOR after a 12-byte header): the words.
    const words = new Set<string>();
    const collect = (value: unknown): void => {
      if (typeof value === 'string') words.add(value);
      else if (Array.isArray(value)) for (const item of value) collect(item);
      else if (value && typeof value === 'object') for (const item of Object.values(value)) collect(item);
    };
    for (const file of files.filter((name) => /^pagefind\/index\/.*\.pf_index$/.test(name))) {
      collect(decodeCbor(gunzipSync(readFileSync(path.join(out, file))).subarray(12)));
    }
    const [chuyen, doi] = phrases('chuyển đổi')[0]!;
    for (const key of [wordKey(chuyen!), wordKey(doi!), exactKey(chuyen!), exactKey(doi!)]) expect(words).toContain(key);
    // A key with punctuation in it was also indexed in parts: "echuye63n_" as "echuye" and "63".
    expect(words).not.toContain('echuye');
    expect(words).not.toContain('63');
  });

  it('nothing of a draft or an embargoed article is in any output file', () => {
    const markers = [DRAFT_MARKER, EMBARGO_MARKER].flatMap((marker) => [marker, wordKey(phrases(marker)[0]![0]!)]);
    const textFiles = files.filter((file) => /\.(html|xml|txt|json|js|css)$/.test(file));
    const contents = [...textFiles.map((file) => read(file)), ...pagefindTexts()];
    for (const marker of markers) {
      expect(contents.filter((content) => content.includes(marker))).toEqual([]);
    }
    for (const url of [URLS.draft, URLS.embargoed]) expect(exists(out, fileOf(`${SITE}${url}`))).toBe(false);
  });
});

describe('search page', () => {
  it('is generated at the configured path with a form, a category filter and an external script', () => {
    const doc = page(out, `/${siteConfig.paths.search}/`);
    const form = doc.querySelector('main form[role="search"]')!;
    expect(form.getAttribute('action')).toBe(`/${siteConfig.paths.search}/`);
    expect(form.querySelector('input[name="q"]')).not.toBeNull();
    const options = Array.from(form.querySelectorAll('select[name="category"] option')).map((option) => option.getAttribute('value'));
    expect(options).toEqual(['', 'chinh-tri', 'kinh-te', 'xa-hoi']);
    expect(doc.querySelector('[role="status"]')).not.toBeNull();
    const script = doc.querySelector('script[type="module"][src^="/_astro/"]');
    expect(script).not.toBeNull();
    // The header form on every page submits to the search page.
    expect(page(out, '/').querySelector('header form')?.getAttribute('action')).toBe(`/${siteConfig.paths.search}/`);
  });
});
