/**
 * `npm run bench -- --articles 10000 [--images 200] [--warm] [--keep] [--json out.json]`
 *
 * Generates a deterministic synthetic newsroom into a temporary folder and runs
 * the real production build on it, exactly as `npm run build` does
 * (`node scripts/build.ts`, check -> Astro -> clean-up -> swap), measuring the
 * whole process tree: wall and CPU time, peak RSS, pages and bytes written,
 * and the time of each phase. `--warm` then edits one article and builds again
 * with the caches intact. `npm run check` on the corpus is timed too, from
 * scratch and then again with what the first run kept (check-cache.ts).
 *
 * Other options: --seed N, --dir <folder> (instead of a temporary one; kept),
 * --profile (NODE_OPTIONS=--cpu-prof; prints a summary of the profiles),
 * --no-check (skip timing `npm run check`).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { BENCH_NOW, generateCorpus, type CorpusSummary } from './lib/corpus.ts';
import { measureCommand, type RunMeasurement } from './lib/measure.ts';
import { formatProfileSummary, summariseProfileDir, type ProfileSummary } from './lib/profile.ts';
import { projectRoot } from './lib/paths.ts';

const { values } = parseArgs({
  options: {
    articles: { type: 'string', default: '1000' },
    images: { type: 'string', default: '0' },
    seed: { type: 'string', default: '20240918' },
    dir: { type: 'string' },
    keep: { type: 'boolean', default: false },
    warm: { type: 'boolean', default: false },
    json: { type: 'string' },
    profile: { type: 'boolean', default: false },
    'no-check': { type: 'boolean', default: false },
  },
});

export interface BuildFigures extends RunMeasurement {
  ok: boolean;
  /** HTML pages in the output. */
  pages: number;
  outputFiles: number;
  outputBytes: number;
  msPerArticle: number;
  /** Phases from `scripts/build.ts --timings` plus Astro's own "Completed in" lines. */
  phases: Record<string, number>;
  /** From the loader's log line: how many articles were rendered and how many came from the cache. */
  rendered?: number;
  cached?: number;
  profiles?: ProfileSummary[];
  /** 1-minute load average before and after: other work on the machine skews the figures. */
  loadAverage: [number, number];
  log: string;
}

const articles = Number(values.articles);
const images = Number(values.images);
const seed = Number(values.seed);
if (!Number.isInteger(articles) || articles < 1) throw new Error('--articles must be a positive integer');

// The temporary folder sits inside the project (.build/bench/): Astro writes its prerender
// chunks under the output folder only when that is inside the working directory, and
// otherwise into the project's .astro/.prerender, which concurrent builds would share.
const benchDir = path.join(projectRoot, '.build', 'bench');
mkdirSync(benchDir, { recursive: true });
const root = values.dir ? path.resolve(values.dir) : mkdtempSync(path.join(benchDir, 'run-'));
const keep = values.keep || Boolean(values.dir);
const nodeBin = path.join(projectRoot, 'node_modules/.bin/node');
const env = {
  ...process.env,
  NEWSROOM_CONTENT_DIR: path.join(root, 'content'),
  NEWSROOM_NOW: BENCH_NOW,
  ASTRO_TELEMETRY_DISABLED: '1',
};

function walk(dir: string): { files: number; bytes: number; pages: number } {
  let files = 0;
  let bytes = 0;
  let pages = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      const sub = walk(full);
      files += sub.files;
      bytes += sub.bytes;
      pages += sub.pages;
    } else {
      files += 1;
      bytes += statSync(full).size;
      if (entry.name.endsWith('.html')) pages += 1;
    }
  }
  return { files, bytes, pages };
}

/** Astro prints "✓ Completed in 12.3s." after each of its stages; the ones after these banners are pages and images. */
function parseAstroLog(log: string): Record<string, number> {
  const out: Record<string, number> = {};
  // biome-ignore lint/suspicious/noControlCharactersInRegex: strips the ANSI colour codes of Astro's log.
  const plain = log.replace(/\x1b\[[0-9;]*m/g, '');
  const stages: [string, RegExp][] = [
    ['astro.pages', /generating static routes[\s\S]*?Completed in ([\d.]+)(ms|s)/],
    ['astro.images', /generating optimized images[\s\S]*?Completed in ([\d.]+)(ms|s)/],
  ];
  for (const [name, pattern] of stages) {
    const match = pattern.exec(plain);
    if (match) out[name] = Math.round(Number(match[1]) * (match[2] === 's' ? 1000 : 1));
  }
  return out;
}

async function runBuild(label: string, published: number): Promise<BuildFigures> {
  const timingsFile = path.join(root, `timings-${label}.json`);
  const logFile = path.join(root, `build-${label}.log`);
  const profileDir = path.join(root, `profiles-${label}`);
  const runEnv: NodeJS.ProcessEnv = { ...env };
  if (values.profile) {
    rmSync(profileDir, { recursive: true, force: true });
    mkdirSync(profileDir, { recursive: true });
    runEnv.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${profileDir}`.trim();
  }
  rmSync(timingsFile, { force: true });
  const loadBefore = os.loadavg()[0]!;
  const measured = await measureCommand(
    nodeBin,
    ['scripts/build.ts', '--out', path.join(root, 'dist'), '--work', path.join(root, '.build'), '--timings', timingsFile],
    { cwd: projectRoot, env: runEnv, logFile },
  );
  const log = readFileSync(logFile, 'utf8');
  const phases: Record<string, number> = existsSync(timingsFile) ? JSON.parse(readFileSync(timingsFile, 'utf8')) : {};
  Object.assign(phases, parseAstroLog(log));
  const output = measured.code === 0 && existsSync(path.join(root, 'dist')) ? walk(path.join(root, 'dist')) : { files: 0, bytes: 0, pages: 0 };
  const cache = /(\d+) rendered, (\d+) from the cache/.exec(log);
  return {
    ...measured,
    ok: measured.code === 0,
    pages: output.pages,
    outputFiles: output.files,
    outputBytes: output.bytes,
    msPerArticle: Number((measured.wallMs / Math.max(1, published)).toFixed(3)),
    phases,
    rendered: cache ? Number(cache[1]) : undefined,
    cached: cache ? Number(cache[2]) : undefined,
    profiles: values.profile ? summariseProfileDir(profileDir, projectRoot, 30) : undefined,
    loadAverage: [Number(loadBefore.toFixed(2)), Number(os.loadavg()[0]!.toFixed(2))],
    log: logFile,
  };
}

/** Edits one published article (a sentence added to its first paragraph) for the warm build. */
function editOneArticle(contentDir: string): string {
  const articlesDir = path.join(contentDir, 'articles');
  const files = (readdirSync(articlesDir, { recursive: true }) as string[]).filter((name) => name.endsWith('.md')).sort();
  for (const name of files) {
    const file = path.join(articlesDir, name);
    const text = readFileSync(file, 'utf8');
    if (/^draft: true$/m.test(text) || /^date: 202[67]/m.test(text)) continue;
    const close = text.indexOf('\n---\n', 4) + 5;
    writeFileSync(file, `${text.slice(0, close)}\nTin cập nhật: bài viết được biên tập lại sau khi xuất bản.\n${text.slice(close)}`);
    return file;
  }
  throw new Error('no published article to edit');
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

function printBuild(label: string, figures: BuildFigures): void {
  console.log(`\n${label} build: ${figures.ok ? 'ok' : `FAILED (exit ${figures.code}, see ${figures.log})`}`);
  console.log(`  wall ${seconds(figures.wallMs)}, CPU ${seconds(figures.cpuMs)} (user ${seconds(figures.userMs)}, sys ${seconds(figures.systemMs)})`);
  console.log(`  peak RSS: tree ${mib(figures.peakTreeRssBytes)}, largest process ${mib(figures.peakProcessRssBytes)}`);
  console.log(`  ${figures.pages} pages, ${figures.outputFiles} files, ${mib(figures.outputBytes)} output, ${mib(figures.writeBytes)} written to disk`);
  console.log(`  ${figures.msPerArticle} ms per published article; load average ${figures.loadAverage.join(' -> ')} on ${os.cpus().length} cores`);
  if ((figures.phases.lock ?? 0) > 1000) console.log(`  (waited ${seconds(figures.phases.lock!)} for another build of this checkout: wall time includes it)`);
  if (figures.rendered !== undefined) console.log(`  articles: ${figures.rendered} rendered, ${figures.cached} from the cache`);
  console.log('  phases (ms):');
  for (const [name, ms] of Object.entries(figures.phases)) console.log(`    ${name.padEnd(18)} ${String(ms).padStart(8)}`);
  for (const profile of figures.profiles ?? []) console.log(formatProfileSummary(profile).replace(/^/gm, '  '));
}

let corpus: CorpusSummary;
let failed = false;
const generationStart = performance.now();
if (values.dir && existsSync(path.join(root, 'content', 'categories.yaml'))) {
  throw new Error(`${root} already holds a corpus: pass an empty or new folder`);
}
try {
  corpus = await generateCorpus(root, { articles, images, seed });
  const generationMs = Math.round(performance.now() - generationStart);
  console.log(`Corpus: ${corpus.files} files (${corpus.published} published, ${corpus.drafts} drafts, ${corpus.future} future), ${corpus.withImages} with photos, in ${root} (${seconds(generationMs)})`);
  // A newsroom's files were written long before a build. The check's cache does not trust the
  // times of a file changed less than two seconds before it looks (check-cache.ts): wait them out.
  await new Promise((resolve) => setTimeout(resolve, 2100));
  console.log(`Machine: ${os.cpus().length} cores, ${mib(os.totalmem())}, Node ${process.version} (build runs on node_modules/.bin/node)`);

  let check: RunMeasurement | undefined;
  let checkAgain: RunMeasurement | undefined;
  if (!values['no-check']) {
    // Twice: from scratch, then again with what the first run kept of the unchanged articles.
    const runCheck = (log: string) =>
      measureCommand('npm', ['run', 'check', '--silent', '--', '--cache-dir', path.join(root, 'check-cache')], { cwd: projectRoot, env, logFile: path.join(root, log) });
    check = await runCheck('check.log');
    checkAgain = await runCheck('check-again.log');
    console.log('');
    for (const [name, run] of [['npm run check', check], ['npm run check, again', checkAgain]] as const) {
      console.log(`${name}: ${seconds(run.wallMs)} wall, CPU ${seconds(run.cpuMs)}, peak RSS ${mib(run.peakTreeRssBytes)}${run.code ? ` (exit ${run.code})` : ''}`);
    }
  }
  const cold = await runBuild('cold', corpus.published);
  printBuild('Cold', cold);
  let warm: BuildFigures | undefined;
  let edited: string | undefined;
  if (values.warm && cold.ok) {
    edited = editOneArticle(corpus.contentDir);
    warm = await runBuild('warm', corpus.published);
    printBuild(`Warm (edited ${path.relative(root, edited)})`, warm);
    console.log(`  warm / cold: ${(warm.wallMs / cold.wallMs).toFixed(2)}`);
  }
  if (values.json) {
    const strip = (figures?: BuildFigures) => figures && { ...figures, log: undefined };
    const report = {
      date: new Date().toISOString(),
      machine: { cores: os.cpus().length, totalMemBytes: os.totalmem(), node: process.version },
      corpus: { ...corpus, contentDir: undefined, seed, images },
      generationMs,
      check,
      checkAgain,
      cold: strip(cold),
      warm: strip(warm),
      edited: edited && path.relative(root, edited),
    };
    writeFileSync(path.resolve(values.json), `${JSON.stringify(report, null, 2)}\n`);
  }
  if (!cold.ok || (warm && !warm.ok) || (check && check.code !== 0) || (checkAgain && checkAgain.code !== 0)) {
    process.exitCode = 1;
    failed = true;
    const failedLog = readFileSync((warm && !warm.ok ? warm : cold).log, 'utf8').split('\n');
    console.error(`\nLast lines of the failed build's log:\n${failedLog.slice(-25).join('\n')}`);
  }
} finally {
  // A failed run keeps its folder (logs, corpus) for a look.
  if (!keep && !failed) rmSync(root, { recursive: true, force: true });
  else console.log(`\nKept ${root}`);
}
