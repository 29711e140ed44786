/**
 * Reader experience in a real browser (Debian's Chromium through
 * playwright-core): one fixture site is built once, served on 127.0.0.1, and
 * every page type is opened at a phone and a desktop viewport: navigation,
 * the cookie notice (shown, dismissed, remembered, no layout shift), photos
 * with their intrinsic size, axe with zero violations, share links and print.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { measureBudgets } from '../../scripts/budgets.ts';
import { buildFixture, SAMPLE_IMAGE, writeFixture, type FixtureArticle } from '../helpers/fixture.ts';
import { launchBrowser, VIEWPORTS } from '../helpers/browser.ts';
import { type PreviewServer, startServer } from '../../scripts/preview.ts';

// axe on a busy two-core machine can take several seconds a page.
vi.setConfig({ testTimeout: 120_000 });

const NOW = '2025-01-01T08:00:00+07:00';
const ARTICLE = '/chinh-tri/dai-hoi-dang-bo-quan/';

/** 23 economy articles (two category pages), a few with photos, and two politics articles with a cover and a body photo. */
function fixtureArticles(): FixtureArticle[] {
  const articles: FixtureArticle[] = [];
  for (let n = 1; n <= 23; n++) {
    const day = String(1 + (n % 28)).padStart(2, '0');
    const cover = n % 4 === 0 ? `\ncover:\n  src: ./images/anh.jpg\n  alt: Tàu cập cảng số ${n}` : '';
    articles.push({
      path: `2024/09/kinh-te-${n}.md`,
      frontMatter: `title: Tin kinh tế số ${n} về cảng biển và xuất khẩu\ncategory: kinh-te\ndate: 2024-09-${day} 0${n % 10}:00\nauthor: Trần Minh Đức\ntags: [cảng biển]\nlead: Bản tin kinh tế số ${n} của thành phố cảng.${cover}`,
      body: 'Kim ngạch xuất khẩu qua cảng tăng đều trong quý.\n\nCác doanh nghiệp logistics mở rộng kho bãi.',
    });
  }
  articles.push({
    path: '2024/10/dai-hoi-dang-bo-quan.md',
    frontMatter: [
      'title: Đại hội Đảng bộ quận Lê Chân lần thứ XXV',
      'category: chinh-tri',
      'date: 2024-10-08 16:00',
      'author: Lê Oanh',
      'photographer: Hoàng Phước',
      'source: Báo Hải Phòng',
      'lead: Đại hội diễn ra trong hai ngày với sự tham dự của 300 đại biểu.',
      'tags: [đại hội Đảng, cảng biển]',
      'cover:',
      '  src: ./images/anh.jpg',
      '  alt: Toàn cảnh phiên khai mạc',
      '  caption: "Toàn cảnh phiên khai mạc. Ảnh: Hoàng Phước"',
    ].join('\n'),
    body: [
      'Sáng 8/10, Đại hội Đảng bộ quận Lê Chân khai mạc tại trung tâm hội nghị thành phố.',
      '',
      '## Nhiệm kỳ mới',
      '',
      'Đại hội thảo luận phương hướng phát triển kinh tế, xã hội trong năm năm tới. '.repeat(8),
      '',
      '![Đại biểu giơ thẻ biểu quyết](./images/anh.jpg "Đại biểu biểu quyết. Ảnh: Hoàng Phước")',
      '',
      'Đại hội bầu ban chấp hành gồm 45 đồng chí. '.repeat(6),
    ].join('\n'),
  });
  articles.push({
    path: '2024/10/hop-bao.md',
    frontMatter: 'title: Họp báo về kinh tế - xã hội quý III\ncategory: chinh-tri\ndate: 2024-10-02 09:00\nauthor: Nguyễn Thu Hà\ntags: [đại hội Đảng]\ncover:\n  src: ./images/anh.jpg\n  alt: Quang cảnh buổi họp báo',
  });
  articles.push({
    path: '2024/10/tinh-nguyen.md',
    frontMatter: 'title: Hơn 1.000 tình nguyện viên làm sạch bãi biển\ncategory: xa-hoi\ndate: 2024-10-05 07:00\nauthor: Vũ Lan Anh',
  });
  return articles;
}

/** Every page type, with the least number of photos it must show. */
const PAGES = [
  { name: 'home', path: '/', status: 200, photos: 3 },
  { name: 'category', path: '/kinh-te/', status: 200, photos: 5 },
  { name: 'category page 2', path: '/kinh-te/2/', status: 200, photos: 0 },
  { name: 'article', path: ARTICLE, status: 200, photos: 3 },
  { name: 'search', path: '/tim-kiem/?q=cảng', status: 200, photos: 0 },
  { name: '404', path: '/khong-co-trang-nay/', status: 404, photos: 0 },
] as const;

let outDir: string;
let server: PreviewServer;
let browser: Browser;

beforeAll(async () => {
  const root = writeFixture({
    articles: fixtureArticles(),
    files: { 'articles/2024/09/images/anh.jpg': SAMPLE_IMAGE, 'articles/2024/10/images/anh.jpg': SAMPLE_IMAGE },
  });
  const result = await buildFixture(root, { NEWSROOM_NOW: NOW }, ['--quiet']);
  if (result.code !== 0) throw new Error(`fixture build failed:\n${result.stdout}\n${result.stderr}`);
  outDir = result.outDir;
  // No header rules: axe is injected as an inline script, which the site's CSP would block.
  [server, browser] = await Promise.all([startServer({ root: outDir, port: 0, rules: [] }), launchBrowser()]);
  // Builds of one checkout take turns (scripts/lib/atomic-output.ts): allow for a wait.
}, 480_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh context: its own localStorage, so the cookie notice shows again. */
async function open(viewport: keyof typeof VIEWPORTS, colorScheme: 'light' | 'dark' = 'light'): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: VIEWPORTS[viewport], colorScheme, reducedMotion: 'reduce' });
  // Sum of layout shifts since the start of the page (the cookie notice must add nothing).
  await context.addInitScript(() => {
    const w = window as unknown as { __cls: number };
    w.__cls = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as unknown as { value: number; hadRecentInput: boolean }[]) {
        if (!entry.hadRecentInput) w.__cls += entry.value;
      }
    }).observe({ type: 'layout-shift', buffered: true });
  });
  return { context, page: await context.newPage() };
}

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Scrolls to the bottom so lazy photos load, then reports any photo not loaded at its intrinsic size. */
async function brokenImages(page: Page): Promise<string[]> {
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += window.innerHeight / 2) {
      window.scrollTo(0, y);
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
  });
  await page.waitForFunction(() => [...document.images].every((img) => img.complete), undefined, { timeout: 10_000 });
  return page.evaluate(() =>
    [...document.images]
      .filter((img) => !(img.naturalWidth > 0 && Number(img.getAttribute('width')) > 0 && Number(img.getAttribute('height')) > 0))
      .map((img) => img.currentSrc || img.src),
  );
}

for (const viewport of ['phone', 'desktop'] as const) {
  describe(`at the ${viewport} viewport`, () => {
    for (const target of PAGES) {
      it(`shows the ${target.name} page with loaded photos and no axe violations`, async () => {
        const { context, page } = await open(viewport);
        try {
          const response = await page.goto(server.url + target.path, { waitUntil: 'networkidle' });
          expect(response?.status()).toBe(target.status);
          await expect.poll(() => page.locator('#cookie-notice').isVisible()).toBe(true);
          expect(await page.locator('h1').count()).toBe(1);
          expect(await page.locator('img').count()).toBeGreaterThanOrEqual(target.photos);
          expect(await brokenImages(page)).toEqual([]);
          // Photos reserve their space: loading them (lazily, while scrolling) moves nothing.
          expect(await page.evaluate(() => (window as unknown as { __cls: number }).__cls)).toBeLessThan(0.01);
          expect(await axeViolations(page)).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }

    it('navigates by category from the header', async () => {
      const { context, page } = await open(viewport);
      try {
        await page.goto(`${server.url}/`);
        const link = page.getByRole('navigation', { name: 'Chuyên mục' }).getByRole('link', { name: 'Kinh tế' });
        const toggle = page.locator('.site-nav__toggle');
        if (viewport === 'phone') {
          expect(await link.isVisible()).toBe(false);
          await toggle.click();
          expect(await page.locator('.site-nav__menu').getAttribute('open')).not.toBeNull();
        } else {
          expect(await toggle.isVisible()).toBe(false);
        }
        expect(await link.isVisible()).toBe(true);
        await link.click();
        await page.waitForURL(`${server.url}/kinh-te/`);
        expect(await page.locator('h1').textContent()).toBe('Kinh tế');
        expect(await page.locator('.site-nav a[aria-current="page"]').textContent()).toBe('Kinh tế');
        await page.locator('nav.pagination a[rel="next"]').click();
        await page.waitForURL(`${server.url}/kinh-te/2/`);
        expect(await page.locator('.article-list__item').count()).toBe(3);
      } finally {
        await context.close();
      }
    });

    it('shows the cookie notice until dismissed, remembers it, and shifts no layout', async () => {
      const { context, page } = await open(viewport);
      try {
        await page.goto(server.url + ARTICLE);
        const notice = page.getByRole('region', { name: 'Thông báo về cookie' });
        await expect.poll(() => notice.isVisible()).toBe(true);
        expect(await notice.getByRole('link', { name: 'Tìm hiểu thêm' }).getAttribute('href')).toBe('/chinh-sach-cookie/');
        // Keyboard: the accept button comes right after the skip link and the policy link.
        const accept = notice.getByRole('button', { name: 'Đồng ý' });
        for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
        expect(await accept.evaluate((button) => button === document.activeElement)).toBe(true);
        await page.waitForTimeout(300);
        const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
        expect(cls).toBeLessThan(0.01);
        await page.keyboard.press('Enter');
        expect(await notice.isVisible()).toBe(false);
        expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
        expect(await page.evaluate(() => window.scrollY)).toBe(0);
        await page.reload();
        await page.waitForLoadState('load');
        await page.waitForTimeout(100);
        expect(await page.locator('#cookie-notice').isVisible()).toBe(false);
        await page.goto(`${server.url}/`);
        expect(await page.locator('#cookie-notice').isVisible()).toBe(false);
      } finally {
        await context.close();
      }
    });
  });
}

describe('article extras', () => {
  it('has no axe violations in the dark scheme either', async () => {
    for (const path of ['/', ARTICLE]) {
      const { context, page } = await open('desktop', 'dark');
      try {
        await page.goto(server.url + path);
        expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
        expect(await axeViolations(page)).toEqual([]);
      } finally {
        await context.close();
      }
    }
  });

  it('loads the cover eagerly with high priority and serves AVIF, WebP and a JPEG fallback', async () => {
    const { context, page } = await open('phone');
    try {
      await page.goto(server.url + ARTICLE);
      const cover = page.locator('.article__cover picture');
      expect(await cover.locator('source').evaluateAll((sources) => sources.map((s) => s.getAttribute('type')))).toEqual(['image/avif', 'image/webp']);
      const img = cover.locator('img');
      expect(await img.getAttribute('loading')).toBe('eager');
      expect(await img.getAttribute('fetchpriority')).toBe('high');
      expect(await img.getAttribute('src')).toMatch(/\.jpg$/);
      expect(await img.evaluate((el: HTMLImageElement) => el.currentSrc)).toMatch(/\.avif$/);
      expect(await page.locator('#tin-lien-quan').locator('xpath=..').locator('img').first().getAttribute('loading')).toBe('lazy');
      expect(await page.locator('.article-figure figcaption').allTextContents()).toEqual([
        'Toàn cảnh phiên khai mạc. Ảnh: Hoàng Phước',
        'Đại biểu biểu quyết. Ảnh: Hoàng Phước',
      ]);
    } finally {
      await context.close();
    }
  });

  it('shares with plain links and copies the address', async () => {
    const { context, page } = await open('desktop');
    try {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
      await page.goto(server.url + ARTICLE);
      const share = page.getByRole('group', { name: 'Chia sẻ:' });
      const hrefs = await share.getByRole('link').evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
      const canonical = 'https://tin.example.org/chinh-tri/dai-hoi-dang-bo-quan/';
      expect(hrefs).toEqual([
        `https://www.facebook.com/sharer/sharer.php?u=${encodeURIComponent(canonical)}`,
        `https://zalo.me/share?url=${encodeURIComponent(canonical)}`,
        expect.stringMatching(/^https:\/\/x\.com\/intent\/post\?url=/),
        expect.stringMatching(/^mailto:\?subject=/),
        canonical,
      ]);
      await share.getByRole('link', { name: 'Sao chép liên kết' }).click();
      await expect.poll(() => page.getByRole('status').textContent()).toBe('Đã sao chép liên kết');
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(canonical);
      expect(page.url()).toBe(server.url + ARTICLE);
    } finally {
      await context.close();
    }
  });

  it('prints the article alone, with its address', async () => {
    const { context, page } = await open('desktop');
    try {
      await page.goto(server.url + ARTICLE);
      await page.emulateMedia({ media: 'print' });
      for (const selector of ['.site-nav', '.site-footer', '.news-list', '.share', '#cookie-notice']) {
        expect(await page.locator(selector).first().isVisible(), selector).toBe(false);
      }
      expect(await page.locator('.article__body').isVisible()).toBe(true);
      const printed = await page.locator('article.article').evaluate((el) => getComputedStyle(el, '::after').content);
      expect(printed).toBe('"https://tin.example.org/chinh-tri/dai-hoi-dang-bo-quan/"');
    } finally {
      await context.close();
    }
  });

  it('keeps the built pages within the budgets', async () => {
    const report = await measureBudgets(outDir);
    expect(report.failures).toEqual([]);
  });
});
