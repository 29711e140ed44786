/**
 * `npm run budgets`: checks the built site in `dist/` (or the folder given)
 * against the reader-experience budgets and prints a table:
 *
 * - an article page's HTML under 40 KB, uncompressed;
 * - CSS under 15 KB per page (stylesheets it links plus inline <style>);
 * - JavaScript: only the cookie notice and the share links' copy button on
 *   every page, and the search page's own scripts on the search page; no
 *   inline script anywhere (JSON-LD and other data blocks are not scripts).
 *
 * Exits 1 when a page is over budget. A check on output, not a timed test.
 *
 *   node scripts/budgets.ts [dist]
 */
import { promises as fs, statSync } from 'node:fs';
import path from 'node:path';
import { parseHTML } from 'linkedom';
import { siteConfig } from '../src/config/index.ts';
import { searchPath } from '../src/lib/urls.ts';

export const BUDGETS = {
  articleHtml: 40_000,
  css: 15_000,
  /** Scripts any page may load. */
  scripts: ['/cookie-notice.js', '/share.js'],
} as const;

type Kind = 'article' | 'listing' | 'home' | 'search' | 'other';

export interface PageMeasure {
  /** Path in the site, e.g. "/chinh-tri/bai/". */
  page: string;
  kind: Kind;
  html: number;
  css: number;
  js: number;
  scripts: string[];
}

export interface BudgetReport {
  pages: PageMeasure[];
  failures: string[];
}

async function htmlFiles(dir: string, base = dir): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fs.readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await htmlFiles(full, base)));
    else if (entry.name.endsWith('.html')) out.push(path.relative(base, full));
  }
  return out.sort();
}

function pagePath(file: string): string {
  const url = `/${file.split(path.sep).join('/')}`;
  return url.endsWith('/index.html') ? url.slice(0, -'index.html'.length) : url;
}

const isScriptType = (type: string | null) => !type || /^(module|(text|application)\/(java|ecma)script)$/i.test(type);

/** Measures every HTML page of a built site and lists what is over budget. */
export async function measureBudgets(distDir: string): Promise<BudgetReport> {
  const sizes = new Map<string, number>();
  const sizeOf = (url: string): number => {
    const clean = url.split(/[?#]/)[0] ?? url;
    let size = sizes.get(clean);
    if (size === undefined) {
      try {
        size = statSync(path.join(distDir, clean)).size;
      } catch {
        size = 0;
      }
      sizes.set(clean, size);
    }
    return size;
  };
  const search = searchPath(siteConfig.paths);
  const pages: PageMeasure[] = [];
  const failures: string[] = [];

  for (const file of await htmlFiles(distDir)) {
    const html = await fs.readFile(path.join(distDir, file), 'utf8');
    const { document } = parseHTML(html);
    const page = pagePath(file);
    const kind: Kind = document.querySelector('article[data-pagefind-body]')
      ? 'article'
      : page === '/'
        ? 'home'
        : page === search
          ? 'search'
          : document.querySelector('.listing-header')
            ? 'listing'
            : 'other';

    let css = 0;
    for (const link of document.querySelectorAll('link[rel~="stylesheet"][href]')) css += sizeOf(link.getAttribute('href') ?? '');
    for (const style of document.querySelectorAll('style')) css += Buffer.byteLength(style.textContent ?? '');

    let js = 0;
    const scripts: string[] = [];
    for (const script of document.querySelectorAll('script')) {
      if (!isScriptType(script.getAttribute('type'))) continue;
      const src = script.getAttribute('src');
      if (!src) {
        failures.push(`${page}: inline script (a strict CSP forbids it)`);
        continue;
      }
      scripts.push(src);
      js += sizeOf(src);
      const allowed = (BUDGETS.scripts as readonly string[]).includes(src) || kind === 'search';
      if (!allowed) failures.push(`${page}: script ${src} (only the cookie notice, share and search scripts are allowed)`);
    }

    const bytes = Buffer.byteLength(html);
    if (kind === 'article' && bytes > BUDGETS.articleHtml) failures.push(`${page}: HTML ${kb(bytes)} > ${kb(BUDGETS.articleHtml)}`);
    if (css > BUDGETS.css) failures.push(`${page}: CSS ${kb(css)} > ${kb(BUDGETS.css)}`);
    pages.push({ page, kind, html: bytes, css, js, scripts });
  }
  if (!pages.some((p) => p.kind === 'article')) failures.push('no article page found: is this a built site?');
  return { pages, failures };
}

function kb(bytes: number): string {
  return `${(bytes / 1000).toFixed(1)} KB`;
}

/** One row per kind of page: how many, and the largest of each measure. */
export function formatReport(report: BudgetReport): string {
  const rows = [['page kind', 'pages', 'max HTML', 'max CSS', 'max JS', 'scripts', 'largest page']];
  for (const kind of ['article', 'listing', 'home', 'search', 'other'] as const) {
    const pages = report.pages.filter((p) => p.kind === kind);
    if (pages.length === 0) continue;
    const largest = pages.reduce((a, b) => (b.html > a.html ? b : a));
    const scripts = [...new Set(pages.flatMap((p) => p.scripts))].join(' ') || '-';
    rows.push([
      kind,
      String(pages.length),
      kb(Math.max(...pages.map((p) => p.html))),
      kb(Math.max(...pages.map((p) => p.css))),
      kb(Math.max(...pages.map((p) => p.js))),
      scripts,
      largest.page,
    ]);
  }
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  const line = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  const budgets = `Budgets: article HTML < ${kb(BUDGETS.articleHtml)}, CSS < ${kb(BUDGETS.css)} a page, JS: ${BUDGETS.scripts.join(', ')} and the search page's scripts.`;
  const verdict = report.failures.length === 0 ? 'All pages within budget.' : `Over budget:\n${report.failures.map((f) => `  ${f}`).join('\n')}`;
  return [line(rows[0]!), ...rows.slice(1).map(line), '', budgets, verdict].join('\n');
}

if (import.meta.main) {
  const distDir = path.resolve(process.argv[2] ?? 'dist');
  const report = await measureBudgets(distDir);
  console.log(formatReport(report));
  process.exit(report.failures.length === 0 ? 0 : 1);
}
