/**
 * Old addresses keep working across builds: a fixture is built, then an
 * article's slug changes, another's category changes and a third file is
 * renamed; the second build redirects every old URL (through `_redirects` and
 * redirect pages) and records the new ones in content/url-history.json. The
 * preview server is checked against that output: redirects, headers, 404s.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type PreviewServer } from '../../scripts/preview.ts';
import { siteConfig } from '../../src/config/index.ts';
import { createContentSecurityPolicy, IMMUTABLE_CACHE_CONTROL } from '../../src/lib/headers.ts';
import { parseUrlHistory } from '../../src/lib/redirects.ts';
import { buildFixture, listFiles, writeFixture } from '../helpers/fixture.ts';

const NOW = '2025-01-01T08:00:00+07:00';
/** Builds of one checkout run one at a time (scripts/lib/atomic-output.ts): allow for a queue. */
const BUILD_TIMEOUT = 600_000;
const article = (title: string, category: string, extra = '') =>
  `title: ${title}\ncategory: ${category}\ndate: 2024-09-18 08:00\nauthor: Lê Oanh${extra}`;

let root: string;
let outDir: string;
let firstRedirects: string;
let server: PreviewServer;

beforeAll(async () => {
  root = writeFixture({
    articles: [
      { path: '2024/09/a.md', frontMatter: article('Bài A', 'xa-hoi') },
      { path: '2024/09/b.md', frontMatter: article('Bài B đổi tên tệp', 'xa-hoi') },
      { path: '2024/09/c.md', frontMatter: article('Bài C', 'xa-hoi') },
    ],
  });
  const first = await buildFixture(root, { NEWSROOM_NOW: NOW }, ['--quiet']);
  if (first.code !== 0) throw new Error(`first build failed:\n${first.stdout}\n${first.stderr}`);
  firstRedirects = readFileSync(path.join(first.outDir, '_redirects'), 'utf8');

  const articles = path.join(root, 'content/articles/2024/09');
  writeFileSync(path.join(articles, 'a.md'), `---\n${article('Bài A', 'xa-hoi', '\nslug: a-moi')}\n---\nNội dung.\n`);
  renameSync(path.join(articles, 'b.md'), path.join(articles, 'b-moi.md'));
  writeFileSync(path.join(articles, 'c.md'), `---\n${article('Bài C', 'kinh-te')}\n---\nNội dung.\n`);
  const second = await buildFixture(root, { NEWSROOM_NOW: NOW }, ['--quiet']);
  if (second.code !== 0) throw new Error(`second build failed:\n${second.stdout}\n${second.stderr}`);
  outDir = second.outDir;
  server = await startServer({ root: outDir, port: 0 });
}, BUILD_TIMEOUT);

afterAll(async () => {
  await server?.close();
});

const OLD_TO_NEW = [
  ['/xa-hoi/a/', '/xa-hoi/a-moi/'],
  ['/xa-hoi/b/', '/xa-hoi/b-moi/'],
  ['/xa-hoi/c/', '/kinh-te/c/'],
] as const;

describe('a changed article address', () => {
  it('gives no redirects on the first build', () => {
    expect(firstRedirects.split('\n').filter((line) => line && !line.startsWith('#'))).toEqual([]);
  });

  it('is redirected from every old URL after a slug change, a category change and a file rename', () => {
    const lines = readFileSync(path.join(outDir, '_redirects'), 'utf8')
      .split('\n')
      .filter((line) => line && !line.startsWith('#'));
    expect(lines).toEqual(OLD_TO_NEW.map(([from, to]) => `${from} ${to} 301`));
    for (const [from, to] of OLD_TO_NEW) {
      const html = readFileSync(path.join(outDir, from.slice(1), 'index.html'), 'utf8');
      expect(html).toContain(`<meta http-equiv="refresh" content="0; url=${to}">`);
    }
  });

  it('is recorded in content/url-history.json under the current file names', () => {
    const history = parseUrlHistory(readFileSync(path.join(root, 'content/url-history.json'), 'utf8'));
    expect(history.articles).toMatchObject({
      '2024/09/a.md': { urls: ['/xa-hoi/a/', '/xa-hoi/a-moi/'] },
      '2024/09/b-moi.md': { urls: ['/xa-hoi/b/', '/xa-hoi/b-moi/'] },
      '2024/09/c.md': { urls: ['/xa-hoi/c/', '/kinh-te/c/'] },
    });
    expect(Object.keys(history.articles)).not.toContain('2024/09/b.md');
  });

  it('stops the build when an alias would replace a file the site has', async () => {
    // The content check knows article and listing addresses; a feed is caught when the redirect pages are written.
    const collide = writeFixture({
      articles: [{ path: '2024/09/a.md', frontMatter: article('Bài A', 'xa-hoi', '\naliases: ["/rss.xml"]') }],
    });
    const outcome = await buildFixture(collide, { NEWSROOM_NOW: NOW }, ['--quiet']);
    expect(outcome.code).not.toBe(0);
    expect(outcome.stdout + outcome.stderr).toContain('/rss.xml (alias of 2024/09/a.md) is a file the site already has');
    expect(listFiles(collide).some((file) => file.startsWith('dist/'))).toBe(false);
  }, BUILD_TIMEOUT);
});

describe('the preview server', () => {
  const get = (urlPath: string, init?: RequestInit) => fetch(`${server.url}${urlPath}`, { redirect: 'manual', ...init });

  it('honours _redirects', async () => {
    for (const [from, to] of OLD_TO_NEW) {
      const response = await get(`${from}?utm=x`);
      expect(response.status, from).toBe(301);
      expect(response.headers.get('location')).toBe(`${to}?utm=x`);
    }
  });

  it('sends the _headers of the build with pages and assets', async () => {
    const pageResponse = await get('/xa-hoi/a-moi/');
    expect(pageResponse.status).toBe(200);
    expect(pageResponse.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(pageResponse.headers.get('content-security-policy')).toBe(createContentSecurityPolicy(siteConfig.embedHosts));
    expect(pageResponse.headers.get('x-content-type-options')).toBe('nosniff');
    expect(pageResponse.headers.get('cache-control')).toMatch(/^public, max-age=\d+, stale-while-revalidate=\d+$/);
    const css = listFiles(outDir).find((file) => file.startsWith('_astro/') && file.endsWith('.css'))!;
    const asset = await get(`/${css}`);
    expect(asset.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(asset.headers.get('cache-control')).toBe(IMMUTABLE_CACHE_CONTROL);
  });

  it('answers misses with 404.html, and never serves host files or anything outside dist', async () => {
    for (const urlPath of ['/khong-co/', '/_headers', '/_redirects', '/..%2f..%2fetc/passwd', '/%2e%2e/%2e%2e/etc/passwd']) {
      const response = await get(urlPath);
      expect(response.status, urlPath).toBe(404);
      expect(await response.text()).toContain('<html');
      expect(response.headers.get('content-security-policy')).toBeTruthy();
    }
  });

  it('adds the slash to a folder, answers HEAD, and refuses other methods', async () => {
    const folder = await get('/kinh-te');
    expect(folder.status).toBe(301);
    expect(folder.headers.get('location')).toBe('/kinh-te/');
    const head = await get('/', { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
    expect((await get('/', { method: 'POST' })).status).toBe(405);
  });
});
