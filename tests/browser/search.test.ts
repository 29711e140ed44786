/**
 * Real searches in headless Chromium on the built fixture newsroom
 * (tests/discovery/corpus.ts), served on 127.0.0.1 with the site's own
 * Content-Security-Policy: Vietnamese typed with and without marks, a category
 * filter, a word that occurs nowhere, a half-typed last word, and a draft's
 * and an embargoed article's marker words, which must find nothing.
 *
 * The fixture's indexes are split into index chunks of a few words each, as
 * a large archive's are (Pagefind's PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE), so
 * that the words a prefix begins lie in chunks other than the prefix's own.
 *
 * Needs /usr/bin/chromium (`apt-get install -y chromium`, see
 * tests/helpers/browser.ts); without it the tests fail, they are never skipped.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
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
let chunks = 0;
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
  const env = { NEWSROOM_NOW: NOW, NEWSROOM_SEARCH_SHARD_SIZE: '3', PAGEFIND_UNSTABLE_INDEX_CHUNK_SIZE: '4' };
  const result = await buildFixture(root, env, ['--quiet']);
  if (result.code !== 0) throw new Error(`fixture build failed:\n${result.stderr}\n${result.stdout}`);
  shards = JSON.parse(readFileSync(path.join(result.outDir, 'pagefind', 'shards.json'), 'utf8')) as string[];
  chunks = readdirSync(path.join(result.outDir, 'pagefind', 'index')).length;
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

/**
 * Runs a search in a page of its own, opened at the search URL: a Pagefind
 * that has loaded no index chunk yet, as on a reader's first search.
 */
async function searchAlone(query: string): Promise<Shown> {
  const page = await openPage();
  try {
    await page.goto(`${server.url}${SEARCH}?${new URLSearchParams({ q: query })}`);
    await page.waitForSelector('[data-search-results][aria-busy="false"]', { state: 'attached', timeout: 15_000 });
    return await shown(page);
  } finally {
    await page.close();
  }
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
    expect(urls(await search('chuyen do '))).toEqual([URLS.decoy]);
  });

  describe('a half-typed last word', () => {
    it('is searched in indexes split into many chunks, where Pagefind alone misses words', async () => {
      expect(chunks).toBeGreaterThan(5);
      // Pagefind's own prefix matching ("udo", "us" without the end of a key) finds only the
      // words of the chunks it loads: here not the "chuyển đổi số" article's "udoiþ", "usoþ".
      const page = await openPage();
      try {
        // The search page without a query has not loaded Pagefind: a fresh instance, no chunk loaded yet.
        await page.goto(`${server.url}${SEARCH}`);
        // A string, so that vitest does not rewrite its import().
        const found = (await page.evaluate(`(async () => {
          const pagefind = await import('/pagefind/pagefind.js');
          for (const shard of ${JSON.stringify(shards)}) await pagefind.mergeIndex(shard);
          const urlsOf = async (term) => {
            const answer = await pagefind.search(term);
            return Promise.all(answer.results.map(async (result) => (await result.data()).url));
          };
          return { partial: await urlsOf('uchuyenþ udo'), whole: await urlsOf('uchuyenþ udoiþ') };
        })()`)) as { partial: string[]; whole: string[] };
        expect(found.whole).toContain(URLS.transformation);
        expect(found.partial).not.toContain(URLS.transformation);
      } finally {
        await page.close();
      }
    });

    it('"chuyen do" and "chuyen doi s" find what "chuyen doi so" finds, first', async () => {
      const complete = urls(await search('chuyen doi so')).slice(0, 2).sort();
      expect(complete).toEqual([URLS.business, URLS.transformation].sort());
      for (const query of ['chuyen do', 'chuyen doi s']) {
        const result = await searchAlone(query);
        expect(urls(result).slice(0, 2).sort(), query).toEqual(complete);
        expect(result.status, query).not.toContain(siteConfig.labels.searchIgnoredWords);
      }
      // "chuyến" and the byline's "Đỗ" are scattered in the decoy: whole words, yet after the phrase.
      const partial = urls(await searchAlone('chuyen do'));
      expect(partial.indexOf(URLS.decoy)).toBeGreaterThan(1);
      // Finished with a space, "do" is the whole word only: the phrase "chuyển đổi" is not found.
      expect(urls(await searchAlone('chuyen do '))).toEqual([URLS.decoy]);
    });

    it('"Hai Ph" finds "Hải Phòng"; with marks typed, the exact spelling first', async () => {
      const bare = await searchAlone('Hai Ph');
      expect(urls(bare).slice(0, 2).sort()).toEqual([URLS.classrooms, URLS.transformation].sort());
      const marked = await searchAlone('Hải Ph');
      expect(urls(marked).slice(0, 2)).toEqual([URLS.transformation, URLS.classrooms]);
      expect(marked.results[0]!.marks).toEqual(['Hải', 'Phòng']);
      expect(urls(await searchAlone('Hải Phòn')).slice(0, 2)).toEqual([URLS.transformation, URLS.classrooms]);
    });

    it('a finished word is matched whole, as before', async () => {
      // "phon " is no word: reported, and the search is for "hai" alone.
      const finished = await search('Hai Phon ');
      expect(finished.status).toContain(`${siteConfig.labels.searchIgnoredWords} phon`);
      expect(urls(await search('Hai Phon')).slice(0, 2).sort()).toEqual([URLS.classrooms, URLS.transformation].sort());
      // "chi " is "chi phí" only; half-typed, "chi" also stands for "chính" (after the whole word).
      expect(urls(await search('chi '))).toEqual([URLS.business]);
      const partial = urls(await search('chi'));
      expect(partial[0]).toBe(URLS.business);
      expect(partial).toContain(URLS.congress);
    });

    it('a prefix that begins no word is reported', async () => {
      const result = await search('chuyen doi xq');
      expect(result.status).toContain(`${siteConfig.labels.searchIgnoredWords} xq`);
      expect(urls(result).slice(0, 2).sort()).toEqual([URLS.business, URLS.transformation].sort());
    });

    it('a space typed after the last word is kept in the URL', async () => {
      await search('chuyen do ');
      expect(new URL(searchPage!.url()).searchParams.get('q')).toBe('chuyen do ');
      await searchPage!.reload();
      await searchPage!.waitForSelector('[data-search-results][aria-busy="false"]', { state: 'attached' });
      expect(urls(await shown(searchPage!))).toEqual([URLS.decoy]);
    });
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
