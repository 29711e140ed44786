/**
 * The benchmark harness: the corpus generator is deterministic and follows the
 * content contract, and `npm run bench` runs the real build and reports every
 * figure. Correctness only: no test here asserts a duration.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { BENCH_NOW, generateCorpus } from '../../scripts/lib/corpus.ts';
import { checkContent } from '../../scripts/lib/check.ts';
import { projectRoot } from '../../scripts/lib/paths.ts';
import { siteConfig } from '../../src/config/index.ts';

const run = promisify(execFile);
const temporary: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsroom-corpus-'));
  temporary.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** Every file under a folder with its bytes, by relative path. */
function snapshot(dir: string): Map<string, Buffer> {
  const files = (readdirSync(dir, { recursive: true, withFileTypes: true }) as import('node:fs').Dirent[])
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(dir, path.join(entry.parentPath, entry.name)))
    .sort();
  return new Map(files.map((file) => [file, readFileSync(path.join(dir, file))]));
}

describe('corpus generator', () => {
  it('writes identical files for the same seed, and other files for another seed', async () => {
    const [a, b, c] = [tempDir(), tempDir(), tempDir()];
    const summary = await generateCorpus(a, { articles: 120, images: 3, seed: 7 });
    await generateCorpus(b, { articles: 120, images: 3, seed: 7 });
    await generateCorpus(c, { articles: 120, images: 3, seed: 8 });
    const first = snapshot(a);
    const second = snapshot(b);
    expect([...second.keys()]).toEqual([...first.keys()]);
    for (const [file, bytes] of first) expect(second.get(file)!.equals(bytes), file).toBe(true);
    expect(snapshot(c)).not.toEqual(first);

    expect(summary.files).toBe(120);
    expect(summary.withImages).toBe(3);
    expect([...first.keys()].filter((file) => file.endsWith('.md'))).toHaveLength(120);
    expect([...first.keys()].filter((file) => file.endsWith('.jpg'))).toHaveLength(6);
    expect(summary.published + summary.drafts + summary.future).toBe(120);
  });

  it('follows the content contract: the check finds no error', async () => {
    const root = tempDir();
    const summary = await generateCorpus(root, { articles: 400, images: 2 });
    const report = await checkContent({ contentDir: summary.contentDir, config: siteConfig, now: new Date(BENCH_NOW), cwd: root });
    expect(report.problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(report.articles).toBe(400);
    // Drafts and future-dated articles are there to be left out.
    expect(summary.drafts).toBeGreaterThan(0);
    expect(summary.future).toBeGreaterThan(0);
    const texts = [...snapshot(summary.contentDir)].filter(([file]) => file.endsWith('.md')).map(([, bytes]) => bytes.toString('utf8'));
    // The three date forms, both source forms, photographers, subheadings, Vietnamese diacritics.
    expect(texts.some((text) => /^date: \d{4}-\d\d-\d\d$/m.test(text))).toBe(true);
    expect(texts.some((text) => /^date: \d{4}-\d\d-\d\d \d\d:\d\d$/m.test(text))).toBe(true);
    expect(texts.some((text) => /^date: \d{4}-\d\d-\d\dT\d\d:\d\d:00\+07:00$/m.test(text))).toBe(true);
    expect(texts.some((text) => /^source: \S/m.test(text)) && texts.some((text) => /^source:\n {2}name: /m.test(text))).toBe(true);
    expect(texts.some((text) => /^photographer: /m.test(text))).toBe(true);
    expect(texts.every((text) => /^## /m.test(text))).toBe(true);
    expect(texts.every((text) => /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i.test(text))).toBe(true);
  });
});

describe('npm run bench', () => {
  it('builds 200 articles cold and warm and reports every figure', { timeout: 600_000 }, async () => {
    const out = path.join(tempDir(), 'bench.json');
    const { stdout } = await run('npm', ['run', 'bench', '--', '--articles', '200', '--warm', '--json', out], {
      cwd: projectRoot,
      env: { ...process.env, NO_COLOR: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(stdout).toMatch(/Cold build: ok/);
    expect(stdout).toMatch(/Warm \(edited .*\) build: ok/);
    const report = JSON.parse(readFileSync(out, 'utf8'));
    expect(report.corpus.files).toBe(200);
    for (const check of [report.check, report.checkAgain]) {
      expect(check.code).toBe(0);
      expect(check.wallMs).toBeGreaterThan(0);
    }
    for (const build of [report.cold, report.warm]) {
      expect(build.ok).toBe(true);
      for (const key of ['wallMs', 'cpuMs', 'peakTreeRssBytes', 'peakProcessRssBytes', 'pages', 'outputFiles', 'outputBytes', 'msPerArticle']) {
        expect(build[key], key).toBeGreaterThan(0);
      }
      expect(build.pages).toBeGreaterThan(report.corpus.published);
      for (const phase of ['check', 'astro', 'astro.sync', 'astro.bundle', 'astro.generate', 'astro.pages', 'search', 'search.read', 'search.pagefind', 'cleanup', 'swap']) {
        expect(build.phases[phase], phase).toBeGreaterThanOrEqual(0);
      }
    }
    // The cold build renders every published article; the warm one only the edited one.
    expect(report.cold.rendered).toBe(report.corpus.published);
    expect(report.cold.cached).toBe(0);
    expect(report.warm.rendered).toBe(1);
    expect(report.warm.cached).toBe(report.corpus.published - 1);
    expect(report.warm.pages).toBe(report.cold.pages);
  });
});
