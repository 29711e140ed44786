import { describe, expect, it } from 'vitest';
import { computeNewsLists, textTerms, type RelatableArticle } from '../../src/lib/related.ts';

const options = { relatedCount: 5, otherCount: 5 };

/** An article dated `day` days into September 2024 (higher is newer). */
function article(id: string, day: number, tags: string[] = [], text = '', category = 'chinh-tri'): RelatableArticle {
  return { id, category, date: new Date(Date.UTC(2024, 8, day, 8)), tags, text };
}

describe('textTerms', () => {
  it('makes folded syllable pairs', () => {
    expect(textTerms('Chuyển đổi số')).toEqual(['chuyen doi', 'doi so']);
    expect(textTerms('Đà Nẵng, mùa lũ!')).toEqual(['da nang', 'nang mua', 'mua lu']);
    expect(textTerms('một')).toEqual([]);
  });
});

describe('related news', () => {
  const articles = [
    article('target', 20, ['cang-bien', 'dau-tu'], 'Chuyển đổi số ở cảng biển'),
    article('two-tags', 1, ['cang-bien', 'dau-tu'], 'Không có gì chung'),
    article('one-tag-many-terms', 15, ['dau-tu'], 'Chuyển đổi số ở cảng biển hôm nay'),
    article('one-tag-newer', 18, ['cang-bien'], 'Khác hẳn'),
    article('terms-only-two', 19, [], 'Đẩy mạnh chuyển đổi số'),
    article('terms-only-one', 25, [], 'Chuyen doi nhanh'),
    article('nothing', 30, ['the-thao'], 'Bóng đá cuối tuần'),
  ];
  const lists = computeNewsLists(articles, options);

  it('ranks by shared tags, then shared terms, then recency', () => {
    expect(lists.get('target')!.related).toEqual([
      'two-tags', // 2 tags
      'one-tag-many-terms', // 1 tag, 4 terms
      'one-tag-newer', // 1 tag, no term
      'terms-only-two', // 2 terms ("chuyen doi", "doi so")
      'terms-only-one', // 1 term, matched without diacritics
    ]);
  });

  it('ranks equal scores newest first, then by id', () => {
    const result = computeNewsLists(
      [article('a', 10, ['x']), article('older', 1, ['x']), article('newer', 5, ['x']), article('same-day-b', 3, ['x']), article('same-day-a', 3, ['x'])],
      options,
    );
    expect(result.get('a')!.related).toEqual(['newer', 'same-day-a', 'same-day-b', 'older']);
  });

  it('leaves the list empty when nothing relates, and never lists the article itself', () => {
    expect(lists.get('nothing')!.related).toEqual([]);
    for (const [id, list] of lists) expect(list.related).not.toContain(id);
  });

  it('stops at relatedCount', () => {
    const many = [article('hub', 30, ['t'])].concat(Array.from({ length: 9 }, (_, i) => article(`n${i}`, i + 1, ['t'])));
    expect(computeNewsLists(many, { relatedCount: 3, otherCount: 5 }).get('hub')!.related).toEqual(['n8', 'n7', 'n6']);
  });

  it('counts a tag once even if an article repeats it', () => {
    const result = computeNewsLists(
      [article('a', 5, ['x', 'x']), article('repeats', 1, ['x', 'x', 'x']), article('two', 2, ['x', 'y']), article('b', 3, ['x', 'y'])],
      options,
    );
    expect(result.get('b')!.related).toEqual(['two', 'a', 'repeats']);
    expect(result.get('a')!.related).toEqual(['b', 'two', 'repeats']);
  });

  it('ignores terms shared by too many articles', () => {
    // 30 articles share "tin moi"; the cap is max(20, 2% of n), so the term says nothing.
    const common = Array.from({ length: 30 }, (_, i) => article(`c${i}`, i + 1, [], `Tin mới số ${i}`));
    const result = computeNewsLists(common, options);
    expect(result.get('c0')!.related).toEqual([]);
  });

  it('does not depend on the input order', () => {
    const shuffled = [...articles].reverse();
    expect([...computeNewsLists(shuffled, options)].sort()).toEqual([...lists].sort());
  });
});

describe('other news', () => {
  const articles = [
    article('target', 10, ['x'], '', 'kinh-te'),
    article('related-1', 9, ['x'], '', 'kinh-te'),
    article('k1', 20, [], '', 'kinh-te'),
    article('k2', 19, [], '', 'kinh-te'),
    article('k3', 8, [], '', 'kinh-te'),
    article('k4', 7, [], '', 'kinh-te'),
    article('k5', 6, [], '', 'kinh-te'),
    article('k6', 5, [], '', 'kinh-te'),
    article('other-category', 30, ['x'], '', 'xa-hoi'),
  ];
  const lists = computeNewsLists(articles, options);

  it('lists the newest of the same category, without the article and its related ones', () => {
    expect(lists.get('target')!.related).toEqual(['other-category', 'related-1']);
    expect(lists.get('target')!.other).toEqual(['k1', 'k2', 'k3', 'k4', 'k5']);
  });

  it('never lists another category', () => {
    expect(lists.get('other-category')!.other).toEqual([]);
    for (const id of ['k1', 'k2', 'k3']) expect(lists.get(id)!.other).not.toContain('other-category');
  });

  it('stops at otherCount', () => {
    expect(computeNewsLists(articles, { relatedCount: 5, otherCount: 2 }).get('k6')!.other).toEqual(['k1', 'k2']);
  });
});

describe('scale', () => {
  it('computes the lists of 5,000 articles (an index, not n² comparisons)', () => {
    const tags = Array.from({ length: 200 }, (_, i) => `tag-${i}`);
    const big = Array.from({ length: 5_000 }, (_, i) =>
      article(`a${i}`, 1 + (i % 28), [tags[i % 200]!, tags[(i * 7) % 200]!], `Bài số ${i} về chủ đề ${i % 50} ở quận ${i % 13}`, `c${i % 8}`),
    );
    const result = computeNewsLists(big, options);
    expect(result.size).toBe(5_000);
    const first = result.get('a0')!;
    expect(first.related).toHaveLength(5);
    expect(first.other).toHaveLength(5);
  });
});
