/**
 * The production build, phase by phase: check, Astro (with its integrations:
 * search index, headers, redirects), clean-up, atomic swap. Each phase is timed
 * so the benchmark can report where the time goes.
 */
import { promises as fs, writeFileSync } from 'node:fs';
import { checkContent, formatReport } from './check.ts';
import { projectRoot, resolveBuildPaths } from './paths.ts';
import { recoverInterruptedSwap, removeInternalFiles, swapIntoPlace } from './atomic-output.ts';
import { messages } from '../../src/lib/messages.ts';

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

function describeAstroError(error: unknown): string {
  const e = error as { message?: string; loc?: { file?: string; line?: number; column?: number }; id?: string; hint?: string };
  const file = e.loc?.file ?? e.id;
  const where = file ? `${file.replace(`${projectRoot}/`, '')}${e.loc?.line ? `:${e.loc.line}` : ''}: ` : '';
  return `${where}${e.message ?? String(error)}${e.hint ? `\n  ${e.hint}` : ''}`;
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

  await recoverInterruptedSwap(paths.outDir, paths.workDir);

  // The config reads the environment once; import it after the caller set it.
  const { readBuildSettings, siteConfig } = await import('../../src/config/index.ts');
  const settings = readBuildSettings();
  const report = await time('check', () =>
    checkContent({ contentDir: settings.contentDir, config: siteConfig, now: settings.now, cwd: projectRoot }),
  );
  if (report.errors > 0) {
    console.error(formatReport(report));
    console.error(`\n${messages.buildRefused}`);
    return finish(false);
  }
  if (report.warnings > 0) log(formatReport(report));

  await fs.rm(paths.stagingDir, { recursive: true, force: true });
  try {
    const { build } = await import('astro');
    await time('astro', () =>
      build({
        root: projectRoot,
        outDir: paths.stagingDir,
        cacheDir: paths.cacheDir,
        logLevel: options.quiet ? 'error' : 'info',
      }),
    );
    await time('cleanup', () => removeInternalFiles(paths.stagingDir));
    await time('swap', () => swapIntoPlace(paths.stagingDir, paths.outDir, paths.workDir));
  } catch (error) {
    console.error(`\nBuild failed: ${describeAstroError(error)}`);
    console.error(messages.buildRefused);
    return finish(false);
  }
  log(`Site written to ${paths.outDir.replace(`${projectRoot}/`, '')}/`);
  return finish(true);
}
