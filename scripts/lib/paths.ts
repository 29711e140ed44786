/** Where a build reads and writes, shared by build, check, bench and tests. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (where astro.config.mjs lives). */
export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export interface BuildPaths {
  /** The live output folder, replaced only by a complete build. */
  outDir: string;
  /** Working folder: staging output and Astro's content cache. Same file system as outDir. */
  workDir: string;
  stagingDir: string;
  cacheDir: string;
}

export function resolveBuildPaths(options: { outDir?: string; workDir?: string } = {}): BuildPaths {
  const outDir = path.resolve(projectRoot, options.outDir ?? 'dist');
  const workDir = path.resolve(projectRoot, options.workDir ?? '.build');
  return { outDir, workDir, stagingDir: path.join(workDir, 'next'), cacheDir: path.join(workDir, 'cache') };
}
