/**
 * Builds a small fixture newsroom made by a test into a temporary folder,
 * through the real production build (`scripts/build.ts`), and parses its output.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync, copyFileSync, existsSync, readdirSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseHTML } from 'linkedom';
import { projectRoot } from '../../scripts/lib/paths.ts';

const run = promisify(execFile);

export interface FixtureArticle {
  /** Path under articles/, e.g. "2024/09/bai-viet.md". */
  path: string;
  /** Front matter as YAML text (without the --- lines), written as is. */
  frontMatter: string;
  body?: string;
}

export interface FixtureSpec {
  categories?: string;
  articles: FixtureArticle[];
  /** Files to copy into the content folder: target path under content/ -> source path. */
  files?: Record<string, string>;
}

export const DEFAULT_CATEGORIES = `- slug: chinh-tri
  name: Chính trị
  description: Tin chính trị
- slug: kinh-te
  name: Kinh tế
- slug: xa-hoi
  name: Xã hội
`;

/** A sample JPEG shipped with the sample content, for fixtures that need a photo. */
export const SAMPLE_IMAGE = path.join(projectRoot, 'tests/helpers/sample.jpg');

/** Writes a content folder for a fixture; returns its path. */
export function writeFixture(spec: FixtureSpec, root = mkdtempSync(path.join(os.tmpdir(), 'newsroom-'))): string {
  const contentDir = path.join(root, 'content');
  mkdirSync(path.join(contentDir, 'articles'), { recursive: true });
  writeFileSync(path.join(contentDir, 'categories.yaml'), spec.categories ?? DEFAULT_CATEGORIES);
  for (const article of spec.articles) {
    const file = path.join(contentDir, 'articles', article.path);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, `---\n${article.frontMatter.trim()}\n---\n${article.body ?? 'Nội dung bài viết.'}\n`);
  }
  for (const [target, source] of Object.entries(spec.files ?? {})) {
    const file = path.join(contentDir, target);
    mkdirSync(path.dirname(file), { recursive: true });
    copyFileSync(source, file);
  }
  return root;
}

export interface BuildOutcome {
  code: number;
  stdout: string;
  stderr: string;
  outDir: string;
  root: string;
}

/** Runs the production build of a fixture folder (from `writeFixture`). Never throws on a failed build. */
export async function buildFixture(root: string, env: Record<string, string> = {}, args: string[] = []): Promise<BuildOutcome> {
  const outDir = path.join(root, 'dist');
  const nodeBin = path.join(projectRoot, 'node_modules/.bin/node');
  try {
    const { stdout, stderr } = await run(
      nodeBin,
      ['scripts/build.ts', '--out', outDir, '--work', path.join(root, '.build'), ...args],
      {
        cwd: projectRoot,
        env: { ...process.env, NEWSROOM_CONTENT_DIR: path.join(root, 'content'), ASTRO_TELEMETRY_DISABLED: '1', ...env },
        maxBuffer: 64 * 1024 * 1024,
      },
    );
    return { code: 0, stdout, stderr, outDir, root };
  } catch (error) {
    const e = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof e.code === 'number' ? e.code : 1, stdout: e.stdout ?? '', stderr: e.stderr ?? '', outDir, root };
  }
}

/** Parses a built page: `page(outDir, '/chinh-tri/')` reads chinh-tri/index.html. */
export function page(outDir: string, urlPath: string): Document {
  const clean = urlPath.replace(/^\//, '');
  const file = clean === '' || clean.endsWith('/') ? path.join(outDir, clean, 'index.html') : path.join(outDir, clean);
  return parseHTML(readFileSync(file, 'utf8')).document as unknown as Document;
}

export function exists(outDir: string, relative: string): boolean {
  return existsSync(path.join(outDir, relative));
}

/** Every file under a folder, relative paths. */
export function listFiles(dir: string): string[] {
  const out: string[] = [];
  const walk = (current: string) => {
    for (const name of readdirSync(current)) {
      const full = path.join(current, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(path.relative(dir, full));
    }
  };
  walk(dir);
  return out.sort();
}

/** Text content with whitespace collapsed. */
export function text(node: Element | null | undefined): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}
