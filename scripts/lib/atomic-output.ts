/**
 * Replaces the live output folder with a finished build in two renames on one
 * file system, so readers and deploys see the old site or the new one, never
 * a half-built one. A build killed between the renames is repaired by the next.
 */
import { promises as fs, existsSync } from 'node:fs';
import path from 'node:path';

function previousDirOf(outDir: string, workDir: string): string {
  return path.join(workDir, `previous-${path.basename(outDir)}`);
}

/** Puts back the last good output if a build died between its two renames. */
export async function recoverInterruptedSwap(outDir: string, workDir: string): Promise<void> {
  const previous = previousDirOf(outDir, workDir);
  if (!existsSync(outDir) && existsSync(previous)) await fs.rename(previous, outDir);
  else if (existsSync(previous)) await fs.rm(previous, { recursive: true, force: true });
}

/** Moves `stagingDir` to `outDir`, keeping the old output until the new one is in place. */
export async function swapIntoPlace(stagingDir: string, outDir: string, workDir: string): Promise<void> {
  const previous = previousDirOf(outDir, workDir);
  await fs.rm(previous, { recursive: true, force: true });
  await fs.mkdir(path.dirname(outDir), { recursive: true });
  if (existsSync(outDir)) await fs.rename(outDir, previous);
  try {
    await fs.rename(stagingDir, outDir);
  } catch (error) {
    if (existsSync(previous) && !existsSync(outDir)) await fs.rename(previous, outDir);
    throw error;
  }
  await fs.rm(previous, { recursive: true, force: true });
}

/**
 * Astro leaves internal build files in its output folder (e.g. `.prerender`
 * chunks that hold every entry's data). None of them may be deployed.
 */
export async function removeInternalFiles(dir: string): Promise<string[]> {
  const removed: string[] = [];
  for (const name of await fs.readdir(dir)) {
    if (name.startsWith('.') && name !== '.well-known') {
      await fs.rm(path.join(dir, name), { recursive: true, force: true });
      removed.push(name);
    }
  }
  return removed;
}
