import { describe, expect, it } from 'vitest';
import { createArticleSchema } from '../../src/lib/schemas/article.ts';

const schema = createArticleSchema({ timeZone: 'Asia/Ho_Chi_Minh', categories: ['chinh-tri', 'kinh-te'] });
const valid = { title: 'Tiêu đề', category: 'chinh-tri', date: '2024-09-18 15:30', author: 'Lê Oanh' };

function issues(data: Record<string, unknown>) {
  const result = schema.safeParse(data);
  return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
}

describe('the article schema', () => {
  it('accepts the minimal front matter and fills defaults', () => {
    const data = schema.parse(valid);
    expect(data.author).toEqual(['Lê Oanh']);
    expect(data.tags).toEqual([]);
    expect(data.draft).toBe(false);
    expect(data.dateHasTime).toBe(true);
    expect(data.date.toISOString()).toBe('2024-09-18T08:30:00.000Z');
  });

  it('accepts lists of names and both source forms', () => {
    const data = schema.parse({
      ...valid,
      author: ['Lê Oanh', 'Trần Minh'],
      photographer: 'Hoàng Phước',
      source: { name: 'Báo Hải Phòng', url: 'https://example.org/a' },
    });
    expect(data.author).toEqual(['Lê Oanh', 'Trần Minh']);
    expect(data.photographer).toEqual(['Hoàng Phước']);
    expect(data.source).toEqual({ name: 'Báo Hải Phòng', url: 'https://example.org/a' });
    expect(schema.parse({ ...valid, source: 'TTXVN' }).source).toEqual({ name: 'TTXVN', url: undefined });
  });

  it('normalises text to NFC', () => {
    const data = schema.parse({ ...valid, title: 'Đại hội Đảng'.normalize('NFD') });
    expect(data.title).toBe('Đại hội Đảng'.normalize('NFC'));
  });

  it.each([
    [{ ...valid, title: undefined }, /^title: is missing/],
    [{ ...valid, title: '   ' }, /^title: is empty/],
    [{ ...valid, title: 42 }, /^title: must be text/],
    [{ ...valid, category: 'the-thao' }, /^category: is not a category/],
    [{ ...valid, date: '2024-02-30' }, /^date: day 30 does not exist/],
    [{ ...valid, date: '10/03/2024' }, /^date: "10\/03\/2024" is not in the form/],
    [{ ...valid, date: '' }, /^date: empty/],
    [{ ...valid, date: undefined }, /^date: is missing/],
    [{ ...valid, author: [] }, /^author: is an empty list/],
    [{ ...valid, author: undefined }, /^author: is missing/],
    [{ ...valid, source: { name: 'X', url: 'javascript:alert(1)' } }, /^source/],
    [{ ...valid, tags: 'giao thông' }, /^tags: must be a list/],
    [{ ...valid, draft: 'yes' }, /^draft: must be true or false/],
    [{ ...valid, title: 'Tiêu\u0007đề' }, /^title: contains invisible control characters/],
    [{ ...valid, aliases: ['khong-co-gach'] }, /^aliases.0: must be a site path/],
    [{ ...valid, cover: { src: './a.jpg' } }, /^cover.alt: cover needs alt text/],
  ])('reports %j', (data, message) => {
    expect(issues(data as Record<string, unknown>).join('\n')).toMatch(message);
  });
});

describe('optional fields left empty', () => {
  it('count as absent', () => {
    const data = schema.parse({ ...valid, lead: '', photographer: null, source: null, tags: null, cover: null, updated: '', slug: '', draft: null });
    expect(data.lead).toBeUndefined();
    expect(data.photographer).toBeUndefined();
    expect(data.source).toBeUndefined();
    expect(data.tags).toEqual([]);
    expect(data.cover).toBeUndefined();
    expect(data.updated).toBeUndefined();
    expect(data.slug).toBeUndefined();
    expect(data.draft).toBe(false);
  });
});
