/**
 * Replaces the live output folder with a finished build in two renames on one
 * file system, so readers and deploys see the old site or the new one, never
 * a half-built one. A build killed between the renames is repaired by the next.
 * Also: the lock that keeps two builds of one checkout apart, and the clean-up
 * that keeps Astro's internal files out of the output.
 */
import { promises as fs, existsSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';

/**
 * Where the previous output waits during a swap: in the work folder when it is
 * on the output's file system (a rename), else next to the output folder.
 */
function previousDirs(outDir: string, workDir: string): string[] {
  return [
    path.join(workDir, `previous-${path.basename(outDir)}`),
    path.join(path.dirname(outDir), `.${path.basename(outDir)}.previous`),
  ];
}

function sameFileSystem(a: string, b: string): boolean {
  try {
    return statSync(a).dev === statSync(b).dev;
  } catch {
    return false;
  }
}

/**
 * Puts back the last good output if a build died between its two renames.
 * An old output left by a finished swap (see `swapIntoPlace`) is moved aside
 * and deleted in the background: the returned promise settles when it is gone,
 * so the build can run meanwhile and wait for it only before its own swap.
 */
export async function recoverInterruptedSwap(outDir: string, workDir: string): Promise<{ cleared: Promise<void> }> {
  const deletions: Promise<void>[] = [];
  for (const previous of previousDirs(outDir, workDir)) {
    if (!existsSync(previous)) continue;
    if (!existsSync(outDir)) {
      await fs.rename(previous, outDir);
      continue;
    }
    const doomed = `${previous}.deleting`;
    await fs.rm(doomed, { recursive: true, force: true });
    await fs.rename(previous, doomed);
    deletions.push(fs.rm(doomed, { recursive: true, force: true }));
  }
  await fs.rm(path.join(path.dirname(outDir), `.${path.basename(outDir)}.incoming`), { recursive: true, force: true });
  const cleared = Promise.all(deletions).then(() => undefined);
  cleared.catch(() => {});
  return { cleared };
}

/**
 * Moves `stagingDir` to `outDir`, keeping the old output until the new one is
 * in place. When the staging folder is on another file system, it is first
 * copied next to `outDir`, so the swap itself is still two renames. With
 * `keepPrevious`, the old output stays in the work folder (or beside the
 * output folder) after the swap, for the next build to delete in the
 * background (`recoverInterruptedSwap`): deleting tens of thousands of files
 * takes seconds that need not be part of this build.
 */
export async function swapIntoPlace(stagingDir: string, outDir: string, workDir: string, keepPrevious = false): Promise<void> {
  const parent = path.dirname(outDir);
  await fs.mkdir(parent, { recursive: true });
  let incoming = stagingDir;
  if (!sameFileSystem(stagingDir, parent)) {
    incoming = path.join(parent, `.${path.basename(outDir)}.incoming`);
    await fs.rm(incoming, { recursive: true, force: true });
    await fs.cp(stagingDir, incoming, { recursive: true, verbatimSymlinks: true });
  }
  const [inWork, besideOut] = previousDirs(outDir, workDir) as [string, string];
  const previous = sameFileSystem(workDir, parent) ? inWork : besideOut;
  await fs.rm(previous, { recursive: true, force: true });
  if (existsSync(outDir)) await fs.rename(outDir, previous);
  try {
    await fs.rename(incoming, outDir);
  } catch (error) {
    if (existsSync(previous) && !existsSync(outDir)) await fs.rename(previous, outDir);
    throw error;
  }
  if (incoming !== stagingDir) await fs.rm(stagingDir, { recursive: true, force: true });
  // The old output is deleted now, or (`keepPrevious`) by the next build while it runs.
  if (!keepPrevious) await fs.rm(previous, { recursive: true, force: true });
}

/**
 * Astro leaves internal build files in its output folder (e.g. `.prerender`
 * chunks that hold every entry's data). None of them may be deployed: every
 * dot-file or dot-folder goes, at any depth, unless the newsroom put it in
 * `public/` on purpose (`.well-known/`, `.nojekyll`).
 */
export async function removeInternalFiles(dir: string, publicDir?: string): Promise<string[]> {
  const removed: string[] = [];
  const entries = await fs.readdir(dir, { recursive: true, withFileTypes: true });
  const hidden = entries
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .filter((relative) => path.basename(relative).startsWith('.'))
    // Outermost first; anything inside an already removed folder is gone with it.
    .sort((a, b) => a.length - b.length);
  for (const relative of hidden) {
    if (removed.some((done) => relative.startsWith(`${done}${path.sep}`))) continue;
    if (publicDir && existsSync(path.join(publicDir, relative))) continue;
    await fs.rm(path.join(dir, relative), { recursive: true, force: true });
    removed.push(relative);
  }
  return removed;
}

export interface BuildLock {
  file: string;
  release: () => void;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * One build of a checkout at a time. Astro writes into the project's `.astro/`
 * folder (content modules, and its `.prerender` chunks when the output folder
 * is outside the project), so two builds of one checkout, even into different
 * output folders, would mix their files. The lock is a file holding the pid;
 * a lock whose process is gone (killed with kill -9) is taken over.
 */
export async function acquireBuildLock(
  projectRoot: string,
  onWait: (pid: number) => void = () => {},
  timeoutMs = 20 * 60_000,
): Promise<BuildLock> {
  const id = createHash('sha256').update(path.resolve(projectRoot)).digest('hex').slice(0, 16);
  const file = path.join(os.tmpdir(), `newsroom-build-${id}.lock`);
  const started = Date.now();
  let waitedFor: number | undefined;
  for (;;) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      let released = false;
      return {
        file,
        release: () => {
          if (released) return;
          released = true;
          try {
            if (readFileSync(file, 'utf8') === String(process.pid)) rmSync(file, { force: true });
          } catch {
            // Already gone.
          }
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    let owner = Number.NaN;
    let age = 0;
    try {
      owner = Number(readFileSync(file, 'utf8'));
      age = Date.now() - statSync(file).mtimeMs;
    } catch {
      continue; // Released meanwhile.
    }
    // An empty file is a lock being written; a dead owner's lock is stale.
    if ((Number.isInteger(owner) && owner > 0 && !isAlive(owner)) || (Number.isNaN(owner) && age > 10_000)) {
      rmSync(file, { force: true });
      continue;
    }
    if (Date.now() - started > timeoutMs) throw new Error(`another build (pid ${owner}) has held ${file} for too long`);
    if (waitedFor !== owner && Number.isInteger(owner)) {
      waitedFor = owner;
      onWait(owner);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
