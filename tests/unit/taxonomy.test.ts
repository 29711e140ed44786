import { describe, expect, it } from 'vitest';
import { createNameComparator, createTermRegistry, termKey, TermRegistry } from '../../src/lib/taxonomy.ts';

describe('tags', () => {
  it('treats case and Unicode-form variants as one tag', () => {
    const a = 'Chuyển đổi số';
    expect(termKey('Chuyển Đổi Số')).toBe(termKey(a));
    expect(termKey(a.normalize('NFD'))).toBe(termKey(a));
    expect(termKey(a)).toBe('chuyen-doi-so');
  });

  it('shows the most used spelling', () => {
    const registry = new TermRegistry();
    registry.add('Chuyển Đổi Số');
    registry.add('chuyển đổi số');
    registry.add('chuyển đổi số'.normalize('NFD'));
    expect(registry.terms().get('chuyen-doi-so')?.name).toBe('chuyển đổi số');
  });

  it('breaks a tie by the URL of the articles, whatever order they come in', () => {
    const articles = [
      { url: '/kinh-te/b/', tags: ['chuyển đổi số'] },
      { url: '/chinh-tri/a/', tags: ['Chuyển đổi số'] },
      { url: '/xa-hoi/c/', tags: ['CHUYỂN ĐỔI SỐ'] },
    ];
    for (const order of [articles, [...articles].reverse(), [articles[2]!, articles[0]!, articles[1]!]]) {
      const registry = createTermRegistry(order, (article) => article.tags);
      expect(registry.terms().get('chuyen-doi-so')?.name).toBe('Chuyển đổi số');
    }
    // The count still comes first.
    const more = [...articles, { url: '/xa-hoi/d/', tags: ['chuyển  đổi số'] }];
    expect(createTermRegistry(more, (article) => article.tags).terms().get('chuyen-doi-so')?.name).toBe('chuyển đổi số');
  });

  it('gives a name as written the key of its clean spelling, whether or not it was added', () => {
    const registry = new TermRegistry();
    expect(registry.add(' Kinh  tế biển ')).toBe('kinh-te-bien');
    expect(registry.key(' Kinh  tế biển ')).toBe('kinh-te-bien');
    expect(registry.key('KINH TẾ BIỂN'.normalize('NFD'))).toBe('kinh-te-bien');
    expect(registry.key('Đường sắt')).toBe(termKey('Đường sắt'));
  });
});

describe('Vietnamese collation', () => {
  it('sorts names the Vietnamese way, not by code point', () => {
    const names = ['Đà Nẵng', 'Yên Bái', 'Ân Thi', 'Bắc Ninh', 'Dân', 'Em', 'An Lão'];
    const sorted = [...names].sort(createNameComparator('vi'));
    expect(sorted).toEqual(['An Lão', 'Ân Thi', 'Bắc Ninh', 'Dân', 'Đà Nẵng', 'Em', 'Yên Bái']);
    // Code-point order would put Đ and Â after Y.
    expect([...names].sort()).not.toEqual(sorted);
  });
});
