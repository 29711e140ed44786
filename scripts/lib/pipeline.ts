/**
 * The production build, phase by phase: check, Astro in a process of its own
 * (with its integrations: sitemaps, headers, redirects), search index, clean-up,
 * atomic swap. Each phase is timed so the benchmark can report where the time
 * goes.
 */
import { fork } from 'node:child_process';
import { existsSync, promises as fs, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { checkContent, formatReport } from './check.ts';
import { projectRoot, resolveBuildPaths } from './paths.ts';
import { acquireBuildLock, recoverInterruptedSwap, removeInternalFiles, swapIntoPlace } from './atomic-output.ts';
import { ANSI_ESCAPES, type AstroJob, type AstroOutcome } from './astro-process.ts';
import { messages } from '../../src/lib/messages.ts';
import { buildSearchIndex, clearSearchScratch } from './search-index.ts';
import { ASTRO_INCREMENTAL_MANIFEST } from './page-prefill.ts';

export interface BuildOptions {
  outDir?: string;
  workDir?: string;
  quiet?: boolean;
  timingsFile?: string;
}

export interface BuildResult {
  ok: boolean;
  phases: Record<string, number>;
}

/**
 * An error Astro threw, naming the source file. A page that fails to render
 * is blamed by Astro on the route (`src/pages/[...path].astro`); the page's
 * URL (from Astro's log) leads to the article file that made it.
 */
export function describeAstroError(error: unknown, context: { renderedPath?: string; urls?: Map<string, string> } = {}): string {
  const e = error as { message?: string; loc?: { file?: string; line?: number; column?: number }; id?: string; hint?: string };
  const message = (e.message ?? String(error)).replace(ANSI_ESCAPES, '');
  const hint = e.hint ? `\n  ${e.hint.replace(ANSI_ESCAPES, '')}` : '';
  const show = (file: string) => (path.isAbsolute(file) ? path.relative(projectRoot, file).split(path.sep).join('/') : file);
  if (context.renderedPath !== undefined) {
    const url = context.renderedPath.endsWith('/') ? context.renderedPath : `${context.renderedPath}/`;
    const article = context.urls?.get(url);
    const source = article ?? (e.loc?.file ? show(e.loc.file) : e.id);
    if (source) return `${messages.renderFailed(url, source)}: ${message}${hint}`;
  }
  const file = e.loc?.file ?? e.id;
  const where = file ? `${show(file)}${e.loc?.line ? `:${e.loc.line}` : ''}: ` : '';
  return `${where}${message}${hint}`;
}

/**
 * Ctrl-C or a kill during the build: the live output is untouched, so exit
 * at once, except during the swap, which is finished first.
 */
function guardSignals(onExit: () => void): { critical: <T>(work: () => Promise<T>) => Promise<T>; stop: () => void } {
  let inCritical = false;
  let pending: NodeJS.Signals | undefined;
  const exit = (signal: NodeJS.Signals) => {
    onExit();
    console.error(`\n${messages.buildInterrupted}`);
    process.exit(128 + (os.constants.signals[signal] ?? 1));
  };
  const handler = (signal: NodeJS.Signals) => {
    if (inCritical) pending = signal;
    else exit(signal);
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const signal of signals) process.on(signal, handler);
  return {
    critical: async (work) => {
      inCritical = true;
      try {
        return await work();
      } finally {
        inCritical = false;
        if (pending) exit(pending);
      }
    },
    stop: () => {
      for (const signal of signals) process.off(signal, handler);
    },
  };
}

/**
 * Astro's incremental build (experimental.incrementalBuild) overwrites its
 * cached copy of a page as soon as it renders it, but writes the manifest that
 * says which key each copy belongs to only when the build succeeds. A build
 * that fails or is killed after rendering some pages therefore leaves copies
 * that the old manifest attributes to the old keys, and the next build with
 * those keys would ship them (a category page listing an article that failed
 * and was removed: tests/build/incremental.test.ts). So a marker in the cache
 * folder says a build is running; a build that finds it (the last one did not
 * finish) drops the manifest first, and its pages are all rendered again.
 * Everything else in the cache is keyed by content and written atomically.
 */
async function markBuildUnfinished(cacheDir: string): Promise<{ done(): void }> {
  const marker = path.join(cacheDir, 'build-unfinished');
  await fs.mkdir(cacheDir, { recursive: true });
  if (existsSync(marker)) await fs.rm(path.join(cacheDir, ASTRO_INCREMENTAL_MANIFEST), { force: true });
  writeFileSync(marker, `${process.pid}\n`);
  return { done: () => rmSync(marker, { force: true }) };
}

const ASTRO_PROCESS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'astro-process.ts');

interface AstroRun {
  /** Settles once the Astro process has exited: nothing writes to the staging folder any more. */
  outcome: Promise<AstroOutcome>;
  kill(): void;
}

class AstroBuildError extends Error {
  readonly outcome: Extract<AstroOutcome, { ok: false }>;
  constructor(outcome: Extract<AstroOutcome, { ok: false }>) {
    super(outcome.error.message);
    this.outcome = outcome;
  }
}

/**
 * The V8 heap limit of Astro's process, in MiB, unless the caller set one in
 * NODE_OPTIONS. Node's default (about 4 GiB here) is what Astro needed at
 * 100,000 articles by the end of page generation: the build died in a hook
 * after all pages were written (BENCHMARKS.md, "100k"). Three quarters of the
 * machine's memory, at most 8 GiB: the archive's whole content store is in
 * that heap, and the target for 100,000 articles is 8 GiB for the whole build.
 */
function astroHeapLimit(): number | undefined {
  if (/--max-old-space-size/.test(`${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`)) return undefined;
  return Math.min(8192, Math.floor((os.totalmem() / 2 ** 20) * 0.75));
}

/** Runs `astro build` in its own process (scripts/lib/astro-process.ts: why). */
function runAstro(job: AstroJob): AstroRun {
  const heap = astroHeapLimit();
  const execArgv = [...process.execArgv, ...(heap ? [`--max-old-space-size=${heap}`] : [])];
  const child = fork(ASTRO_PROCESS, [JSON.stringify(job)], { stdio: 'inherit', execArgv });
  let received: AstroOutcome | undefined;
  child.on('message', (message) => {
    received = message as AstroOutcome;
  });
  const outcome = new Promise<AstroOutcome>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (received) resolve(received);
      else reject(new Error(`the Astro build process stopped (${signal ?? `exit code ${code}`}) without saying why`));
    });
  });
  return { outcome, kill: () => child.kill('SIGKILL') };
}

export async function runBuild(options: BuildOptions = {}): Promise<BuildResult> {
  const paths = resolveBuildPaths(options);
  const phases: Record<string, number> = {};
  const log = (line: string) => {
    if (!options.quiet) console.log(line);
  };
  const time = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    const start = performance.now();
    try {
      return await work();
    } finally {
      phases[name] = Math.round(performance.now() - start);
    }
  };
  const finish = (ok: boolean): BuildResult => {
    if (options.timingsFile) writeFileSync(options.timingsFile, JSON.stringify(phases, null, 2));
    return { ok, phases };
  };

  // The config reads the environment once; import it after the caller set it.
  const { readBuildSettings, siteConfig } = await import('../../src/config/index.ts');
  const settings = readBuildSettings();
  const report = await time('check', () =>
    checkContent({
      contentDir: settings.contentDir,
      config: siteConfig,
      now: settings.now,
      cwd: projectRoot,
      publicDir: path.join(projectRoot, 'public'),
      cacheDir: paths.cacheDir,
    }),
  );
  if (report.errors > 0) {
    console.error(formatReport(report));
    console.error(`\n${messages.buildRefused}`);
    return finish(false);
  }
  // Warnings are shown even with --quiet: they are for the reporter.
  if (report.warnings > 0) console.log(formatReport(report));

  // From here on, one build of this checkout at a time (see acquireBuildLock).
  // The wait is shown even with --quiet, so a slow start is not a mystery.
  const lock = await time('lock', () => acquireBuildLock(projectRoot, (pid) => console.log(messages.buildWaiting(pid))));
  let astro: AstroRun | undefined;
  const signals = guardSignals(() => {
    astro?.kill();
    lock.release();
  });
  // Astro's chunks land here when the output folder is outside the project.
  const fallbackPrerender = path.join(projectRoot, '.astro/.prerender');
  try {
    // The last build's old output is deleted while this one runs.
    const { cleared } = await recoverInterruptedSwap(paths.outDir, paths.workDir);
    const scratchCleared = clearSearchScratch(paths.cacheDir);
    await fs.rm(paths.stagingDir, { recursive: true, force: true });
    const unfinished = await markBuildUnfinished(paths.cacheDir);
    const outcome = await time('astro', () => {
      astro = runAstro({
        root: projectRoot,
        outDir: paths.stagingDir,
        cacheDir: paths.cacheDir,
        quiet: options.quiet ?? false,
        // With --timings, Astro's own phases are recorded too (sync, bundle, generate, post-processing).
        ...(options.timingsFile ? { timerFile: `${paths.workDir}/astro-timer.json` } : {}),
      });
      return astro.outcome;
    });
    Object.assign(phases, outcome.phases);
    if (!outcome.ok) throw new AstroBuildError(outcome);
    // After Astro has exited, so that its memory and Pagefind's are not needed at once.
    const search = await time('search', () =>
      buildSearchIndex(
        paths.stagingDir,
        {
          language: siteConfig.language,
          timeZone: siteConfig.timeZone,
          dateFormat: siteConfig.dateFormat,
          shardSize: siteConfig.searchShardSize,
        },
        paths.cacheDir,
      ),
    );
    phases['search.read'] = Math.round(search.standInMs);
    phases['search.pagefind'] = Math.round(search.indexMs);
    log(
      `Indexed ${search.pages} articles for search (${Math.round(search.bytes / 1024)} KB): ` +
        `${search.built} indexes built, ${search.reused} reused; ${search.parsed} pages read, the others known.`,
    );
    unfinished.done();
    await time('cleanup', () => removeInternalFiles(paths.stagingDir, path.join(projectRoot, 'public')));
    await cleared;
    await scratchCleared;
    await time('swap', () => signals.critical(() => swapIntoPlace(paths.stagingDir, paths.outDir, paths.workDir, true)));
  } catch (error) {
    const detail =
      error instanceof AstroBuildError
        ? describeAstroError(error.outcome.error, { renderedPath: error.outcome.renderedPath, urls: report.urls })
        : describeAstroError(error);
    console.error(`\n${messages.buildFailed(detail)}`);
    console.error(messages.buildRefused);
    // What a failed build leaves behind holds every entry's data: not kept.
    await fs.rm(paths.stagingDir, { recursive: true, force: true });
    await fs.rm(fallbackPrerender, { recursive: true, force: true });
    return finish(false);
  } finally {
    signals.stop();
    lock.release();
  }
  log(`Site written to ${paths.outDir.replace(`${projectRoot}/`, '')}/`);
  return finish(true);
}
