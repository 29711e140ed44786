import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildFixture, writeFixture } from '../helpers/fixture.ts';

const fm = (title: string, extra = '') => `title: ${title}\ncategory: chinh-tri\ndate: 2024-09-18\nauthor: Lê Oanh\n${extra}`;

describe('two published articles with one URL', () => {
  it('stop the build and name both files (file names differing only in Unicode form)', async () => {
    const name = 'Đại-hội.md';
    const root = writeFixture({
      articles: [
        { path: `2024/09/${name.normalize('NFC')}`, frontMatter: fm('Một') },
        { path: `2024/10/${name.normalize('NFD')}`, frontMatter: fm('Hai') },
      ],
    });
    const result = await buildFixture(root, { NEWSROOM_NOW: '2025-01-01T00:00:00Z' }, ['--quiet']);
    expect(result.code).toBe(1);
    const output = (result.stdout + result.stderr).normalize('NFC');
    expect(output).toContain('2024/09/Đại-hội.md');
    expect(output).toContain('2024/10/Đại-hội.md');
    expect(output).toContain('/chinh-tri/dai-hoi/');
  });

  it('stop the build when a slug field repeats another article', async () => {
    const root = writeFixture({
      articles: [
        { path: 'a/bai-mot.md', frontMatter: fm('Một') },
        { path: 'b/bai-khac.md', frontMatter: fm('Hai', 'slug: bai-mot') },
      ],
    });
    const result = await buildFixture(root, { NEWSROOM_NOW: '2025-01-01T00:00:00Z' }, ['--quiet']);
    expect(result.code).toBe(1);
    expect(result.stdout + result.stderr).toContain('a/bai-mot.md');
    expect(result.stdout + result.stderr).toContain('b/bai-khac.md');
    // A first build that fails writes no output at all.
    expect(existsSync(result.outDir)).toBe(false);
  });
});
