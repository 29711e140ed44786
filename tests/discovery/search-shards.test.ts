/**
 * The search index of a large archive: split into indexes by day of
 * publication, kept in the cache folder, and rebuilt only where articles changed.
 * Runs the real integration code and Pagefind on a folder of hand-written pages.
 */
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSearchIndex, clearSearchScratch } from '../../scripts/lib/search-index.ts';
import { writeAllStandIns } from '../../scripts/lib/search-stand-ins.ts';

const options = { language: 'vi', timeZone: 'Asia/Ho_Chi_Minh', dateFormat: 'dd/MM/yyyy', shardSize: 2 };

function writePage(outDir: string, slug: string, day: string, text: string): void {
  const folder = path.join(outDir, 'xa-hoi', slug);
  mkdirSync(folder, { recursive: true });
  writeFileSync(
    path.join(folder, 'index.html'),
    `<!doctype html><html lang="vi"><head><title>${slug}</title></head><body><article data-pagefind-body>` +
      `<h1 data-pagefind-meta="title">${slug}</h1><span hidden data-pagefind-meta="date">${day}T03:00:00.000Z</span>` +
      `<p>${text}</p></article></body></html>`,
  );
}

describe('sharded search index', () => {
  it('splits by day, lists the older indexes in shards.json, and reuses unchanged ones', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'search-shards-'));
    const outDir = path.join(root, 'dist');
    const cacheDir = path.join(root, 'cache');
    writePage(outDir, 'a', '2024-09-01', 'Cảng biển đón tàu');
    writePage(outDir, 'b', '2024-09-01', 'Mưa lớn ngập phố');
    writePage(outDir, 'c', '2024-09-02', 'Học sinh tựu trường');
    writePage(outDir, 'd', '2024-09-03', 'Chợ đêm mở cửa');
    writePage(outDir, 'e', '2024-09-04', 'Giải chạy ven biển');
    mkdirSync(path.join(outDir, 'gioi-thieu'), { recursive: true });
    writeFileSync(path.join(outDir, 'gioi-thieu', 'index.html'), '<!doctype html><html lang="vi"><body><p>Không phải bài viết</p></body></html>');

    const first = await buildSearchIndex(outDir, options, cacheDir);
    expect(first).toMatchObject({ pages: 5, built: 3, reused: 0 });
    const shards = JSON.parse(readFileSync(path.join(outDir, 'pagefind', 'shards.json'), 'utf8')) as string[];
    expect(shards).toEqual(['/pagefind/2024-09-01_2024-09-01/', '/pagefind/2024-09-02_2024-09-03/']);
    for (const shard of ['', ...shards.map((url) => url.replace('/pagefind/', ''))]) {
      const folder = path.join(outDir, 'pagefind', shard);
      expect(existsSync(path.join(folder, 'pagefind.js'))).toBe(true);
      expect(readdirSync(folder).filter((name) => /pagefind-(ui|modular-ui|component-ui|highlight)/.test(name))).toEqual([]);
    }
    // Each index holds its own days' articles.
    const fragments = (shard: string) => readdirSync(path.join(outDir, 'pagefind', shard, 'fragment')).length;
    expect([fragments('2024-09-01_2024-09-01'), fragments('2024-09-02_2024-09-03'), fragments('')]).toEqual([2, 2, 1]);

    // The completion files of half-typed words: words of every index, most frequent first; the
    // word counts kept beside each index are not published.
    const words = (bucket: string) => JSON.parse(readFileSync(path.join(outDir, 'pagefind', 'words', `${bucket}.json`), 'utf8')) as string[];
    expect(words('bi')).toEqual(['bien']);
    expect(words('ch')).toEqual(['chay', 'cho']);
    expect(words('c')).toEqual(['c', 'cang', 'chay', 'cho', 'cua']);
    // The list of the buckets that have a file.
    expect(words('buckets')).toEqual(expect.arrayContaining(['bi', 'c', 'ch', 'do']));
    expect(words('buckets')).not.toContain('xq');
    for (const bucket of words('buckets')) expect(existsSync(path.join(outDir, 'pagefind', 'words', `${bucket}.json`))).toBe(true);
    expect(readdirSync(path.join(outDir, 'pagefind'), { recursive: true }).map(String).filter((name) => name.includes('newsroom-words'))).toEqual([]);

    // Nothing changed: every index comes from the cache.
    expect(await buildSearchIndex(outDir, options, cacheDir)).toMatchObject({ pages: 5, built: 0, reused: 3 });
    expect(words('bi')).toEqual(['bien']);

    // One article edited: only its index is built again, and the stale one leaves the cache.
    writePage(outDir, 'c', '2024-09-02', 'Học sinh tựu trường sớm, chợ đông');
    expect(await buildSearchIndex(outDir, options, cacheDir)).toMatchObject({ pages: 5, built: 1, reused: 2 });
    expect(readdirSync(path.join(cacheDir, 'newsroom-search'))).toHaveLength(3);
    expect(words('ch')).toEqual(['cho', 'chay']);
    expect(words('do')).toEqual(['don', 'dong']);

    // Indexes kept by code that did not count their words get them counted from their stand-ins.
    let removed = 0;
    for (const kept of readdirSync(path.join(cacheDir, 'newsroom-search'))) {
      for (const name of readdirSync(path.join(cacheDir, 'newsroom-search', kept))) {
        if (!name.startsWith('newsroom-words')) continue;
        rmSync(path.join(cacheDir, 'newsroom-search', kept, name));
        removed += 1;
      }
    }
    expect(removed).toBe(3);
    expect(await buildSearchIndex(outDir, options, cacheDir)).toMatchObject({ built: 0, reused: 3 });
    expect(words('ch')).toEqual(['cho', 'chay']);

    // The scratch folders of these builds are left for the next build, which deletes them.
    const scratch = () => readdirSync(cacheDir).filter((name) => name.startsWith('newsroom-search-scratch-'));
    expect(scratch()).toHaveLength(4);
    await clearSearchScratch(cacheDir);
    expect(scratch()).toEqual([]);
    expect(readdirSync(path.join(cacheDir, 'newsroom-search'))).toHaveLength(3);
  });

  it('writes an empty index when nothing is published', async () => {
    const outDir = mkdtempSync(path.join(os.tmpdir(), 'search-empty-'));
    writeFileSync(path.join(outDir, 'index.html'), '<!doctype html><html lang="vi"><body><p>Trang chủ</p></body></html>');
    expect(await buildSearchIndex(outDir, options)).toMatchObject({ pages: 0, built: 1 });
    expect(existsSync(path.join(outDir, 'pagefind', 'pagefind.js'))).toBe(true);
    expect(JSON.parse(readFileSync(path.join(outDir, 'pagefind', 'shards.json'), 'utf8'))).toEqual([]);
  });

  it('fails with what Pagefind printed when it fails or indexes other than every article', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'search-fails-'));
    const outDir = path.join(root, 'dist');
    writePage(outDir, 'a', '2024-09-01', 'Cảng biển đón tàu');
    writePage(outDir, 'b', '2024-09-02', 'Mưa lớn ngập phố');
    // A stand-in for Pagefind's binary (`PAGEFIND_EXTENDED_BINARY_PATH` is honoured as by its Node API).
    const fake = (name: string, script: string) => {
      const file = path.join(root, name);
      writeFileSync(file, `#!/bin/sh\n${script}\n`, { mode: 0o755 });
      return file;
    };
    const previous = process.env.PAGEFIND_EXTENDED_BINARY_PATH;
    try {
      process.env.PAGEFIND_EXTENDED_BINARY_PATH = fake('crash', 'echo "Error: disk full"; exit 3');
      await expect(buildSearchIndex(outDir, { ...options, shardSize: 10 })).rejects.toThrow(/Pagefind failed \(exit 3\):\nError: disk full/);
      process.env.PAGEFIND_EXTENDED_BINARY_PATH = fake('short', 'echo "  Indexed 1 page"');
      await expect(buildSearchIndex(outDir, { ...options, shardSize: 10 })).rejects.toThrow(/Pagefind indexed 1 pages of 2 \(2024-09-01…2024-09-02\)/);
    } finally {
      if (previous === undefined) delete process.env.PAGEFIND_EXTENDED_BINARY_PATH;
      else process.env.PAGEFIND_EXTENDED_BINARY_PATH = previous;
    }
  });
});

describe('stand-in pages', () => {
  it('are the same on worker threads as on the calling thread', async () => {
    const outDir = mkdtempSync(path.join(os.tmpdir(), 'search-threads-'));
    const files: string[] = [];
    for (let i = 0; i < 9; i += 1) {
      writePage(outDir, `bai-${i}`, `2024-09-0${1 + (i % 3)}`, `Tin số ${i}: đường ven sông`);
      files.push(`xa-hoi/bai-${i}/index.html`);
    }
    const job = (standInDir: string) => ({ outDir, standInDir, files, options, known: {} });
    const [one, two] = [mkdtempSync(path.join(os.tmpdir(), 'one-')), mkdtempSync(path.join(os.tmpdir(), 'two-'))];
    const single = await writeAllStandIns(job(one), 1);
    const threaded = await writeAllStandIns(job(two), 2);
    expect(threaded.standIns).toEqual(single.standIns);
    expect([single.parsed, threaded.parsed]).toEqual([9, 9]);
    expect(single.standIns.map((standIn) => standIn.day)).toContain('2024-09-03');
    for (const { digest } of single.standIns) {
      expect(readFileSync(path.join(two, `${digest}.html`), 'utf8')).toBe(readFileSync(path.join(one, `${digest}.html`), 'utf8'));
    }
  });

  it('are kept between builds: unchanged pages are not parsed again, changed ones are', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'search-known-'));
    const outDir = path.join(root, 'dist');
    const cacheDir = path.join(root, 'cache');
    for (let i = 0; i < 4; i += 1) writePage(outDir, `bai-${i}`, '2024-09-01', `Tin số ${i}`);
    writeFileSync(path.join(outDir, 'index.html'), '<!doctype html><html lang="vi"><body><p>Trang chủ</p></body></html>');
    expect(await buildSearchIndex(outDir, options, cacheDir)).toMatchObject({ pages: 4, parsed: 5 });
    const fragments = () => readdirSync(path.join(outDir, 'pagefind'), { recursive: true }).map(String).filter((name) => name.includes('fragment/')).sort();
    const before = fragments();
    expect(await buildSearchIndex(outDir, options, cacheDir)).toMatchObject({ pages: 4, parsed: 0, built: 0 });
    expect(fragments()).toEqual(before);
    writePage(outDir, 'bai-2', '2024-09-01', 'Tin số 2, đã sửa');
    expect(await buildSearchIndex(outDir, options, cacheDir)).toMatchObject({ pages: 4, parsed: 1, built: 1 });
    // Stand-ins of pages that are gone are not kept.
    const [version] = readdirSync(path.join(cacheDir, 'newsroom-search-pages'));
    expect(readdirSync(path.join(cacheDir, 'newsroom-search-pages', version!)).filter((name) => name.endsWith('.html'))).toHaveLength(4);
  });
});
