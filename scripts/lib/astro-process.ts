/**
 * `astro build` in a process of its own, started by the pipeline
 * (scripts/lib/pipeline.ts, `runAstro`). Two reasons:
 *
 * - A failed build must stop at once. Astro renders several pages at a time
 *   (`build.concurrency`), and when one fails its queue keeps rendering the
 *   others into the staging folder; only the end of the process stops it, so
 *   the pipeline waits for this process to exit before it removes the folder.
 * - Memory: what Astro holds (the content store, the page queue) is given back
 *   when this process ends, before the search index is built.
 *
 * The job comes as JSON in argv[2]; one message goes back over the IPC channel
 * (`AstroOutcome`), then the process exits. It dies with its parent: signals
 * are the parent's to handle (it kills this process), and a parent killed
 * outright closes the channel ("disconnect").
 */
import type { AstroIntegration } from 'astro';
import { createAstroPhaseRecorder } from './build-timings.ts';
import { pagePrefill } from './page-prefill.ts';

export interface AstroJob {
  root: string;
  outDir: string;
  cacheDir: string;
  quiet: boolean;
  /** Records Astro's own phases (ASTRO_TIMER_PATH) into this file. */
  timerFile?: string;
}

/** What Astro threw, as far as it crosses a process boundary. */
export interface AstroFailure {
  message: string;
  loc?: { file?: string; line?: number; column?: number };
  id?: string;
  hint?: string;
}

export type AstroOutcome =
  | { ok: true; phases: Record<string, number> }
  | { ok: false; phases: Record<string, number>; error: AstroFailure; renderedPath?: string };

// biome-ignore lint/suspicious/noControlCharactersInRegex: ANSI colour codes start with ESC.
export const ANSI_ESCAPES = /\u001b\[[0-9;]*m/g;

/**
 * Watches Astro's log for the page it failed to render ("Caught error
 * rendering /chinh-tri/bai/"): the error itself does not say.
 */
function watchRenderErrors(): () => string | undefined {
  const write = process.stderr.write;
  let renderedPath: string | undefined;
  process.stderr.write = function (this: typeof process.stderr, chunk: unknown, ...rest: unknown[]) {
    const match = /Caught error rendering (\S+?):/.exec(String(chunk).replace(ANSI_ESCAPES, ''));
    if (match) renderedPath ??= match[1];
    return (write as (...args: unknown[]) => boolean).call(this, chunk, ...rest);
  } as typeof process.stderr.write;
  return () => renderedPath;
}

function failure(error: unknown): AstroFailure {
  const e = error as { message?: unknown; loc?: AstroFailure['loc']; id?: unknown; hint?: unknown };
  return {
    message: typeof e?.message === 'string' ? e.message : String(error),
    ...(e?.loc ? { loc: { file: e.loc.file, line: e.loc.line, column: e.loc.column } } : {}),
    ...(typeof e?.id === 'string' ? { id: e.id } : {}),
    ...(typeof e?.hint === 'string' ? { hint: e.hint } : {}),
  };
}

async function main(): Promise<void> {
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, () => {});
  process.on('disconnect', () => process.exit(1));
  const job = JSON.parse(process.argv[2]!) as AstroJob;
  const renderedPath = watchRenderErrors();
  const recorder = job.timerFile ? createAstroPhaseRecorder(job.timerFile) : undefined;
  if (recorder) process.env.ASTRO_TIMER_PATH = recorder.timerFile;
  const integrations: AstroIntegration[] = [pagePrefill({ cacheDir: job.cacheDir, outDir: job.outDir }), ...(recorder ? [recorder.integration] : [])];
  const start = performance.now();
  let outcome: AstroOutcome;
  try {
    const { build } = await import('astro');
    await build({ root: job.root, outDir: job.outDir, cacheDir: job.cacheDir, logLevel: job.quiet ? 'error' : 'info', integrations });
    outcome = { ok: true, phases: recorder?.phases(start) ?? {} };
  } catch (error) {
    outcome = { ok: false, phases: recorder?.phases(start) ?? {}, error: failure(error), renderedPath: renderedPath() };
  }
  // Exit as soon as the parent has the outcome: Astro's queue may still be rendering.
  process.send!(outcome, () => process.exit(outcome.ok ? 0 : 1));
}

// Imported by the pipeline for its types and ANSI_ESCAPES; run only as the process.
if (import.meta.main) await main();
