/**
 * The pages put into the staging folder before Astro generates (warm builds):
 * copies of Astro's cached copies, and those Astro did not produce removed
 * afterwards. The whole build is tested in tests/build/incremental.test.ts.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prefillPages, removeUnproduced } from '../../scripts/lib/page-prefill.ts';

function manifest(cacheDir: string, files: string[]): void {
  const paths = Object.fromEntries(files.map((file) => [`/${file}`, { cacheKey: 'k', outputFile: file }]));
  writeFileSync(path.join(cacheDir, 'incremental-build.json'), JSON.stringify({ version: 1, routes: { 'src/pages/[...path].astro': { paths } } }));
}

function cached(cacheDir: string, file: string, text: string): void {
  const target = path.join(cacheDir, 'dist', file);
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, text);
}

describe('page prefill', () => {
  it('copies the cached copies of the manifest pages, and only those inside the output folder', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'prefill-'));
    const [cacheDir, outDir] = [path.join(root, 'cache'), path.join(root, 'next')];
    mkdirSync(cacheDir);
    cached(cacheDir, 'chinh-tri/bai-1/index.html', '<p>Bài 1</p>');
    cached(cacheDir, 'chinh-tri/index.html', '<p>Chính trị</p>');
    cached(cacheDir, 'secret.html', 'x');
    // No cached copy: left to Astro. Outside the folder: never.
    manifest(cacheDir, ['chinh-tri/bai-1/index.html', 'chinh-tri/index.html', 'kinh-te/bai-2/index.html', '../secret.html']);
    expect(prefillPages(cacheDir, outDir)).toEqual(['chinh-tri/bai-1/index.html', 'chinh-tri/index.html']);
    expect(readFileSync(path.join(outDir, 'chinh-tri/bai-1/index.html'), 'utf8')).toBe('<p>Bài 1</p>');
    expect(existsSync(path.join(outDir, 'kinh-te'))).toBe(false);
    expect(existsSync(path.join(root, 'secret.html'))).toBe(false);
  });

  it('copies nothing without a readable manifest', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'prefill-'));
    mkdirSync(path.join(root, 'cache'));
    expect(prefillPages(path.join(root, 'cache'), path.join(root, 'next'))).toEqual([]);
    writeFileSync(path.join(root, 'cache', 'incremental-build.json'), '{ not json');
    expect(prefillPages(path.join(root, 'cache'), path.join(root, 'next'))).toEqual([]);
  });

  it('removes the copies the new manifest does not list and Astro did not write, and the folders left empty', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'prefill-'));
    const [cacheDir, outDir] = [path.join(root, 'cache'), path.join(root, 'next')];
    mkdirSync(cacheDir);
    const files = ['chinh-tri/bai-1/index.html', 'chinh-tri/bai-2/index.html', 'chinh-tri/bai-3/index.html', 'chinh-tri/index.html'];
    for (const file of files) cached(cacheDir, file, file);
    manifest(cacheDir, files);
    const copied = prefillPages(cacheDir, outDir);
    const copiedAt = Date.now();
    // The build that followed dropped bai-1 and bai-3 from its manifest, wrote
    // bai-3 again all the same (a route without a cache key) and a page of its own.
    const written = path.join(outDir, 'chinh-tri/bai-3/index.html');
    writeFileSync(written, 'mới');
    utimesSync(written, new Date(copiedAt + 1000), new Date(copiedAt + 1000));
    manifest(cacheDir, ['chinh-tri/bai-2/index.html', 'chinh-tri/index.html', 'xa-hoi/index.html']);
    expect(removeUnproduced(cacheDir, outDir, copied, copiedAt)).toEqual(['chinh-tri/bai-1/index.html']);
    expect(readFileSync(written, 'utf8')).toBe('mới');
    expect(existsSync(path.join(outDir, 'chinh-tri/bai-1'))).toBe(false);
    expect(readFileSync(path.join(outDir, 'chinh-tri/bai-2/index.html'), 'utf8')).toBe('chinh-tri/bai-2/index.html');
    expect(existsSync(path.join(outDir, 'chinh-tri/index.html'))).toBe(true);
  });
});
