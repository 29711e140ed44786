/**
 * One production build of a fixture shared by every test file that needs it
 * (the XSS catalogue's HTML checks and its browser run use the same site),
 * even though vitest runs test files in separate processes.
 *
 * The build lives in the system temp folder under a key made of the fixture
 * and of every source file that can change the output, so a changed fixture,
 * component or plugin gets a fresh build. The first process to arrive builds
 * (holding a lock folder); the others wait for its result.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { projectRoot } from '../../scripts/lib/paths.ts';
import { type BuildOutcome, buildFixture, type FixtureSpec, writeFixture } from '../helpers/fixture.ts';

/** What decides the output besides the fixture itself. */
const SOURCES = ['src', 'scripts', 'public', 'astro.config.mjs', 'package-lock.json', 'tsconfig.json'];

function hashTree(hash: ReturnType<typeof createHash>, target: string): void {
  if (!existsSync(target)) return;
  if (statSync(target).isDirectory()) {
    for (const name of readdirSync(target).sort()) hashTree(hash, path.join(target, name));
    return;
  }
  hash.update(path.relative(projectRoot, target));
  hash.update(readFileSync(target));
}

export type SharedFixture = FixtureSpec | { copyOf: string };

function fingerprint(name: string, fixture: SharedFixture, env: Record<string, string>): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ name, env }));
  if ('copyOf' in fixture) hashTree(hash, fixture.copyOf);
  else hash.update(JSON.stringify(fixture));
  for (const source of SOURCES) hashTree(hash, path.join(projectRoot, source));
  return hash.digest('hex').slice(0, 16);
}

function copyContent(from: string, root: string): void {
  const copy = (source: string, target: string) => {
    if (statSync(source).isDirectory()) {
      mkdirSync(target, { recursive: true });
      for (const name of readdirSync(source)) copy(path.join(source, name), path.join(target, name));
    } else writeFileSync(target, readFileSync(source));
  };
  copy(from, path.join(root, 'content'));
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A lock whose builder died (a test run killed on a timeout) is taken over. */
function lockIsStale(lock: string): boolean {
  try {
    const pid = Number(readFileSync(path.join(lock, 'pid'), 'utf8'));
    process.kill(pid, 0);
    return false;
  } catch (error) {
    // No pid file yet: the owner is between mkdir and write, unless the folder is old.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      try {
        return Date.now() - statSync(lock).mtimeMs > 10_000;
      } catch {
        return false;
      }
    }
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

/** Removes earlier builds of the same fixture (older than ten minutes, so none still in use). */
function removeStaleBuilds(name: string, keep: string): void {
  const prefix = `newsroom-shared-${name}-`;
  for (const entry of readdirSync(os.tmpdir())) {
    const full = path.join(os.tmpdir(), entry);
    if (!entry.startsWith(prefix) || full === keep || entry.endsWith('.lock')) continue;
    try {
      if (Date.now() - statSync(full).mtimeMs > 600_000) rmSync(full, { recursive: true, force: true });
    } catch {
      // Another run removed it first.
    }
  }
}

/**
 * Builds `fixture` once (a spec for `writeFixture`, or `{ copyOf: dir }` to
 * build a copy of a content folder such as the sample) and returns the outcome.
 */
export async function sharedBuild(name: string, fixture: SharedFixture, env: Record<string, string> = {}): Promise<BuildOutcome> {
  const root = path.join(os.tmpdir(), `newsroom-shared-${name}-${fingerprint(name, fixture, env)}`);
  const outcomeFile = path.join(root, 'outcome.json');
  const lock = `${root}.lock`;
  const deadline = Date.now() + 900_000;
  while (!existsSync(outcomeFile)) {
    let owner = false;
    try {
      mkdirSync(lock);
      writeFileSync(path.join(lock, 'pid'), String(process.pid));
      owner = true;
    } catch {
      if (lockIsStale(lock)) rmSync(lock, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`gave up waiting for the shared build ${root} (remove ${lock} if no test is running)`);
      await sleep(250);
      continue;
    }
    try {
      if (existsSync(outcomeFile)) break;
      removeStaleBuilds(name, root);
      rmSync(root, { recursive: true, force: true });
      mkdirSync(root, { recursive: true });
      if ('copyOf' in fixture) copyContent(fixture.copyOf, root);
      else writeFixture(fixture, root);
      const outcome = await buildFixture(root, env, ['--quiet']);
      writeFileSync(outcomeFile, JSON.stringify(outcome));
    } finally {
      if (owner) rmSync(lock, { recursive: true, force: true });
    }
  }
  return JSON.parse(readFileSync(outcomeFile, 'utf8')) as BuildOutcome;
}
