import { describe, expect, it } from 'vitest';
import { createNameComparator, createTermRegistry, spellingVariants, termKey, TermRegistry } from '../../src/lib/taxonomy.ts';

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

describe('spellings filed on one page', () => {
  type Use = { name: string; line: number };
  type Article = { url: string; tags: Use[] };
  const article = (url: string, ...names: string[]): Article => ({ url, tags: names.map((name, line) => ({ name, line })) });
  const variants = (articles: Article[]) =>
    spellingVariants(articles, (item) => item.tags).map((v) => ({ url: v.article.url, line: v.use.line, spelling: v.spelling, shown: v.shown, kind: v.kind, shownBy: v.shownBy }));

  it('finds words that differ only in their tone marks, on the article that is not spelt as the page', () => {
    expect(variants([article('/a/1/', 'Bão'), article('/a/2/', 'Bão', 'lũ'), article('/a/3/', 'Báo')])).toEqual([
      { url: '/a/3/', line: 0, spelling: 'Báo', shown: 'Bão', kind: 'accents', shownBy: 2 },
    ]);
  });

  it('tells a spelling without any accents from one with other accents', () => {
    const found = variants([article('/a/1/', 'Hải Phòng'), article('/a/2/', 'Hải phòng'), article('/a/3/', 'Hai Phong'), article('/a/4/', 'Hái Phong')]);
    expect(found).toEqual([
      { url: '/a/3/', line: 0, spelling: 'Hai Phong', shown: 'Hải Phòng', kind: 'unaccented', shownBy: 2 },
      { url: '/a/4/', line: 0, spelling: 'Hái Phong', shown: 'Hải Phòng', kind: 'accents', shownBy: 2 },
    ]);
    // đ is an accent too; a page titled without accents makes the accented spelling the odd one.
    expect(variants([article('/a/1/', 'Da Nang'), article('/a/2/', 'da nang'), article('/a/3/', 'Đà Nẵng')]).map((v) => v.kind)).toEqual(['accents']);
    expect(variants([article('/a/1/', 'Đà Nẵng'), article('/a/2/', 'Da Nang')]).map((v) => v.kind)).toEqual(['unaccented']);
  });

  it('names other differences the address leaves out (punctuation, symbols) apart from accents', () => {
    expect(variants([article('/a/1/', 'TP.HCM'), article('/a/2/', 'TP.HCM'), article('/a/3/', 'TP HCM')]).map((v) => [v.spelling, v.kind])).toEqual([
      ['TP HCM', 'other'],
    ]);
    expect(variants([article('/a/1/', 'A&B'), article('/a/2/', 'A and B')]).map((v) => [v.spelling, v.kind])).toEqual([['A and B', 'other']]);
  });

  it('says nothing of spellings that differ only in case, Unicode form or whitespace', () => {
    const nfd = 'chuyển đổi số'.normalize('NFD');
    expect(variants([article('/a/1/', 'Chuyển đổi số'), article('/a/2/', nfd), article('/a/3/', ' CHUYỂN  ĐỔI SỐ '), article('/a/4/', 'Kinh tế')])).toEqual([]);
  });

  it('shows the spelling the site shows, whatever order the articles come in', () => {
    // One each: the tie goes to the article first in URL order, as on the site.
    const articles = [article('/kinh-te/b/', 'Báo'), article('/chinh-tri/a/', 'Bão')];
    for (const order of [articles, [...articles].reverse()]) {
      expect(variants(order)).toEqual([{ url: '/kinh-te/b/', line: 0, spelling: 'Báo', shown: 'Bão', kind: 'accents', shownBy: 1 }]);
      const shown = createTermRegistry(order, (item) => item.tags.map((use) => use.name)).terms().get('bao')?.name;
      expect(shown).toBe('Bão');
    }
  });

  it('reports every use that differs, and counts articles, not uses, for the shown spelling', () => {
    const found = variants([article('/a/1/', 'Bão', 'bão'), article('/a/2/', 'Bão'), article('/a/3/', 'Báo', 'báo', 'Bao')]);
    expect(found.map((v) => [v.url, v.line, v.kind, v.shownBy])).toEqual([
      ['/a/3/', 0, 'accents', 2],
      ['/a/3/', 1, 'accents', 2],
      ['/a/3/', 2, 'unaccented', 2],
    ]);
  });
});
