/**
 * The catalogue of bad inputs, through the real `npm run check` script and the
 * real production build: each case must be named by one report line with the
 * exact file, line and field, and make the run exit 1 (errors) or 0 (warnings).
 */
import { existsSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildFixture, page, text, writeFixture, type BuildOutcome } from '../helpers/fixture.ts';
import { CATEGORY_CASES, ERROR_CASES, WARNING_CASES, writeBase, type Expected } from './bad-inputs.ts';
import { findLine, runCheck, type CheckOutcome } from './run.ts';

const NOW = { NEWSROOM_NOW: '2025-01-01T00:00:00Z' };
/** Builds of one checkout wait for each other (see acquireBuildLock): allow for a queue. */
const BUILD_TIMEOUT = 600_000;

function fixtureWith(cases: { write: (root: string) => void }[]): string {
  const root = writeFixture({ articles: [] });
  writeBase(root);
  for (const item of cases) item.write(root);
  return root;
}

function expectLine(lines: string[], expected: Expected, severity: 'error' | 'warning'): void {
  const line = findLine(lines, expected.file, expected.line, expected.field, expected.text);
  expect(line, `no line "${expected.file}:${expected.line}: ${expected.field}: …${expected.text}…" in:\n${lines.join('\n')}`).toBeDefined();
  const tagged = line!.startsWith(`${expected.file}:${expected.line}: ${expected.field ? `${expected.field}: ` : ''}warning: `);
  expect(tagged).toBe(severity === 'warning');
}

describe('npm run check: errors', () => {
  let result: CheckOutcome;
  beforeAll(async () => {
    expect(ERROR_CASES.length).toBeGreaterThanOrEqual(30);
    result = await runCheck(fixtureWith(ERROR_CASES));
  });

  it.each(ERROR_CASES)('$name', (item) => {
    expect(result.code).toBe(1);
    for (const expected of item.expect) expectLine(result.lines, expected, 'error');
  });

  it('reports every file in one run, grouped per file, with a closing count', () => {
    const problemLines = result.lines.filter((line) => /^content\/.+:\d+: /.test(line));
    const files = problemLines.map((line) => line.slice(0, line.indexOf(':')));
    // Grouped: once a file's lines end, the file does not come back.
    const order = files.filter((file, index) => file !== files[index - 1]);
    expect(new Set(order).size).toBe(order.length);
    const expectedFiles = new Set(ERROR_CASES.flatMap((item) => item.expect.map((e) => e.file)));
    for (const file of expectedFiles) expect(files).toContain(file);
    const errors = problemLines.filter((line) => !/: warning: /.test(line)).length;
    const warnings = problemLines.length - errors;
    const summary = result.lines.filter((line) => line.trim() !== '').at(-1);
    expect(summary).toMatch(
      new RegExp(`^${errors} errors, ${warnings} warnings? in ${new Set(files).size} files \\(\\d+ articles checked\\)$`),
    );
  });

  it('does not crash or print a stack trace', () => {
    expect(result.stderr).toBe('');
    expect(result.stdout).not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  });
});

describe('npm run build: refuses the same errors before Astro, with the same report', () => {
  let build: BuildOutcome;
  beforeAll(async () => {
    build = await buildFixture(fixtureWith(ERROR_CASES), NOW, ['--quiet']);
  }, BUILD_TIMEOUT);

  it.each(ERROR_CASES)('$name', (item) => {
    expect(build.code).toBe(1);
    for (const expected of item.expect) expectLine(build.stderr.split('\n'), expected, 'error');
  });

  it('says the live site is unchanged and writes no output', () => {
    expect(build.stderr).toContain('The site was not built');
    expect(existsSync(build.outDir)).toBe(false);
    expect(existsSync(path.join(build.root, '.build/next'))).toBe(false);
  });
});

describe('broken categories.yaml', () => {
  const runs = new Map<string, { check: CheckOutcome; build: BuildOutcome }>();
  beforeAll(async () => {
    await Promise.all(
      CATEGORY_CASES.map(async (item) => {
        const root = fixtureWith([]);
        writeFileSync(path.join(root, 'content/categories.yaml'), item.categories);
        const [check, build] = await Promise.all([runCheck(root), buildFixture(root, NOW, ['--quiet'])]);
        runs.set(item.name, { check, build });
      }),
    );
  }, BUILD_TIMEOUT);

  it.each(CATEGORY_CASES)('npm run check: $name', (item) => {
    const { check } = runs.get(item.name)!;
    expect(check.code).toBe(1);
    for (const expected of item.expect) expectLine(check.lines, { file: 'content/categories.yaml', ...expected }, 'error');
  });

  it.each(CATEGORY_CASES)('npm run build: $name', (item) => {
    const { build } = runs.get(item.name)!;
    expect(build.code).toBe(1);
    for (const expected of item.expect) expectLine(build.stderr.split('\n'), { file: 'content/categories.yaml', ...expected }, 'error');
  });

  it('does not blame the articles for the broken categories file', () => {
    for (const { check } of runs.values()) expect(check.stdout).not.toContain('bai-hop-le.md');
  });
});

describe('warnings', () => {
  let check: CheckOutcome;
  let build: BuildOutcome;
  beforeAll(async () => {
    const root = fixtureWith(WARNING_CASES);
    [check, build] = await Promise.all([runCheck(root), buildFixture(root, NOW, ['--quiet'])]);
  }, BUILD_TIMEOUT);

  it.each(WARNING_CASES)('npm run check: $name', (item) => {
    expect(check.code).toBe(0);
    for (const expected of item.expect) expectLine(check.lines, expected, 'warning');
  });

  it.each(WARNING_CASES)('npm run build: $name', (item) => {
    expect(build.code).toBe(0);
    for (const expected of item.expect) expectLine(build.stdout.split('\n'), expected, 'warning');
  });

  it('names the spelling that the built tag and author pages show', () => {
    const pages: [url: string, file: string][] = [
      ['/chu-de/bao/', 'bao-chi.md'],
      ['/chu-de/hai-phong/', 'khong-dau.md'],
      ['/tac-gia/le-oanh/', 'tac-gia-khac-dau.md'],
    ];
    for (const [url, file] of pages) {
      const warning = check.lines.find((line) => line.includes(`/${file}:`) && line.includes(` on the page ${url} `));
      const named = /"([^"]+)" on the page /.exec(warning ?? '')?.[1];
      expect(named, `no warning on ${file} naming ${url}`).toBeDefined();
      expect(text(page(build.outDir, url).querySelector('h1'))).toBe(named);
    }
  });

  it('builds the site despite warnings', () => {
    expect(build.stderr).toBe('');
    expect(existsSync(path.join(build.outDir, 'chinh-tri/bai-hop-le/index.html'))).toBe(true);
  });
});
