import { describe, expect, it } from 'vitest';
import { buildFixture, page, text, writeFixture } from '../helpers/fixture.ts';

describe('a build on a machine set to UTC', () => {
  it('shows dates in the site time zone', async () => {
    const root = writeFixture({
      articles: [{ path: '2024/09/bai-mot.md', frontMatter: 'title: Bài một\ncategory: chinh-tri\ndate: 2024-09-24 23:30\nauthor: Lê Oanh' }],
    });
    const result = await buildFixture(root, { NEWSROOM_NOW: '2025-01-01T00:00:00Z', TZ: 'UTC' }, ['--quiet']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const doc = page(result.outDir, '/chinh-tri/bai-mot/');
    expect(text(doc.querySelector('h1'))).toBe('Bài một');
    expect(text(doc.querySelector('.article__meta time'))).toBe('24/09/2024 23:30');
    expect(text(page(result.outDir, '/chinh-tri/').querySelector('.article-list time'))).toBe('24/09/2024');
  });
});
