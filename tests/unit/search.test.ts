import { describe, expect, it } from 'vitest';
import {
  exactKey,
  highlight,
  mergeTiers,
  pairKey,
  parseQuery,
  phrases,
  planTiers,
  runSearch,
  searchKeys,
  wordKey,
  type SearchBackend,
} from '../../src/lib/search.ts';

const word = (text: string) => phrases(text)[0]![0]!;

describe('search keys', () => {
  it('folds every word, đ included, into a u key', () => {
    expect(wordKey(word('Đổi'))).toBe('udoi_');
    expect(wordKey(word('chuyển'))).toBe('uchuyen_');
    expect(wordKey(word('2024'))).toBe('u2024_');
  });

  it('spells marks out as digits in e keys, the same for composed and decomposed input', () => {
    expect(exactKey(word('đổi'))).toBe('ed9o63i_');
    expect(exactKey(word('số'))).toBe('eso61_');
    expect(exactKey(word('sở'))).toBe('eso73_');
    expect(exactKey(word('đổi'.normalize('NFD')))).toBe(exactKey(word('đổi')));
    expect(exactKey(word('ĐỔI'))).toBe(exactKey(word('đổi')));
    expect(exactKey(word('dõi'))).not.toBe(exactKey(word('đổi')));
  });

  it('pairs neighbours inside a phrase, never across punctuation', () => {
    expect(pairKey(word('chuyển'), word('đổi'))).toBe('bchuyen_doi_');
    expect(searchKeys('Chuyển đổi số')).toBe('uchuyen_ echuye63n_ bchuyen_doi_ udoi_ ed9o63i_ bdoi_so_ uso_ eso61_');
    expect(searchKeys('Hà Nội, Hải Phòng')).not.toContain('bnoi_hai_');
    expect(searchKeys('Hà Nội, Hải Phòng')).toContain('bhai_phong_');
    expect(searchKeys('bà rịa-vũng tàu')).toContain('bria_vung_');
  });

  it('leaves bare words without an exact key', () => {
    expect(searchKeys('xe buyt')).toBe('uxe_ bxe_buyt_ ubuyt_');
  });

  it('no key is a prefix of another, so Pagefind prefix matching is exact matching', () => {
    const keys = [...new Set(searchKeys('so số sở sổ song sông sống chuyển đổi số đời sống đổi sổ sách Đảng đang dạng đăng 1 10 100').split(' '))];
    for (const a of keys) {
      for (const b of keys) if (a !== b) expect(b.startsWith(a), `${a} is a prefix of ${b}`).toBe(false);
    }
  });
});

describe('query plan', () => {
  it('a query typed without marks searches the folded phrase, then the folded words', () => {
    expect(planTiers(parseQuery('chuyen doi so'))).toEqual([
      { name: 'exact-phrase', term: 'bchuyen_doi_ bdoi_so_' },
      { name: 'exact-words', term: 'uchuyen_ udoi_ uso_' },
    ]);
  });

  it('a query with marks puts the exact phrase and exact words first', () => {
    expect(planTiers(parseQuery('Hải Phòng')).map((tier) => tier.term)).toEqual([
      'bhai_phong_ eha3i_ epho2ng_',
      'eha3i_ epho2ng_',
      'bhai_phong_',
      'uhai_ uphong_',
    ]);
  });

  it('a word typed without marks stands for any marks, even in a query with marks', () => {
    const [first] = planTiers(parseQuery('dai hội'));
    expect(first!.term).toBe('bdai_hoi_ eho56i_');
  });

  it('drops missing words (and splits the phrase there), keeping the others', () => {
    const query = parseQuery('chuyen xyzzy doi so');
    expect(planTiers(query, new Set(['xyzzy']))).toEqual([
      { name: 'exact-phrase', term: 'bdoi_so_ uchuyen_' },
      { name: 'exact-words', term: 'uchuyen_ udoi_ uso_' },
    ]);
    expect(planTiers(query, new Set(['chuyen', 'xyzzy', 'doi', 'so']))).toEqual([]);
  });

  it('ignores punctuation and repeated words', () => {
    expect(parseQuery('  "Hải Phòng"!! hải  ').words.map((w) => w.text)).toEqual(['hải', 'phòng']);
    expect(parseQuery('...').words).toEqual([]);
  });
});

describe('merging tiers', () => {
  it('keeps each result once, at its best tier, tiers in order', () => {
    const r = (id: string) => ({ id });
    expect(mergeTiers([[r('a'), r('b')], [r('c'), r('a')], [r('d'), r('b'), r('e')]]).map((x) => x.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});

describe('highlight', () => {
  it('marks words that match the query folded, keeping the text as written', () => {
    const parts = highlight('Hải Phòng đẩy mạnh chuyển đổi số.', parseQuery('hai phong so').words);
    expect(parts).toEqual([
      { text: 'Hải', match: true },
      { text: ' ', match: false },
      { text: 'Phòng', match: true },
      { text: ' đẩy mạnh chuyển đổi ', match: false },
      { text: 'số', match: true },
      { text: '.', match: false },
    ]);
    expect(parts.map((part) => part.text).join('')).toBe('Hải Phòng đẩy mạnh chuyển đổi số.');
  });
});

/**
 * A stand-in for Pagefind with the behaviour that matters here: every query
 * term is matched as a prefix of indexed words, a page must match all terms,
 * a term that matches nothing in the whole index is dropped silently, and
 * results are ordered by a frequency score.
 */
function fakePagefind(pages: Record<string, string>): SearchBackend<{ id: string; score: number }> {
  const index = Object.entries(pages).map(([id, text]) => ({ id, words: searchKeys(text).split(' ') }));
  const all = index.flatMap((page) => page.words);
  return {
    async search(term) {
      const terms = term.split(' ').filter((t) => all.some((w) => w.startsWith(t)));
      if (terms.length === 0) return { results: [] };
      const results = index
        .map((page) => ({ id: page.id, counts: terms.map((t) => page.words.filter((w) => w.startsWith(t)).length) }))
        .filter((page) => page.counts.every((count) => count > 0))
        .map((page) => ({ id: page.id, score: page.counts.reduce((a, b) => a + b, 0) }))
        .sort((a, b) => b.score - a.score);
      return { results };
    },
  };
}

describe('runSearch against a Pagefind stand-in', () => {
  const pages = {
    transformation: 'Hải Phòng đẩy mạnh chuyển đổi số trong cải cách hành chính.',
    business: 'Doanh nghiệp vận tải tăng tốc chuyển đổi số.',
    congress: 'Đại hội Đảng bộ quận Hồng Bàng nhiệm kỳ mới.',
    // Every folded word of both queries, repeated, never as the phrase.
    decoy: 'Người dân đang theo dõi chuyến đi dài. Chuyến xe chở hơi ấm, sổ sách. Dõi theo từng chuyến, dài hơn, hơi mệt, đang về, sổ tay, sổ.',
    classrooms: 'Trường làng xây thêm hai phòng học.',
  };
  const backend = fakePagefind(pages);
  const ids = async (query: string) => (await runSearch(backend, query)).results.map((result) => result.id);

  it('"chuyen doi so" finds the chuyển đổi số articles first, the decoy after', async () => {
    expect(await ids('chuyen doi so')).toEqual(['transformation', 'business', 'decoy']);
  });

  it('"dai hoi dang" finds Đại hội Đảng first', async () => {
    expect((await ids('dai hoi dang'))[0]).toBe('congress');
  });

  it('"Hai Phong" finds Hải Phòng; typed with marks, the exact spelling comes first', async () => {
    expect(await ids('Hai Phong')).toEqual(expect.arrayContaining(['transformation', 'classrooms']));
    expect(await ids('Hải Phòng')).toEqual(['transformation', 'classrooms']);
    // "hai" typed bare stands for any marks: both pages hold "hai/hải phòng".
    expect(await ids('hai phòng')).toHaveLength(2);
  });

  it('a query with marks ranks exact words before words that only fold the same', async () => {
    expect(await ids('số')).toEqual(['transformation', 'business', 'decoy']);
    expect(await ids('sổ')).toEqual(['decoy', 'transformation', 'business']);
  });

  it('reports words that occur nowhere instead of dropping them silently', async () => {
    const outcome = await runSearch(backend, 'xyzzy chuyen');
    expect(outcome.missing).toEqual(['xyzzy']);
    expect(outcome.results.map((result) => result.id)).toEqual(expect.arrayContaining(['transformation', 'business', 'decoy']));
    expect(outcome.words.map((w) => w.text)).toEqual(['chuyen']);
    const none = await runSearch(backend, 'zqxmarker');
    expect(none).toEqual({ words: [], missing: ['zqxmarker'], results: [] });
  });

  it('does not run a tier with a key that occurs nowhere (Pagefind would drop it and answer for the rest)', async () => {
    const loose = fakePagefind({
      // The pair "dai hoi" but not "hoi dang".
      pair: 'Chuyến đi dài hơi. Đang chờ.',
      // Each word twice, no pair.
      words: 'Đảng bộ họp. Hội nghị bàn về đại biểu. Đảng viên đông đủ, hội trường rộng, đại diện đến.',
    });
    const outcome = await runSearch(loose, 'dai hoi dang');
    expect(outcome.results.map((result) => result.id)).toEqual(['words', 'pair']);
    expect(outcome.missing).toEqual([]);
    // "hỏi" is spelled that way nowhere: the tiers with its exact key are not run (else Pagefind
    // would answer them for "đang" alone and rank "pair" first); the folded tiers rank by score.
    expect((await runSearch(loose, 'hỏi đang')).results.map((result) => result.id)).toEqual(['words', 'pair']);
  });

  it('passes the filters to the tier searches', async () => {
    const seen: (Record<string, string> | undefined)[] = [];
    const spy: SearchBackend<{ id: string }> = {
      async search(term, options) {
        seen.push(options?.filters);
        return backend.search(term, options);
      },
    };
    await runSearch(spy, 'chuyen doi', { category: 'Kinh tế' });
    // Three keys looked up alone (uchuyen_, udoi_, bchuyen_doi_), then two tiers.
    expect(seen).toEqual([undefined, undefined, undefined, { category: 'Kinh tế' }, { category: 'Kinh tế' }]);
  });
});
