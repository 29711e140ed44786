/**
 * Runs `npm run check` (the real script, as a child process) on a fixture
 * content folder, and helpers to write raw article files into one.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { projectRoot } from '../../scripts/lib/paths.ts';

const run = promisify(execFile);

export interface CheckOutcome {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout split into lines. */
  lines: string[];
}

const nodeBin = path.join(projectRoot, 'node_modules/.bin/node');

/** Runs a script of this repository on the fixture at `root` (from writeFixture). Never throws on exit 1. */
export async function runScript(
  script: string,
  root: string,
  args: string[] = [],
  env: Record<string, string> = {},
  cwd = projectRoot,
): Promise<CheckOutcome> {
  try {
    const { stdout, stderr } = await run(nodeBin, [path.join(projectRoot, script), ...args], {
      cwd,
      // As if typed in `cwd`, not under an npm script (whose INIT_CWD would name another folder).
      env: { ...process.env, INIT_CWD: undefined, npm_lifecycle_event: undefined, NEWSROOM_CONTENT_DIR: path.join(root, 'content'), ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr, lines: stdout.split('\n') };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    const stdout = e.stdout ?? '';
    return { code: typeof e.code === 'number' ? e.code : 1, stdout, stderr: e.stderr ?? '', lines: stdout.split('\n') };
  }
}

export function runCheck(root: string, args: string[] = [], env: Record<string, string> = {}, cwd?: string) {
  return runScript('scripts/check-content.ts', root, args, { NEWSROOM_NOW: '2025-01-01T00:00:00Z', ...env }, cwd);
}

/** Writes a file under the fixture's content/ folder, creating folders. */
export function writeRaw(root: string, relative: string, contents: string | Uint8Array): string {
  const file = path.join(root, 'content', relative);
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, contents);
  return file;
}

/** A valid front matter, to which a case adds or changes one thing. */
export function frontMatter(title: string, extra = '', category = 'chinh-tri'): string {
  return `title: ${title}\ncategory: ${category}\ndate: 2024-09-18 16:00\nauthor: Lê Oanh\n${extra}`;
}

/** The report line for a problem: `file:line: field: ...`, or undefined. */
export function findLine(lines: string[], file: string, line: number, field: string, text: string): string | undefined {
  const prefix = `${file}:${line}: ${field ? `${field}: ` : ''}`;
  return lines.find((candidate) => candidate.startsWith(prefix) && candidate.includes(text));
}
