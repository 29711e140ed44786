/**
 * `npm run lighthouse`: audits the built site with Lighthouse (mobile preset:
 * emulated phone, simulated slow 4G and CPU) in the system Chromium, and
 * prints the four category scores for the home page, a category page and an
 * article. Targets: 100 for accessibility, best practices and SEO, >= 95 for
 * performance. Not part of `npm test`: scores depend on the machine's load.
 * Each page is audited `--runs` times (default 3) and the run with the median
 * performance score is reported, as Lighthouse's own docs advise.
 *
 *   npm run build && npm run lighthouse [-- dist] [--runs 3] [--strict]
 *
 * `--strict` exits 1 when a score is below its target.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import lighthouse, { type RunnerResult } from 'lighthouse';
import { parseHTML } from 'linkedom';
import { startServer } from './preview.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const TARGETS: Record<(typeof CATEGORIES)[number], number> = { performance: 95, accessibility: 100, 'best-practices': 100, seo: 100 };

/** Home, the first category of the navigation and the newest article, read from the built home page. */
function pagesToAudit(distDir: string): { name: string; path: string }[] {
  const { document } = parseHTML(readFileSync(path.join(distDir, 'index.html'), 'utf8'));
  const category = [...document.querySelectorAll('.site-nav__list a')].map((a) => a.getAttribute('href')).find((href) => href && href !== '/');
  const article = document.querySelector('.home-latest .article-list__title a')?.getAttribute('href');
  if (!category || !article) throw new Error('the home page lists no category or article: is this a built site?');
  return [
    { name: 'home', path: '/' },
    { name: 'category', path: category },
    { name: 'article', path: article },
  ];
}

/** Starts headless Chromium with a fresh profile and returns its DevTools port. */
async function startChromium(): Promise<{ port: number; stop: () => void }> {
  if (!existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}: apt-get install -y chromium`);
  const profile = mkdtempSync(path.join(os.tmpdir(), 'lighthouse-chromium-'));
  const child = spawn(CHROMIUM, ['--headless', '--remote-debugging-port=0', `--user-data-dir=${profile}`, ...FLAGS, 'about:blank'], { stdio: 'ignore' });
  const stop = () => {
    child.kill();
    rmSync(profile, { recursive: true, force: true });
  };
  const portFile = path.join(profile, 'DevToolsActivePort');
  for (let i = 0; i < 100; i++) {
    if (existsSync(portFile)) {
      const port = Number(readFileSync(portFile, 'utf8').split('\n')[0]);
      if (port > 0) return { port, stop };
    }
    await sleep(100);
  }
  stop();
  throw new Error('Chromium did not open its DevTools port within 10 s');
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { strict: { type: 'boolean', default: false }, runs: { type: 'string', default: '3' } },
});
const runs = Math.max(1, Number(values.runs) || 1);
const distDir = path.resolve(positionals[0] ?? 'dist');
if (!existsSync(path.join(distDir, 'index.html'))) {
  console.error(`${distDir} holds no built site: run npm run build first`);
  process.exit(1);
}

const server = await startServer({ root: distDir, port: 0, rules: [] });
const chromium = await startChromium();
const rows: string[][] = [];
let belowTarget = false;
try {
  for (const page of pagesToAudit(distDir)) {
    const results: RunnerResult[] = [];
    for (let run = 0; run < runs; run++) {
      const result = await lighthouse(`${server.url}${page.path}`, {
        port: chromium.port,
        output: 'json',
        logLevel: 'error',
        onlyCategories: [...CATEGORIES],
      });
      if (!result) throw new Error(`Lighthouse returned nothing for ${page.path}`);
      results.push(result);
    }
    const performance = (r: RunnerResult) => r.lhr.categories.performance?.score ?? 0;
    results.sort((a, b) => performance(a) - performance(b));
    const result = results[Math.floor(results.length / 2)]!;
    const scores = CATEGORIES.map((category) => Math.round((result.lhr.categories[category]?.score ?? 0) * 100));
    scores.forEach((score, i) => {
      if (score < TARGETS[CATEGORIES[i]!]) belowTarget = true;
    });
    const range = results.length > 1 ? ` (${results.map((r) => Math.round(performance(r) * 100)).join(', ')})` : '';
    rows.push([page.name, `${scores[0]}${range}`, ...scores.slice(1).map(String), page.path]);
    // The audits behind a score under 100, so a low number says what to fix.
    for (const category of CATEGORIES) {
      for (const ref of result.lhr.categories[category]?.auditRefs ?? []) {
        const audit = result.lhr.audits[ref.id];
        if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
          console.log(`  ${page.name}: ${category}: ${audit.title}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
        }
      }
    }
  }
} finally {
  chromium.stop();
  await server.close();
}

const header = ['page', 'performance', 'accessibility', 'best practices', 'SEO', 'path'];
const widths = header.map((_, i) => Math.max(header[i]!.length, ...rows.map((row) => row[i]!.length)));
const line = (row: string[]) => row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
console.log(
  [
    '',
    line(header),
    ...rows.map(line),
    '',
    `Median of ${runs} run${runs > 1 ? 's' : ''} a page (all performance scores in brackets). Targets: performance >= ${TARGETS.performance}, the others ${TARGETS.seo}.`,
  ].join('\n'),
);
if (belowTarget) console.log('Below target.');
process.exit(values.strict && belowTarget ? 1 : 0);
