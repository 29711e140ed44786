import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import {
  emptyUrlHistory,
  encodeRedirectPath,
  formatRedirectsFile,
  formatUrlHistory,
  isSafeSitePath,
  parseUrlHistory,
  planRedirects,
  type PublishedArticle,
  redirectPageFile,
  renderRedirectPage,
  type UrlHistory,
  updateUrlHistory,
} from '../../src/lib/redirects.ts';

const article = (file: string, url: string, extra: Partial<PublishedArticle> = {}): PublishedArticle => ({
  file,
  url,
  title: `Tiêu đề ${file}`,
  date: '2024-09-18T08:00:00.000Z',
  aliases: [],
  ...extra,
});

const history = (entries: Record<string, string[]>, titles: Record<string, string> = {}): UrlHistory => ({
  articles: Object.fromEntries(
    Object.entries(entries).map(([file, urls]) => [file, { title: titles[file] ?? `Tiêu đề ${file}`, date: '2024-09-18T08:00:00.000Z', urls }]),
  ),
});

const none = () => false;

describe('updateUrlHistory', () => {
  it('records a new article and reports the change', () => {
    const result = updateUrlHistory(emptyUrlHistory(), [article('2024/09/a.md', '/xa-hoi/a/')], none);
    expect(result.changed).toBe(true);
    expect(result.history.articles['2024/09/a.md']?.urls).toEqual(['/xa-hoi/a/']);
  });

  it('changes nothing when every URL is known', () => {
    const previous = history({ '2024/09/a.md': ['/xa-hoi/a/'] });
    const result = updateUrlHistory(previous, [article('2024/09/a.md', '/xa-hoi/a/', { title: 'Tiêu đề mới' })], none);
    expect(result.changed).toBe(false);
    expect(result.history).toEqual(previous);
  });

  it('adds the new URL after a slug or category change, keeping the old ones', () => {
    const previous = history({ '2024/09/a.md': ['/xa-hoi/a/', '/xa-hoi/a-2/'] });
    const result = updateUrlHistory(previous, [article('2024/09/a.md', '/do-thi/a-2/')], none);
    expect(result.changed).toBe(true);
    expect(result.history.articles['2024/09/a.md']?.urls).toEqual(['/xa-hoi/a/', '/xa-hoi/a-2/', '/do-thi/a-2/']);
  });

  it('follows a renamed file by its title', () => {
    const previous = history({ '2024/09/cu.md': ['/xa-hoi/cu/'] }, { '2024/09/cu.md': 'Khai trương cầu mới' });
    const result = updateUrlHistory(previous, [article('2024/09/moi.md', '/xa-hoi/moi/', { title: 'Khai trương cầu mới' })], none);
    expect(result.renamed).toEqual([['2024/09/cu.md', '2024/09/moi.md']]);
    expect(result.history.articles['2024/09/cu.md']).toBeUndefined();
    expect(result.history.articles['2024/09/moi.md']?.urls).toEqual(['/xa-hoi/cu/', '/xa-hoi/moi/']);
  });

  it('follows a renamed and retitled file by its publication time', () => {
    const previous: UrlHistory = { articles: { 'cu.md': { title: 'Cũ', date: '2024-09-18T01:23:00.000Z', urls: ['/a/cu/'] } } };
    const result = updateUrlHistory(
      previous,
      [article('moi.md', '/a/moi/', { title: 'Mới', date: '2024-09-18T01:23:00.000Z' }), article('khac.md', '/a/khac/', { date: '2024-09-19T00:00:00.000Z' })],
      none,
    );
    expect(result.history.articles['moi.md']?.urls).toEqual(['/a/cu/', '/a/moi/']);
    expect(result.vanished).toEqual([]);
  });

  it('does not guess when two new files could be the renamed one', () => {
    const previous = history({ 'cu.md': ['/a/cu/'] }, { 'cu.md': 'Trùng tên' });
    const result = updateUrlHistory(
      previous,
      [article('x.md', '/a/x/', { title: 'Trùng tên' }), article('y.md', '/a/y/', { title: 'Trùng tên' })],
      none,
    );
    expect(result.renamed).toEqual([]);
    expect(result.vanished).toEqual(['cu.md']);
    expect(result.history.articles['cu.md']?.urls).toEqual(['/a/cu/']);
  });

  it('keeps the entry of an unpublished file that still exists (a draft again)', () => {
    const previous = history({ 'nhap.md': ['/a/nhap/'] }, { 'nhap.md': 'Bài' });
    const result = updateUrlHistory(previous, [article('moi.md', '/a/moi/', { title: 'Bài' })], (file) => file === 'nhap.md');
    expect(result.renamed).toEqual([]);
    expect(result.history.articles['nhap.md']?.urls).toEqual(['/a/nhap/']);
  });

  it('keys files by their NFC name, so a macOS checkout matches a Linux one', () => {
    const previous = history({ 'Đại-hội.md': ['/chinh-tri/dai-hoi/'] });
    const result = updateUrlHistory(previous, [article('Đại-hội.md'.normalize('NFD'), '/chinh-tri/dai-hoi/')], none);
    expect(result.changed).toBe(false);
  });
});

describe('the URL history file', () => {
  it('round-trips with sorted keys', () => {
    const value = history({ 'b.md': ['/a/b/'], 'a.md': ['/a/a/'] });
    const text = formatUrlHistory(value);
    expect(text.indexOf('"a.md"')).toBeLessThan(text.indexOf('"b.md"'));
    expect(parseUrlHistory(text)).toEqual(value);
    expect(parseUrlHistory(null)).toEqual(emptyUrlHistory());
  });

  it('refuses broken JSON and paths that leave the site', () => {
    expect(() => parseUrlHistory('{', 'content/url-history.json')).toThrow(/content\/url-history.json is not valid JSON/);
    expect(() => parseUrlHistory(JSON.stringify(history({ 'a.md': ['/../../etc/'] })))).toThrow(/articles\.a\.md\.urls\.0/);
    expect(() => parseUrlHistory(JSON.stringify(history({ 'a.md': ['/%2e%2e/x/'] })))).toThrow();
    expect(() => parseUrlHistory(JSON.stringify(history({ 'a.md': ['relative/'] })))).toThrow();
  });
});

describe('planRedirects', () => {
  it('redirects aliases and every earlier URL straight to the current one', () => {
    const plan = planRedirects(
      [article('a.md', '/do-thi/c/', { aliases: ['/2019/05/bai-cu.html', '/tin-cu/a/'] })],
      history({ 'a.md': ['/xa-hoi/a/', '/xa-hoi/b/', '/do-thi/c/'] }),
      ['/', '/do-thi/'],
    );
    expect(plan.errors).toEqual([]);
    expect(plan.redirects.map((r) => [r.from, r.to, r.source])).toEqual([
      ['/2019/05/bai-cu.html', '/do-thi/c/', 'alias'],
      ['/tin-cu/a/', '/do-thi/c/', 'alias'],
      ['/xa-hoi/a/', '/do-thi/c/', 'history'],
      ['/xa-hoi/b/', '/do-thi/c/', 'history'],
    ]);
  });

  it('refuses an alias on a live page, on the article itself, or claimed twice', () => {
    const plan = planRedirects(
      [
        article('a.md', '/xa-hoi/a/', { aliases: ['/kinh-te/', '/xa-hoi/a/', '/cu/'] }),
        article('b.md', '/xa-hoi/b/', { aliases: ['/xa-hoi/a/index.html', '/cu/'] }),
      ],
      emptyUrlHistory(),
      ['/', '/kinh-te/'],
    );
    expect(plan.errors).toEqual([
      'a.md: alias /kinh-te/ is the address of a live page (remove the alias or choose another path)',
      "a.md: alias /xa-hoi/a/ is the article's own address (remove the alias)",
      'b.md: alias /xa-hoi/a/index.html is the address of a live page (remove the alias or choose another path)',
      'b.md: alias /cu/ is also an alias of a.md (an old address can lead to only one article)',
    ]);
  });

  it('refuses aliases on the paths the build owns', () => {
    for (const alias of ['/_astro/x.js', '/_redirects', '/pagefind/pagefind.js', '/.well-known/x', '/%2e%2e/x/']) {
      const plan = planRedirects([article('a.md', '/a/a/', { aliases: [alias] })], emptyUrlHistory(), []);
      expect(plan.errors, alias).toHaveLength(1);
    }
  });

  it('leaves out an old URL that a live page or an alias now uses', () => {
    const plan = planRedirects(
      [article('a.md', '/xa-hoi/a-moi/'), article('b.md', '/xa-hoi/a/'), article('c.md', '/c/c/', { aliases: ['/xa-hoi/x/'] })],
      history({ 'a.md': ['/xa-hoi/a/', '/xa-hoi/x/', '/xa-hoi/a-moi/'], 'b.md': ['/xa-hoi/a/'] }),
      [],
    );
    expect(plan.redirects.map((r) => r.from)).toEqual(['/xa-hoi/x/']);
    expect(plan.redirects[0]?.to).toBe('/c/c/');
    expect(plan.warnings).toEqual([
      '/xa-hoi/a/, once the address of a.md, is now a live page: no redirect',
      '/xa-hoi/x/, once the address of a.md, is an alias of c.md: it leads to /c/c/',
    ]);
  });

  it('ignores the history of articles that are not published', () => {
    const plan = planRedirects([], history({ 'nhap.md': ['/a/cu/', '/a/moi/'] }), []);
    expect(plan.redirects).toEqual([]);
  });
});

describe('the _redirects file', () => {
  it('has one permanent redirect per line, percent-encoded, never a pattern', () => {
    const text = formatRedirectsFile([
      { from: '/tin-cu/a/', to: '/xa-hoi/a/' },
      { from: '/tin-tức/bão/', to: '/xa-hoi/b/' },
      { from: '/x*/:id/', to: '/xa-hoi/c/' },
    ]);
    const lines = text.trim().split('\n').slice(1);
    expect(lines).toEqual([
      '/tin-cu/a/ /xa-hoi/a/ 301',
      '/tin-t%E1%BB%A9c/b%C3%A3o/ /xa-hoi/b/ 301',
      '/x%2A/%3Aid/ /xa-hoi/c/ 301',
    ]);
    expect(encodeRedirectPath('/tin-t%E1%BB%A9c/')).toBe('/tin-t%E1%BB%A9c/');
  });
});

describe('redirect pages', () => {
  const options = { siteUrl: 'https://tin.example.org', siteName: 'Tin Cảng Thành', language: 'vi', text: 'Bài viết đã được chuyển sang địa chỉ mới:' };

  it('are written where a host looks for the old path', () => {
    expect(redirectPageFile('/tin-cu/a/')).toBe('tin-cu/a/index.html');
    expect(redirectPageFile('/2019/05/bai.html')).toBe('2019/05/bai.html');
    expect(redirectPageFile('/tin-t%E1%BB%A9c/')).toBe('tin-tức/index.html');
  });

  it('refresh at once, name the canonical address, stay out of search and show a link', () => {
    const html = renderRedirectPage({ to: '/xa-hoi/a/', title: 'Cầu mới' }, options);
    const { document } = parseHTML(html);
    expect(document.querySelector('meta[http-equiv="refresh"]')?.getAttribute('content')).toBe('0; url=/xa-hoi/a/');
    expect(document.querySelector('link[rel="canonical"]')?.getAttribute('href')).toBe('https://tin.example.org/xa-hoi/a/');
    expect(document.querySelector('meta[name="robots"]')?.getAttribute('content')).toBe('noindex');
    expect(document.querySelector('a')?.getAttribute('href')).toBe('/xa-hoi/a/');
    expect(document.querySelector('a')?.textContent).toBe('Cầu mới');
    expect(document.documentElement.getAttribute('lang')).toBe('vi');
    expect(document.querySelectorAll('script, style, [style]')).toHaveLength(0);
  });

  it('escape the title', () => {
    const html = renderRedirectPage({ to: '/a/b/', title: '</title><script>alert(1)</script> "x" \'y\' & z' }, options);
    const { document } = parseHTML(html);
    expect(document.querySelector('script')).toBeNull();
    expect(document.querySelector('a')?.textContent).toBe('</title><script>alert(1)</script> "x" \'y\' & z');
    expect(document.querySelector('title')?.textContent).toContain('</title><script>');
  });
});

describe('isSafeSitePath', () => {
  it('accepts site paths and refuses traversal, whitespace and relative paths', () => {
    expect(isSafeSitePath('/tin-cu/bai/')).toBe(true);
    expect(isSafeSitePath('/2019/05/bai.html')).toBe(true);
    expect(isSafeSitePath('/tin-tức/')).toBe(true);
    for (const bad of ['tin/', '/a/../b/', '/a/./b/', '/%2E%2E/', '/a b/', '/a\\b/', '/a?x=1', '/%zz/']) expect(isSafeSitePath(bad), bad).toBe(false);
  });
});
