import { describe, expect, it } from 'vitest';
import {
  createContentSecurityPolicy,
  createHeaderRules,
  formatHeadersFile,
  headersForPath,
  IMMUTABLE_CACHE_CONTROL,
  parseHeadersFile,
} from '../../src/lib/headers.ts';

const EMBED_HOSTS = ['www.youtube-nocookie.com', 'player.vimeo.com'];
const rules = createHeaderRules({ embedHosts: EMBED_HOSTS });

function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp.split(';').map((part) => {
      const [name, ...values] = part.trim().split(/\s+/);
      return [name!, values];
    }),
  );
}

describe('Content-Security-Policy', () => {
  const csp = directives(createContentSecurityPolicy(EMBED_HOSTS));

  it('allows only the site itself for scripts, styles, images, fonts and requests', () => {
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('img-src')).toEqual(["'self'", 'data:']);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'self'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  });

  it('never allows inline code or eval', () => {
    const text = createContentSecurityPolicy(EMBED_HOSTS);
    expect(text).not.toContain("'unsafe-inline'");
    expect(text).not.toContain("'unsafe-eval'");
    expect(text).not.toContain('*');
  });

  it('frames only the embed hosts, over https', () => {
    expect(csp.get('frame-src')).toEqual(['https://www.youtube-nocookie.com', 'https://player.vimeo.com']);
    expect(directives(createContentSecurityPolicy([])).get('frame-src')).toEqual(["'none'"]);
  });
});

describe('header rules', () => {
  it('send the security headers with every response', () => {
    for (const path of ['/', '/kinh-te/', '/_astro/site.abc123.css', '/rss.xml', '/pagefind/pagefind.js']) {
      const headers = headersForPath(rules, path);
      expect(headers['Content-Security-Policy'], path).toBe(createContentSecurityPolicy(EMBED_HOSTS));
      expect(headers['X-Content-Type-Options']).toBe('nosniff');
      expect(headers['Referrer-Policy']).toBe('strict-origin-when-cross-origin');
      expect(headers['Permissions-Policy']).toContain('camera=()');
      expect(headers['Strict-Transport-Security']).toBe('max-age=31536000; includeSubDomains');
      expect(headers['X-Frame-Options']).toBe('DENY');
    }
  });

  it('cache hashed assets for a year and documents briefly, with one Cache-Control value each', () => {
    const cache = (path: string) => headersForPath(rules, path)['Cache-Control'];
    for (const path of ['/_astro/site.abc123.css', '/_astro/photo.B69pqEqC_2cETVG.webp', '/pagefind/fragment/vi_ec6d1e5.pf_fragment', '/pagefind/index/vi_29a4c29.pf_index', '/pagefind/filter/vi_819542e.pf_filter']) {
      expect(cache(path), path).toBe(IMMUTABLE_CACHE_CONTROL);
    }
    for (const path of ['/', '/kinh-te/', '/kinh-te/bai-viet/', '/rss.xml', '/sitemap-index.xml', '/pagefind/pagefind.js', '/pagefind/pagefind-entry.json', '/cookie-notice.js', '/404.html']) {
      expect(cache(path), path).toBe('public, max-age=120, stale-while-revalidate=600');
    }
  });

  it('give the same result where the later rule wins (Netlify)', () => {
    const netlify = (path: string) =>
      Object.assign({}, ...rules.filter((rule) => new RegExp(`^${rule.path.replace('*', '.*')}$`).test(path)).map((rule) => rule.headers));
    expect(netlify('/_astro/a.css')['Cache-Control']).toBe(IMMUTABLE_CACHE_CONTROL);
    expect(netlify('/kinh-te/')['Cache-Control']).toBe(headersForPath(rules, '/kinh-te/')['Cache-Control']);
  });

  it('take their durations from the options', () => {
    const custom = createHeaderRules({ embedHosts: [], documentMaxAge: 30, staleWhileRevalidate: 60, hstsMaxAge: 0 });
    expect(headersForPath(custom, '/')['Cache-Control']).toBe('public, max-age=30, stale-while-revalidate=60');
    expect(headersForPath(custom, '/')['Strict-Transport-Security']).toBeUndefined();
  });
});

describe('the _headers file', () => {
  const text = formatHeadersFile(rules);

  it('is read back into the same rules', () => {
    expect(parseHeadersFile(text)).toEqual(rules);
  });

  it('has the Netlify / Cloudflare layout and stays within their line limit', () => {
    const lines = text.split('\n');
    expect(lines).toContain('/*');
    expect(lines).toContain('/_astro/*');
    expect(lines).toContain('  ! Cache-Control');
    expect(lines).toContain(`  Cache-Control: ${IMMUTABLE_CACHE_CONTROL}`);
    for (const line of lines) {
      expect(line.length).toBeLessThan(2000);
      if (line && !line.startsWith('#') && !line.startsWith('/')) expect(line).toMatch(/^ {2}(! [\w-]+|[\w-]+: \S.*)$/);
    }
  });

  it('joins a header repeated in one rule, as the hosts do', () => {
    const parsed = parseHeadersFile('/*\n  Link: </a.css>; rel=preload\n  Link: </b.css>; rel=preload\n');
    expect(parsed[0]?.headers.Link).toBe('</a.css>; rel=preload, </b.css>; rel=preload');
  });
});
