/**
 * The check's cache (scripts/lib/check-cache.ts): a check that reuses what an
 * earlier one found of unchanged articles reports exactly what a check from
 * scratch reports, on the whole catalogue of bad inputs, and still sees what
 * changed since: an edited file, a deleted image, the clock passing an embargo;
 * and it keeps what the rules across files need of an unchanged article.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { beforeAll, describe, expect, it } from 'vitest';
import { siteConfig } from '../../src/config/index.ts';
import { checkContent, type CheckReport } from '../../scripts/lib/check.ts';
import { projectRoot } from '../../scripts/lib/paths.ts';
import { writeFixture } from '../helpers/fixture.ts';
import { ERROR_CASES, WARNING_CASES, writeBase } from './bad-inputs.ts';
import { frontMatter, writeRaw } from './run.ts';

const NOW = new Date('2025-01-01T00:00:00Z');
/** The cache trusts a file's times only when it changed at least this long before a check. */
const SETTLE_MS = 2100;

function fixture(): string {
  const root = writeFixture({ articles: [] });
  writeBase(root);
  for (const item of [...ERROR_CASES, ...WARNING_CASES]) item.write(root);
  writeRaw(root, 'articles/2024/09/co-anh.md', `---\n${frontMatter('Bài có ảnh')}---\n\nẢnh:\n\n![Cảng](./images/anh.jpg)\n`);
  return root;
}

const check = (root: string, cacheDir: string | undefined, now = NOW, only?: string[]) =>
  checkContent({ contentDir: path.join(root, 'content'), config: siteConfig, now, cwd: projectRoot, cacheDir, only });

/** What a reporter sees, and what the build and the cross-file rules use. */
const seen = (report: CheckReport) => ({
  problems: report.problems,
  articles: report.articles,
  errors: report.errors,
  warnings: report.warnings,
  urls: [...report.urls],
  addresses: [...report.addresses],
});

describe('the check cache', () => {
  let root: string;
  let cacheDir: string;
  let fresh: CheckReport;
  let first: CheckReport;
  let second: CheckReport;

  beforeAll(async () => {
    root = fixture();
    cacheDir = mkdtempSync(path.join(os.tmpdir(), 'check-cache-'));
    await sleep(SETTLE_MS);
    fresh = await check(root, undefined);
    first = await check(root, cacheDir);
    second = await check(root, cacheDir);
  });

  it('reports the same as a check without it, the first time and when reused', () => {
    expect(fresh.errors).toBeGreaterThanOrEqual(30);
    expect(fresh.warnings).toBeGreaterThanOrEqual(8);
    expect(fresh.reused).toBe(0);
    expect(first.reused).toBe(0);
    expect(seen(first)).toEqual(seen(fresh));
    expect(seen(second)).toEqual(seen(fresh));
  });

  it('reuses every unchanged article whose checks depend on the file alone', () => {
    // Files that cannot be read as articles (bad bytes, no front matter, MDX that imports files) are always checked.
    expect(second.reused).toBeGreaterThan(second.articles * 0.6);
    expect(second.reused).toBeLessThan(second.articles);
  });

  it('sees an edited article, and reuses the others', async () => {
    const file = path.join(root, 'content/articles/2024/09/bai-hop-le.md');
    writeFileSync(file, `---\n${frontMatter('Bài hợp lệ', 'category: khong-co\n')}---\n\nNội dung.\n`);
    const after = await check(root, cacheDir);
    const fromScratch = await check(root, undefined);
    expect(seen(after)).toEqual(seen(fromScratch));
    expect(after.problems.some((p) => p.file.endsWith('/bai-hop-le.md') && p.severity === 'error')).toBe(true);
    expect(after.reused).toBe(second.reused - 1);
  });

  it('sees a change even when the file keeps its size and modification time', async () => {
    const file = path.join(root, 'content/articles/2024/09/co-anh.md');
    const old = new Date('2024-09-18T09:00:00Z');
    utimesSync(file, old, old);
    await sleep(SETTLE_MS);
    await check(root, cacheDir);
    const warm = await check(root, cacheDir);
    expect(warm.problems.some((p) => p.file.endsWith('/co-anh.md'))).toBe(false);
    const { size } = statSync(file);
    const text = readFileSync(file, 'utf8');
    // "tytle" for "title": same size, and the modification time put back as it was.
    writeFileSync(file, text.replace('title:', 'tytle:'));
    utimesSync(file, old, old);
    expect(statSync(file).size).toBe(size);
    const after = await check(root, cacheDir);
    expect(after.problems.some((p) => p.file.endsWith('/co-anh.md') && p.field === 'tytle')).toBe(true);
    expect(seen(after)).toEqual(seen(await check(root, undefined)));
    writeFileSync(file, text);
  });

  it('looks at the images of unchanged articles again', async () => {
    await sleep(SETTLE_MS);
    await check(root, cacheDir);
    const warm = await check(root, cacheDir);
    expect(warm.problems.filter((p) => p.file.endsWith('/co-anh.md') && p.severity === 'error')).toEqual([]);
    unlinkSync(path.join(root, 'content/articles/2024/09/images/anh.jpg'));
    const after = await check(root, cacheDir);
    expect(after.reused).toBe(warm.reused);
    expect(after.problems.some((p) => p.file.endsWith('/co-anh.md') && /anh\.jpg/.test(p.message) && p.severity === 'error')).toBe(true);
    expect(seen(after)).toEqual(seen(await check(root, undefined)));
  });

  it('judges publication against the clock of each check', async () => {
    const later = new Date('2032-01-01T00:00:00Z');
    const embargoed = (report: CheckReport) => report.problems.filter((p) => p.file.endsWith('/tuong-lai.md') && p.field === 'date');
    expect(embargoed(await check(root, cacheDir))).toHaveLength(1);
    const after = await check(root, cacheDir, later);
    expect(embargoed(after)).toEqual([]);
    expect(seen(after)).toEqual(seen(await check(root, undefined, later)));
    // And back: the clock of a preview build can be set before an embargo.
    expect(seen(await check(root, cacheDir))).toEqual(seen(await check(root, undefined)));
  });

  it('does not trust the times of a file written just before a check', async () => {
    const warm = await check(root, cacheDir);
    writeRaw(root, 'articles/2024/09/vua-viet.md', `---\n${frontMatter('Bài vừa viết')}---\n\nNội dung.\n`);
    const first = await check(root, cacheDir);
    const again = await check(root, cacheDir);
    expect(again.articles).toBe(warm.articles + 1);
    expect(again.reused).toBe(first.reused);
    expect(again.reused).toBeLessThanOrEqual(warm.reused);
  });

  it('reports only the named files but reuses the others for the rules across files', async () => {
    await sleep(SETTLE_MS);
    await check(root, cacheDir);
    const only = [path.join(root, 'content/articles/2024/09/tuong-lai.md')];
    const staged = await check(root, cacheDir, NOW, only);
    const fromScratch = await check(root, undefined, NOW, only);
    expect(seen(staged)).toEqual(seen(fromScratch));
    expect(staged.articles).toBe(1);
    expect(staged.reused).toBeGreaterThan(0);
  });

  it('keeps the spellings of tags and authors: a named file is warned of spellings in unchanged files', async () => {
    await sleep(SETTLE_MS);
    await check(root, cacheDir);
    const only = [path.join(root, 'content/articles/2024/09/bao-chi.md')];
    const staged = await check(root, cacheDir, NOW, only);
    expect(staged.reused).toBeGreaterThan(staged.articles);
    expect(staged.problems.map((p) => `${p.file}:${p.line}: ${p.field}: ${p.severity}: ${p.message.slice(0, 40)}`)).toEqual([
      'content/articles/2024/09/bao-chi.md:6: tags.0: warning: "Báo" here and "Bão" on the page /chu-de',
    ]);
    expect(seen(staged)).toEqual(seen(await check(root, undefined, NOW, only)));
  });

  it('starts afresh when the site configuration changes', async () => {
    const config = { ...siteConfig, leadWarnLength: 10 };
    const contentDir = path.join(root, 'content');
    const changed = await checkContent({ contentDir, config, now: NOW, cwd: projectRoot, cacheDir });
    expect(changed.reused).toBe(0);
    expect(seen(changed)).toEqual(seen(await checkContent({ contentDir, config, now: NOW, cwd: projectRoot })));
    rmSync(cacheDir, { recursive: true, force: true });
  });
});
