/**
 * Incremental builds must never ship a stale page. A warm build after an edit
 * (content cache, rendered bodies, Astro's page cache and the search indexes
 * all kept, most pages copied from the last build) must write exactly the site
 * a cold build of the same content writes, byte for byte.
 */
import { cpSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildFixture, writeFixture, type FixtureArticle } from '../helpers/fixture.ts';

const NOW = { NEWSROOM_NOW: '2025-01-01T00:00:00+07:00' };
const TAGS = ['giao thông', 'cảng biển', 'giáo dục', 'y tế'];

function articles(): FixtureArticle[] {
  return Array.from({ length: 14 }, (_, i) => ({
    path: `2024/${String(9 + (i % 3)).padStart(2, '0')}/bai-${i}.md`,
    frontMatter: [
      `title: Bài số ${i} về ${TAGS[i % 4]}`,
      `category: ${['chinh-tri', 'kinh-te', 'xa-hoi'][i % 3]}`,
      `date: 2024-${String(9 + (i % 3)).padStart(2, '0')}-${String(1 + i).padStart(2, '0')} 08:00`,
      `author: ${['Lê Oanh', 'Trần Minh'][i % 2]}`,
      `tags: [${TAGS[i % 4]}, ${TAGS[(i + 1) % 4]}]`,
      i % 2 ? `lead: Tóm tắt bài số ${i}.` : '',
    ]
      .filter(Boolean)
      .join('\n'),
    body: `Đoạn mở đầu của bài số ${i}, nói về ${TAGS[i % 4]} ở thành phố cảng.\n\n## Diễn biến\n\nĐoạn thứ hai của bài số ${i}.`,
  }));
}

/** Every file of a folder, relative path -> contents. */
function tree(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const file = path.join(entry.parentPath, entry.name);
    out.set(path.relative(dir, file), readFileSync(file).toString('base64'));
  }
  return out;
}

describe('incremental build', () => {
  it('a warm build after an edit writes the same site as a cold build', async () => {
    const root = writeFixture({ articles: articles() });
    const cold = await buildFixture(root, NOW);
    expect(cold.code, cold.stderr).toBe(0);

    // Edit one article: new title (shown in lists, related news, feeds) and body.
    const edited = path.join(root, 'content/articles/2024/10/bai-1.md');
    writeFileSync(edited, readFileSync(edited, 'utf8').replace('title: Bài số 1 về cảng biển', 'title: Tàu lớn cập cảng').replace('Đoạn thứ hai', 'Đoạn mới'));
    const warm = await buildFixture(root, NOW);
    expect(warm.code, warm.stderr).toBe(0);
    expect(warm.stdout).toMatch(/1 rendered, 13 from the cache/);
    // Pages that show nothing of the edited article came from the last build.
    expect((warm.stdout.match(/\((cached|restored)\)/g) ?? []).length).toBeGreaterThan(5);

    // The same content, built from nothing.
    const fresh = writeFixture({ articles: [] });
    cpSync(path.join(root, 'content'), path.join(fresh, 'content'), { recursive: true });
    const reference = await buildFixture(fresh, NOW);
    expect(reference.code, reference.stderr).toBe(0);

    const [incremental, clean] = [tree(warm.outDir), tree(reference.outDir)];
    expect([...incremental.keys()].sort()).toEqual([...clean.keys()].sort());
    const differing = [...clean.keys()].filter((file) => incremental.get(file) !== clean.get(file));
    expect(differing).toEqual([]);
    for (const page of ['kinh-te/bai-1/index.html', 'kinh-te/index.html', 'chu-de/cang-bien/index.html']) {
      expect(readFileSync(path.join(warm.outDir, page), 'utf8')).toContain('Tàu lớn cập cảng');
    }

    // Delete an article: the pages Astro may reuse are copied into the staging
    // folder before it generates (scripts/lib/page-prefill.ts, "(cached)" in
    // its log); the deleted one's page was among them and must not survive,
    // nor its empty folder.
    const page = path.join('chinh-tri', 'bai-12', 'index.html');
    expect(readdirSync(warm.outDir, { recursive: true }).map(String)).toContain(page);
    rmSync(path.join(root, 'content/articles/2024/09/bai-12.md'));
    const after = await buildFixture(root, NOW);
    expect(after.code, after.stderr).toBe(0);
    expect(after.stdout).toMatch(/\(cached\)/);
    expect(readdirSync(after.outDir, { recursive: true }).map(String)).not.toContain(page);
    const folders = readdirSync(after.outDir, { recursive: true, withFileTypes: true }).filter((entry) => entry.isDirectory());
    expect(folders.filter((entry) => readdirSync(path.join(entry.parentPath, entry.name)).length === 0)).toEqual([]);
    expect(readFileSync(path.join(after.outDir, 'chinh-tri', 'index.html'), 'utf8')).not.toContain('Bài số 12');

    // Unchanged files keep their stored entries without being parsed again, but
    // their publication is judged against each build's clock: with a clock
    // before bai-11's date (2024-11-12), it is not published.
    const earlier = await buildFixture(root, { NEWSROOM_NOW: '2024-11-10T00:00:00+07:00' });
    expect(earlier.code, earlier.stderr).toBe(0);
    expect(earlier.stdout).toMatch(/0 rendered, 12 from the cache/);
    expect(readdirSync(earlier.outDir, { recursive: true }).map(String)).not.toContain(path.join('xa-hoi', 'bai-11', 'index.html'));
    expect(readdirSync(earlier.outDir, { recursive: true }).map(String)).toContain(path.join('xa-hoi', 'bai-8', 'index.html'));
  });

  it('a failed build does not leave pages in the cache that a later build would reuse', async () => {
    const root = writeFixture({ articles: articles() });
    expect((await buildFixture(root, NOW, ['--quiet'])).code).toBe(0);
    // A newer article in chinh-tri that cannot render: the category page that
    // lists it is rendered (and cached) before the build fails on the article.
    const broken = path.join(root, 'content/articles/2024/12/bai-hong.mdx');
    mkdirSync(path.dirname(broken), { recursive: true });
    writeFileSync(broken, '---\ntitle: Bài hỏng XK9\ncategory: chinh-tri\ndate: 2024-12-20 10:00\nauthor: Lê Oanh\n---\n\nXin chào {khongCo.thuocTinh}\n');
    const failed = await buildFixture(root, NOW, ['--quiet']);
    expect(failed.code).toBe(1);
    rmSync(broken);
    const next = await buildFixture(root, NOW, ['--quiet']);
    expect(next.code, next.stderr).toBe(0);
    for (const file of readdirSync(next.outDir, { recursive: true }).map(String).filter((name) => name.endsWith('.html'))) {
      expect(readFileSync(path.join(next.outDir, file), 'utf8'), file).not.toContain('XK9');
    }
  });
});
