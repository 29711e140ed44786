/**
 * The XSS catalogue built into one fixture site (see xss-site.ts), checked as
 * parsed HTML and XML: every payload is shown as the text the reporter typed
 * (escaped, never parsed as markup), raw HTML in the body is cleaned, JSON-LD
 * cannot be broken out of, feeds and sitemaps stay well-formed, and the build
 * writes `_headers`, `_redirects` and inert redirect pages.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { siteConfig } from '../../src/config/index.ts';
import { createHeaderRules, formatHeadersFile } from '../../src/lib/headers.ts';
import { createArticleSchema } from '../../src/lib/schemas/article.ts';
import { buildFixture, listFiles, writeFixture } from '../helpers/fixture.ts';
import { findActiveContent } from './inert.ts';
import { sharedBuild } from './shared-build.ts';
import {
  EMBED,
  HISTORY_URL,
  NOW,
  P,
  PAYLOAD_ARTICLE_URL,
  PLAIN_ARTICLE_URL,
  REFUSED_BODY_PAYLOADS,
  XSS_FIXTURE,
} from './xss-site.ts';

/** Builds of one checkout run one at a time (scripts/lib/atomic-output.ts): allow for a queue. */
const BUILD_TIMEOUT = 600_000;

let outDir: string;
let files: string[];

beforeAll(async () => {
  const outcome = await sharedBuild('xss', XSS_FIXTURE, { NEWSROOM_NOW: NOW });
  if (outcome.code !== 0) throw new Error(`XSS fixture build failed:\n${outcome.stdout}\n${outcome.stderr}`);
  outDir = outcome.outDir;
  files = listFiles(outDir);
}, BUILD_TIMEOUT);

const read = (file: string) => readFileSync(path.join(outDir, file), 'utf8');
const parse = (html: string) => parseHTML(html).document as unknown as Document;
const page = (urlPath: string) => parse(read(urlPath.endsWith('/') ? `${urlPath.slice(1)}index.html` : urlPath.slice(1)));
const text = (node: Element | null | undefined) => (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
const attributeValues = (doc: Document, selector: string, name: string) =>
  [...doc.querySelectorAll(selector)].map((element) => element.getAttribute(name));

/** Every string anywhere in a JSON value. */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
  return [];
}

describe('every page of the catalogue site', () => {
  it('is inert: no script, handler, style, foreign frame or dangerous URL of the reporter’s', () => {
    const html = files.filter((file) => file.endsWith('.html'));
    expect(html.length).toBeGreaterThan(15);
    const problems = html.flatMap((file) =>
      findActiveContent(parse(read(file)), { page: true, embedHosts: siteConfig.embedHosts }).map((problem) => `${file}: ${problem}`),
    );
    expect(problems).toEqual([]);
  });

  it('keeps JSON-LD unbreakable: no "</" inside, and it parses back to the payloads', () => {
    const doc = page(PAYLOAD_ARTICLE_URL);
    const blocks = [...doc.querySelectorAll('script[type="application/ld+json"]')];
    expect(blocks.length).toBeGreaterThan(0);
    const values = blocks.flatMap((block) => {
      expect(block.textContent).not.toMatch(/<\/|<!--/i);
      return strings(JSON.parse(block.textContent ?? ''));
    });
    expect(values).toContain(P.title);
    expect(values).toContain(P.lead);
    expect(values.some((value) => value.includes(P.author))).toBe(true);
    for (const file of files.filter((f) => f.endsWith('.html'))) {
      for (const block of parse(read(file)).querySelectorAll('script[type="application/ld+json"]')) {
        expect(block.textContent, file).not.toMatch(/<\/script|<!--/i);
      }
    }
  });
});

describe('front-matter payloads are shown as typed', () => {
  it('in the article page', () => {
    const doc = page(PAYLOAD_ARTICLE_URL);
    expect(text(doc.querySelector('h1'))).toBe(P.title);
    expect(doc.title.startsWith(P.title)).toBe(true);
    expect(attributeValues(doc, 'meta[name="description"]', 'content')).toEqual([P.lead]);
    const body = text(doc.body);
    for (const payload of [P.lead, P.author, P.authorAttribute, P.photographer, P.sourceName, P.tagScript, P.tagAttribute, P.tagTemplate, P.coverCaption, P.categoryName]) {
      expect(body, payload).toContain(payload);
    }
    expect(attributeValues(doc, 'img', 'alt')).toContain(P.coverAlt);
    const source = [...doc.querySelectorAll('a')].find((a) => text(a) === P.sourceName);
    expect([P.sourceUrl, new URL(P.sourceUrl).href]).toContain(source?.getAttribute('href'));
    expect(source?.getAttribute('rel')).toContain('noopener');
  });

  it('in listings, author and tag pages', () => {
    const category = page('/thoi-su/');
    expect(text(category.querySelector('h1'))).toBe(P.categoryName);
    expect(text(category.body)).toContain(P.categoryDescription);
    expect(text(category.body)).toContain(P.title);
    const author = files.find((file) => file.startsWith('tac-gia/svg-onload'))!;
    expect(text(parse(read(author)).querySelector('h1'))).toBe(P.author);
    const tag = files.find((file) => file.startsWith('chu-de/img-src'))!;
    expect(text(parse(read(tag)).querySelector('h1'))).toBe(P.tagAttribute);
    expect(text(page('/').body)).toContain(P.title);
  });

  it('turns a hostile slug into a plain address', () => {
    expect(files).toContain(`${PLAIN_ARTICLE_URL.slice(1)}index.html`);
    expect(text(page(PLAIN_ARTICLE_URL).querySelector('h1'))).toBe(P.plainTitle);
  });

  it('refuses javascript:, data: and vbscript: source URLs in the schema', () => {
    const schema = createArticleSchema({ timeZone: 'Asia/Ho_Chi_Minh', categories: ['thoi-su'] });
    const base = { title: 'T', category: 'thoi-su', date: '2024-09-18', author: 'A' };
    for (const url of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', ' javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', '//evil.example/x', 'https://exa mple.org/']) {
      expect(schema.safeParse({ ...base, source: { name: 'Báo', url } }).success, url).toBe(false);
    }
    expect(schema.safeParse({ ...base, source: { name: 'Báo', url: 'https://example.org/a' } }).success).toBe(true);
  });
});

describe('raw HTML and links in the body', () => {
  it('are cleaned, keeping the text, the allowed embed and the photo', () => {
    const doc = page(PAYLOAD_ARTICLE_URL);
    const article = doc.querySelector('article')!;
    expect(text(article)).toContain('Đoạn cuối của bài viết.');
    expect(attributeValues(doc, 'iframe', 'src')).toEqual([EMBED]);
    expect(doc.querySelector('iframe')?.getAttribute('sandbox')).toContain('allow-scripts');
    expect(article.querySelectorAll('script:not([src]), style, form, object, svg, math, meta, base, input')).toHaveLength(0);
    const figure = [...article.querySelectorAll('figure')].find((f) => text(f.querySelector('figcaption')) === P.figcaption);
    expect(figure?.querySelector('img')?.getAttribute('alt')).toBe(P.bodyImageAlt);
    expect(figure?.querySelector('img')?.getAttribute('srcset')).toMatch(/_astro\/.+ 480w/);
    for (const label of ['liên kết', 'liên kết 2', 'liên kết data', 'liên kết markdown', 'liên kết tham chiếu']) {
      const link = [...article.querySelectorAll('a')].find((a) => text(a) === label);
      expect(link, label).toBeDefined();
      expect(link?.hasAttribute('href'), label).toBe(false);
    }
    const external = [...article.querySelectorAll('a')].find((a) => a.getAttribute('href') === 'https://example.org/bao-cao');
    expect(external?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('that `npm run check` refuses stop the build', async () => {
    const root = writeFixture({
      articles: REFUSED_BODY_PAYLOADS.map((payload, index) => ({
        path: `2024/09/bai-${index}.md`,
        frontMatter: `title: Bài ${index}\ncategory: xa-hoi\ndate: 2024-09-18\nauthor: A`,
        body: `Đoạn đầu.\n\n${payload}\n`,
      })),
    });
    const outcome = await buildFixture(root, { NEWSROOM_NOW: NOW }, ['--quiet']);
    expect(outcome.code).not.toBe(0);
    for (let index = 0; index < REFUSED_BODY_PAYLOADS.length; index++) expect(outcome.stdout + outcome.stderr).toContain(`bai-${index}.md`);
  }, BUILD_TIMEOUT);
});

describe('feeds, sitemaps and the search index', () => {
  it('are well-formed XML with the payloads as text, control characters and all', () => {
    const xml = files.filter((file) => file.endsWith('.xml'));
    expect(xml.length).toBeGreaterThan(0);
    for (const file of xml) expect(XMLValidator.validate(read(file)), file).toBe(true);
    if (xml.includes('rss.xml')) {
      const feed = new XMLParser({ processEntities: true, htmlEntities: true }).parse(read('rss.xml'));
      const items = [feed.rss.channel.item].flat() as { title: string }[];
      expect(items.map((item) => String(item.title))).toContain(P.title);
    }
  });

  it('keeps hostile text out of search metadata markup', () => {
    const doc = page(PAYLOAD_ARTICLE_URL);
    for (const element of doc.querySelectorAll('[data-pagefind-meta]')) {
      expect(element.getAttribute('data-pagefind-meta')).not.toMatch(/^[^:]*:.*<script/i);
    }
  });
});

describe('host files', () => {
  it('_headers is the rule set of src/lib/headers.ts', () => {
    expect(read('_headers')).toBe(formatHeadersFile(createHeaderRules({ embedHosts: siteConfig.embedHosts })));
  });

  it('_redirects sends aliases and the history URL to the article, percent-encoded', () => {
    const lines = read('_redirects')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'));
    expect(lines).toEqual(
      [
        `/2019/05/bai-xss.html ${PAYLOAD_ARTICLE_URL} 301`,
        `${new URL(P.alias, 'http://x').pathname} ${PAYLOAD_ARTICLE_URL} 301`,
        `${HISTORY_URL} ${PLAIN_ARTICLE_URL} 301`,
        `/tin-cu/bai-xss/ ${PAYLOAD_ARTICLE_URL} 301`,
      ].sort(),
    );
    for (const line of lines) expect(line.split(' ')).toHaveLength(3);
  });

  it('redirect pages refresh to the article, carry its canonical URL and stay inert', () => {
    for (const [file, target] of [
      ['2019/05/bai-xss.html', PAYLOAD_ARTICLE_URL],
      [`${P.alias.slice(1)}index.html`, PAYLOAD_ARTICLE_URL],
      ['tin-cu/bai-xss/index.html', PAYLOAD_ARTICLE_URL],
      [`${HISTORY_URL.slice(1)}index.html`, PLAIN_ARTICLE_URL],
    ] as const) {
      const doc = parse(read(file));
      expect(doc.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content'), file).toBe(`0; url=${target}`);
      expect(doc.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe(`${siteConfig.url}${target}`);
      expect(doc.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
      expect(doc.querySelector('a')?.getAttribute('href')).toBe(target);
      expect(findActiveContent(doc, { page: true, embedHosts: [] })).toEqual([]);
    }
    expect(text(parse(read('tin-cu/bai-xss/index.html')).querySelector('a'))).toBe(P.title);
  });

  it('redirect pages stay out of the sitemaps', () => {
    const locs = files
      .filter((file) => /sitemap.*\.xml$/.test(file))
      .flatMap((file) => [...read(file).matchAll(/<loc>([^<]*)<\/loc>/g)].map((match) => new URL(match[1]!).pathname));
    expect(locs).toContain(PAYLOAD_ARTICLE_URL);
    for (const old of ['/tin-cu/bai-xss/', '/2019/05/bai-xss.html', HISTORY_URL]) expect(locs).not.toContain(old);
  });

  it('the internal redirect plan is not deployed', () => {
    expect(files.filter((file) => file.startsWith('_newsroom'))).toEqual([]);
  });
});
