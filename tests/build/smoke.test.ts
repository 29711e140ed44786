import { describe, expect, it } from 'vitest';
import { buildFixture, page, text, writeFixture } from '../helpers/fixture.ts';

describe('fixture build', () => {
  it('builds an article page', async () => {
    const root = writeFixture({
      articles: [{ path: '2024/09/bai-mot.md', frontMatter: 'title: Bài một\ncategory: chinh-tri\ndate: 2024-09-18 16:00\nauthor: Lê Oanh' }],
    });
    const result = await buildFixture(root, { NEWSROOM_NOW: '2025-01-01T00:00:00Z' }, ['--quiet']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const doc = page(result.outDir, '/chinh-tri/bai-mot/');
    expect(text(doc.querySelector('h1'))).toBe('Bài một');
  });
});
