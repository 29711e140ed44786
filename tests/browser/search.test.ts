/**
 * Real searches in headless Chromium on the built fixture newsroom
 * (tests/discovery/corpus.ts), served on 127.0.0.1 with the site's own
 * Content-Security-Policy: Vietnamese typed with and without marks, a category
 * filter, a word that occurs nowhere, and a draft's and an embargoed
 * article's marker words, which must find nothing.
 *
 * Needs /usr/bin/chromium (`apt-get install -y chromium`, see
 * tests/helpers/browser.ts); without it the tests fail, they are never skipped.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { siteConfig } from '../../src/config/index.ts';
import { DRAFT_MARKER, EMBARGO_MARKER, NOW, URLS, discoveryCorpus } from '../discovery/corpus.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { buildFixture, writeFixture } from '../helpers/fixture.ts';
import { type PreviewServer, startServer } from '../../scripts/preview.ts';

const SEARCH = `/${siteConfig.paths.search}/`;

let server: PreviewServer;
let shards: string[] = [];
let browser: Browser;
let context: BrowserContext;
const problems: string[] = [];

/** The Content-Security-Policy the build wrote for every page in `_headers`, if it wrote one. */
function contentSecurityPolicy(outDir: string): Record<string, string> {
  const file = path.join(outDir, '_headers');
  if (!existsSync(file)) return {};
  const match = /^\s+Content-Security-Policy:\s*(.+)$/m.exec(readFileSync(file, 'utf8'));
  return match ? { 'Content-Security-Policy': match[1]!.trim() } : {};
}

beforeAll(async () => {
  const root = writeFixture(discoveryCorpus());
  // Indexes of at most 3 articles: every search below runs across several merged indexes.
  const result = await buildFixture(root, { NEWSROOM_NOW: NOW, NEWSROOM_SEARCH_SHARD_SIZE: '3' }, ['--quiet']);
  if (result.code !== 0) throw new Error(`fixture build failed:\n${result.stderr}\n${result.stdout}`);
  shards = JSON.parse(readFileSync(path.join(result.outDir, 'pagefind', 'shards.json'), 'utf8')) as string[];
  server = await startServer({ root: result.outDir, port: 0, rules: [{ path: '/*', headers: contentSecurityPolicy(result.outDir) }] });
  // Throws when /usr/bin/chromium is missing; a fresh temporary profile per launch.
  browser = await launchBrowser();
  context = await browser.newContext();
}, 480_000); // A loaded machine can take minutes for the fixture build.

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

interface Shown {
  status: string;
  /** `marks`: the words highlighted in the title. */
  results: { url: string; title: string; meta: string; excerpt: string; marks: string[] }[];
}

async function openPage(): Promise<Page> {
  const page = await context.newPage();
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  return page;
}

async function shown(page: Page): Promise<Shown> {
  await page.waitForFunction(() => (document.querySelector('[data-search-status]')?.textContent ?? '').trim() !== '', null, { timeout: 15_000 });
  return page.evaluate(() => ({
    status: document.querySelector('[data-search-status]')!.textContent!.replace(/\s+/g, ' ').trim(),
    results: Array.from(document.querySelectorAll('[data-search-results] > li')).map((item) => ({
      url: item.querySelector('a')!.getAttribute('href')!,
      title: item.querySelector('a')!.textContent!,
      meta: item.querySelector('.search-result__meta')?.textContent ?? '',
      excerpt: item.querySelector('.search-result__excerpt')?.textContent ?? '',
      marks: Array.from(item.querySelectorAll('a mark')).map((mark) => mark.textContent!),
    })),
  }));
}

let searchPage: Page | undefined;

/** Runs a search through the search page's own form (one page, loaded once). */
async function search(query: string, category = ''): Promise<Shown> {
  if (!searchPage) {
    searchPage = await openPage();
    await searchPage.goto(`${server.url}${SEARCH}`);
  }
  const page = searchPage;
  await page.evaluate(
    ([q, c]) => {
      document.querySelector('[data-search-results]')!.removeAttribute('aria-busy');
      document.querySelector<HTMLInputElement>('[data-search-input]')!.value = q!;
      document.querySelector<HTMLSelectElement>('[data-search-category]')!.value = c!;
      document.querySelector<HTMLFormElement>('[data-search] form')!.requestSubmit();
    },
    [query, category],
  );
  await page.waitForSelector('[data-search-results][aria-busy="false"]', { state: 'attached', timeout: 15_000 });
  return shown(page);
}

const urls = (result: Shown) => result.results.map((item) => item.url);

describe('search in Chromium', () => {
  it('searches an archive split into several indexes', () => {
    expect(shards.length).toBeGreaterThanOrEqual(2);
    for (const shard of shards) expect(shard).toMatch(/^\/pagefind\/\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\/$/);
  });

  it('"chuyen doi so" finds the "chuyển đổi số" articles first, the decoy after them', async () => {
    const result = await search('chuyen doi so');
    expect(urls(result).slice(0, 2).sort()).toEqual([URLS.business, URLS.transformation].sort());
    expect(urls(result)).toContain(URLS.decoy);
    expect(urls(result).indexOf(URLS.decoy)).toBeGreaterThan(1);
    expect(result.status).toContain(`${result.results.length} ${siteConfig.labels.searchResultCount}`);
  });

  it('"dai hoi dang" finds "Đại hội Đảng" first', async () => {
    const result = await search('dai hoi dang');
    expect(urls(result)[0]).toBe(URLS.congress);
  });

  it('"Hai Phong" finds "Hải Phòng"', async () => {
    const result = await search('Hai Phong');
    expect(urls(result)).toContain(URLS.transformation);
    expect(urls(result).slice(0, 2).sort()).toEqual([URLS.classrooms, URLS.transformation].sort());
  });

  it('a query with marks finds the exact spelling first, and marks the words found', async () => {
    const exact = await search('Hải Phòng');
    expect(urls(exact).slice(0, 2)).toEqual([URLS.transformation, URLS.classrooms]);
    expect(exact.results[0]!.marks).toEqual(['Hải', 'Phòng']);
    const phrase = await search('chuyển đổi số');
    expect(urls(phrase).slice(0, 2).sort()).toEqual([URLS.business, URLS.transformation].sort());
  });

  it('a result shows its title, excerpt, date (dd/mm/yyyy) and category', async () => {
    const result = await search('cải cách hành chính');
    const first = result.results[0]!;
    expect(first.url).toBe(URLS.transformation);
    expect(first.title).toBe('Hải Phòng đẩy mạnh chuyển đổi số trong cải cách hành chính');
    expect(first.meta).toBe('Chính trị · 19/09/2024');
    expect(first.excerpt).toBe('Thành phố Hải Phòng đưa toàn bộ thủ tục hành chính lên môi trường số.');
  });

  it('filters by category, from the URL and from the form', async () => {
    expect(urls(await search('chuyen doi so', 'kinh-te'))).toEqual([URLS.business]);
    const page = await openPage();
    try {
      await page.goto(`${server.url}${SEARCH}?q=chuyen+doi+so&category=xa-hoi`);
      await page.waitForSelector('[data-search-results][aria-busy="false"]', { state: 'attached' });
      expect(urls(await shown(page))).toEqual([URLS.decoy]);
      await page.evaluate(() => document.querySelector('[data-search-results]')!.removeAttribute('aria-busy'));
      await page.selectOption('[data-search-category]', 'chinh-tri');
      await page.waitForURL((url) => url.searchParams.get('category') === 'chinh-tri');
      await page.waitForSelector('[data-search-results][aria-busy="false"]', { state: 'attached' });
      expect(urls(await shown(page))).toEqual([URLS.transformation]);
    } finally {
      await page.close();
    }
  });

  it('says which words found nothing instead of ignoring them', async () => {
    const result = await search('xyzzyq chuyen doi so');
    expect(result.status).toContain(`${siteConfig.labels.searchIgnoredWords} xyzzyq`);
    expect(urls(result).slice(0, 2).sort()).toEqual([URLS.business, URLS.transformation].sort());
  });

  it('a word that one of the merged indexes lacks is not dropped there', async () => {
    // "Đỗ" (the byline) is in the decoy's index only; the other indexes would answer "chuyen" alone.
    expect(urls(await search('chuyen do'))).toEqual([URLS.decoy]);
  });

  it("a draft's and an embargoed article's marker words find nothing", async () => {
    for (const marker of [DRAFT_MARKER, EMBARGO_MARKER]) {
      const result = await search(marker);
      expect(result.results).toEqual([]);
      expect(result.status).toContain(siteConfig.labels.searchNoResults);
      expect(result.status).toContain(marker);
    }
  });

  it('the search box in the header of any page leads to the results', async () => {
    const page = await openPage();
    try {
      await page.goto(`${server.url}/`);
      await page.fill('header input[name="q"]', 'dai hoi dang');
      await page.press('header input[name="q"]', 'Enter');
      await page.waitForURL((url) => url.pathname === SEARCH && url.searchParams.get('q') === 'dai hoi dang');
      expect(urls(await shown(page))[0]).toBe(URLS.congress);
    } finally {
      await page.close();
    }
  });

  it('runs without script errors or policy violations', () => {
    expect(problems).toEqual([]);
  });
});
