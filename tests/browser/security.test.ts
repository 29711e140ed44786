/**
 * Every page of the XSS catalogue site and of the sample newsroom, opened in
 * Chromium through the preview server, so the browser enforces the real
 * Content-Security-Policy of `_headers`. On each page nothing may run (no
 * dialog, no page error, no event handler or foreign script in the DOM as the
 * browser parsed it), nothing may break the CSP (violations are collected by
 * an init script, which runs whatever the CSP says), the console stays free of
 * errors, and no request leaves the site except to the embed hosts.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/lib/paths.ts';
import { type PreviewServer, startServer } from '../../scripts/preview.ts';
import { siteConfig } from '../../src/config/index.ts';
import { createContentSecurityPolicy, createHeaderRules, formatHeadersFile } from '../../src/lib/headers.ts';
import { launchBrowser } from '../helpers/browser.ts';
import { listFiles } from '../helpers/fixture.ts';
import { findActiveContent } from '../security/inert.ts';
import { sharedBuild } from '../security/shared-build.ts';
import { NOW, P, PAYLOAD_ARTICLE_URL, XSS_FIXTURE } from '../security/xss-site.ts';

interface Site {
  outDir: string;
  server: PreviewServer;
}

let browser: Browser;
const sites: Record<'xss' | 'sample', Site> = {} as never;

beforeAll(async () => {
  const [xss, sample, launched] = await Promise.all([
    sharedBuild('xss', XSS_FIXTURE, { NEWSROOM_NOW: NOW }),
    sharedBuild('sample', { copyOf: path.join(projectRoot, 'content') }, { NEWSROOM_NOW: '2025-06-01T08:00:00+07:00' }),
    launchBrowser(),
  ]);
  browser = launched;
  for (const [name, outcome] of [['xss', xss], ['sample', sample]] as const) {
    if (outcome.code !== 0) throw new Error(`${name} build failed:\n${outcome.stdout}\n${outcome.stderr}`);
    sites[name] = { outDir: outcome.outDir, server: await startServer({ root: outcome.outDir, port: 0 }) };
  }
  // Builds of one checkout run one at a time (scripts/lib/atomic-output.ts): allow for a queue.
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await Promise.all(Object.values(sites).map((site) => site.server.close()));
});

/** The path of every HTML file, a missing page (404.html) and a search query. */
function pagesOf(outDir: string): string[] {
  const files = listFiles(outDir).filter((file) => file.endsWith('.html') && file !== '404.html');
  const paths = files.map((file) => `/${file.endsWith('index.html') ? file.slice(0, -'index.html'.length) : file}`);
  const search = paths.find((url) => url === `/${siteConfig.paths.search}/`);
  if (search) paths.push(`${search}?q=${encodeURIComponent('<script>alert(1)</script> alert cảng')}`);
  paths.push('/khong-co-trang-nay/');
  return paths;
}

/**
 * One page of each kind (home, category, its page 2, tag, author, search,
 * 404, cookie policy...), and every article: articles differ most (cover,
 * photos in the body, MDX).
 */
function onePerKind(paths: string[], articlePaths: Set<string>): string[] {
  const seen = new Set<string>();
  return paths.filter((url) => {
    if (articlePaths.has(url)) return true;
    const segments = url.split('?')[0]!.split('/').filter(Boolean);
    const kind = segments.map((segment, index) => (/^\d+$/.test(segment) ? 'n' : index === 0 && !Object.values(siteConfig.paths).includes(segment) ? 'c' : index === 0 ? segment : 'x')).join('/');
    const key = `${kind}${url.includes('?') ? '?' : ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

interface PageReport {
  problems: string[];
}

async function openContext(site: Site, reports: Map<string, PageReport>, current: { url: string }): Promise<BrowserContext> {
  const context = await browser.newContext();
  const origin = new URL(site.server.url).origin;
  const report = (problem: string) => {
    const entry = reports.get(current.url) ?? { problems: [] };
    entry.problems.push(problem);
    reports.set(current.url, entry);
  };
  await context.exposeBinding('__reportViolation', (_source, violation: string) => report(`CSP violation: ${violation}`));
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      const report = (window as unknown as { __reportViolation: (value: string) => void }).__reportViolation;
      report(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sample})`);
    });
  });
  // Nothing may be fetched from elsewhere; embeds from the allowed hosts get an empty page (no network in CI).
  await context.route('**/*', async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (url.origin === origin) return route.continue();
    const embed = request.resourceType() === 'document' && siteConfig.embedHosts.includes(url.hostname) && url.protocol === 'https:';
    if (!embed) report(`request to another site: ${request.resourceType()} ${url.href}`);
    return route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>embed</title>' });
  });
  return context;
}

async function visitAll(site: Site, urls: string[]): Promise<Record<string, string[]>> {
  const reports = new Map<string, PageReport>();
  const current = { url: '' };
  const context = await openContext(site, reports, current);
  const expectedCsp = createContentSecurityPolicy(siteConfig.embedHosts);
  const report = (problem: string) => {
    const entry = reports.get(current.url) ?? { problems: [] };
    entry.problems.push(problem);
    reports.set(current.url, entry);
  };
  try {
    const page = await context.newPage();
    page.on('dialog', (dialog) => {
      report(`dialog ${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    page.on('pageerror', (error) => report(`page error: ${error.message}`));
    page.on('console', (message) => {
      const missing = current.url.startsWith('/khong-co') && message.text().includes('404');
      if (message.type() === 'error' && !missing) report(`console error: ${message.text()}`);
    });
    for (const url of urls) {
      // A blank page between checks: a pending navigation (a meta refresh) cannot leak into the next one.
      current.url = '';
      await page.goto('about:blank');
      current.url = url;
      try {
        // The browser percent-encodes the path itself (an alias may hold quotes and angle brackets).
        const response = await page.goto(new URL(url, site.server.url).href, { waitUntil: 'load' });
        const status = response?.status();
        if (status !== (url.startsWith('/khong-co') ? 404 : 200)) report(`status ${status}`);
        const csp = response?.headers()['content-security-policy'];
        if (csp !== expectedCsp) report(`CSP header ${csp}`);
        // Deferred scripts have run at "load"; a search renders its results after fetching the index.
        if (url.includes('?')) await page.waitForLoadState('networkidle');
        await page.waitForTimeout(50);
        // The DOM as the browser built it (mutation XSS shows here, not in the file).
        const html = await page.evaluate(() => document.documentElement.outerHTML);
        const dom = parseHTML(`<!doctype html>${html}`).document as unknown as Document;
        for (const problem of findActiveContent(dom, { page: true, embedHosts: siteConfig.embedHosts })) report(problem);
      } catch (error) {
        report(`the page could not be checked (did it navigate away, to ${page.url()}?): ${(error as Error).message.split('\n')[0]}`);
      }
    }
    await page.close();
  } finally {
    await context.close();
  }
  return Object.fromEntries([...reports].map(([url, entry]) => [url, entry.problems]));
}

describe('in Chromium under the generated CSP', () => {
  it('the harness notices inline code, foreign requests, handlers and dialogs', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'newsroom-canary-'));
    writeFileSync(path.join(root, '_headers'), formatHeadersFile(createHeaderRules({ embedHosts: siteConfig.embedHosts })));
    writeFileSync(
      path.join(root, 'index.html'),
      `<!doctype html><html><head><title>canary</title></head><body>
      <script>alert('inline')</script><p style="color:red">x</p>
      <img src="https://tracker.example/p.gif" alt=""><img src="/missing.png" alt="" onerror="alert('handler')">
      </body></html>`,
    );
    const servers = [await startServer({ root, port: 0 }), await startServer({ root, port: 0, rules: [] })];
    try {
      const strict = (await visitAll({ outDir: root, server: servers[0]! }, ['/']))['/'] ?? [];
      for (const pattern of [/^CSP violation: script-src/, /^CSP violation: style-src/, /^CSP violation: img-src/, /^event handler onerror/, /^inline or foreign script/]) {
        expect(strict.some((problem) => pattern.test(problem)), `${pattern} in ${strict.join('\n')}`).toBe(true);
      }
      expect(strict.some((problem) => problem.startsWith('dialog'))).toBe(false);
      const open = (await visitAll({ outDir: root, server: servers[1]! }, ['/']))['/'] ?? [];
      expect(open).toContain('dialog alert: inline');
      expect(open).toContain('dialog alert: handler');
      expect(open).toContain('CSP header undefined');
      expect(open).toContain('request to another site: image https://tracker.example/p.gif');
    } finally {
      await Promise.all(servers.map((server) => server.close()));
    }
  });

  it('no payload of the XSS catalogue runs, on any page', async () => {
    const urls = pagesOf(sites.xss.outDir);
    expect(urls.length).toBeGreaterThan(15);
    expect(await visitAll(sites.xss, urls)).toEqual({});
  }, 180_000);

  it('every kind of page of the sample newsroom runs without a CSP violation or console error', async () => {
    const articles = new Set(
      listFiles(sites.sample.outDir)
        .filter((file) => file.endsWith('index.html') && file.split('/').length === 3 && !/\/\d+\//.test(file))
        .map((file) => `/${file.slice(0, -'index.html'.length)}`),
    );
    const urls = onePerKind(pagesOf(sites.sample.outDir), articles);
    expect(urls.length).toBeGreaterThan(20);
    expect(await visitAll(sites.sample, urls)).toEqual({});
  }, 180_000);

  it('search results show hostile titles as text', async () => {
    const site = sites.xss;
    const reports = new Map<string, PageReport>();
    const searchPath = `/${siteConfig.paths.search}/`;
    const context = await openContext(site, reports, { url: searchPath });
    try {
      const page = await context.newPage();
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.goto(`${site.server.url}${searchPath}?q=${encodeURIComponent('tiêu đề đậm')}`, { waitUntil: 'networkidle' });
      const link = page.locator(`main a[href="${PAYLOAD_ARTICLE_URL}"]`).first();
      await expect.poll(() => link.count(), { timeout: 15_000 }).toBeGreaterThan(0);
      expect((await link.textContent())?.replace(/\s+/g, ' ').trim()).toBe(P.title);
      expect(dialogs).toEqual([]);
      expect(Object.fromEntries([...reports].map(([url, entry]) => [url, entry.problems]))).toEqual({});
    } finally {
      await context.close();
    }
  }, 60_000);

  it('the search page finds articles with Pagefind under the CSP', async () => {
    const searchPath = `/${siteConfig.paths.search}/`;
    const site = sites.sample;
    expect(listFiles(site.outDir)).toContain(`${siteConfig.paths.search}/index.html`);
    const reports = new Map<string, PageReport>();
    const current = { url: searchPath };
    const context = await openContext(site, reports, current);
    try {
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.message));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      await page.goto(`${site.server.url}${searchPath}?q=${encodeURIComponent('cảng')}`, { waitUntil: 'networkidle' });
      await expect
        .poll(() => page.evaluate(() => [...document.querySelectorAll('main a[href]')].filter((a) => /^\/[a-z0-9-]+\/[a-z0-9-]+\/$/.test(a.getAttribute('href') ?? '')).length), { timeout: 15_000 })
        .toBeGreaterThan(0);
      expect(errors).toEqual([]);
      expect(Object.fromEntries([...reports].map(([url, entry]) => [url, entry.problems]))).toEqual({});
    } finally {
      await context.close();
    }
  }, 60_000);
});
