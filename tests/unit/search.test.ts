import { describe, expect, it } from 'vitest';
import { completionBucket, completionBuckets, completionsOf } from '../../src/lib/search-completions.ts';
import {
  exactKey,
  highlight,
  interleaveTiers,
  keyWord,
  mergeTiers,
  parseQuery,
  phraseHolders,
  phrases,
  planQuery,
  prefixKey,
  rankTiers,
  runSearch,
  searchKeys,
  wordKey,
  type SearchBackend,
} from '../../src/lib/search.ts';

const word = (text: string) => phrases(text)[0]![0]!;

describe('search keys', () => {
  it('folds every word, đ included, into a u key', () => {
    expect(wordKey(word('Đổi'))).toBe('udoiþ');
    expect(wordKey(word('chuyển'))).toBe('uchuyenþ');
    expect(wordKey(word('2024'))).toBe('u2024þ');
  });

  it('spells marks out as digits in e keys, the same for composed and decomposed input', () => {
    expect(exactKey(word('đổi'))).toBe('ed9o63iþ');
    expect(exactKey(word('số'))).toBe('eso61þ');
    expect(exactKey(word('sở'))).toBe('eso73þ');
    expect(exactKey(word('hội'))).toBe('eho56iþ');
    expect(exactKey(word('xe'))).toBe('exeþ');
    expect(exactKey(word('đổi'.normalize('NFD')))).toBe(exactKey(word('đổi')));
    expect(exactKey(word('ĐỔI'))).toBe(exactKey(word('đổi')));
    expect(exactKey(word('dõi'))).not.toBe(exactKey(word('đổi')));
  });

  it('writes a folded stream and an exact stream, phrases apart', () => {
    expect(searchKeys('Chuyển đổi số')).toBe('uchuyenþ udoiþ usoþ x echuye63nþ ed9o63iþ eso61þ');
    expect(searchKeys('Hà Nội, Hải Phòng')).toBe('uhaþ unoiþ x uhaiþ uphongþ x eha2þ eno56iþ x eha3iþ epho2ngþ');
    expect(searchKeys('bà rịa-vũng tàu')).toContain('ubaþ uriaþ uvungþ utauþ');
    expect(searchKeys(' … ')).toBe('');
  });

  it('reads the folded word back from a folded key, and makes prefix keys without the end', () => {
    expect(keyWord('udoiþ')).toBe('doi');
    expect(keyWord('ed9o63iþ')).toBeUndefined();
    expect(keyWord('x')).toBeUndefined();
    expect(keyWord('udo')).toBeUndefined();
    expect(prefixKey(word('Đô'))).toBe('udo');
    expect(wordKey(word('đổi')).startsWith(prefixKey(word('đô')))).toBe(true);
  });

  it('no key is a prefix of another, so Pagefind prefix matching is exact matching', () => {
    const keys = [...new Set(searchKeys('so số sở sổ song sông sống chuyển đổi số đời sống đổi sổ sách Đảng đang dạng đăng 1 10 100 þ þór þórsdóttir').split(' '))];
    for (const a of keys) {
      for (const b of keys) if (a !== b) expect(b.startsWith(a), `${a} is a prefix of ${b}`).toBe(false);
    }
  });

  it('writes a þ inside a word as th, so that only the end of a key is a þ', () => {
    expect(wordKey(word('Þór'))).toBe('uthorþ');
    expect(exactKey(word('Þór'))).toBe('etho1rþ');
    expect(prefixKey(word('þó'))).toBe('utho');
    expect(keyWord(wordKey(word('þór')))).toBe('thor');
  });
});

describe('query plan', () => {
  it('a query typed without marks: every word folded, and the folded phrase', () => {
    expect(planQuery(parseQuery('chuyen doi so'))).toEqual({
      words: 'uchuyenþ udoiþ usoþ',
      exactWords: undefined,
      phrases: ['"uchuyenþ udoiþ usoþ"'],
      exactPhrases: [],
      keys: ['uchuyenþ', 'udoiþ', 'usoþ'],
    });
  });

  it('a query with marks adds the exact words and the exact phrase', () => {
    expect(planQuery(parseQuery('Hải Phòng'))).toEqual({
      words: 'uhaiþ uphongþ',
      exactWords: 'eha3iþ epho2ngþ',
      phrases: ['"uhaiþ uphongþ"'],
      exactPhrases: ['"eha3iþ epho2ngþ"'],
      keys: ['uhaiþ', 'uphongþ', 'eha3iþ', 'epho2ngþ'],
    });
  });

  it('a word typed without marks stands for any marks, even in a query with marks', () => {
    const plan = planQuery(parseQuery('dai hội'))!;
    expect(plan.exactWords).toBe('udaiþ eho56iþ');
    expect(plan.exactPhrases).toEqual(['"udaiþ uhoiþ"']);
  });

  it('drops missing words and splits the phrase there, keeping the others', () => {
    const query = parseQuery('chuyen xyzzy doi so');
    expect(planQuery(query, new Set(['xyzzy']))).toMatchObject({ words: 'uchuyenþ udoiþ usoþ', phrases: ['"udoiþ usoþ"'] });
    expect(planQuery(query, new Set(['chuyen', 'xyzzy', 'doi', 'so']))).toBeUndefined();
  });

  it('makes a phrase of each part between punctuation', () => {
    expect(planQuery(parseQuery('Hà Nội, Hải Phòng'))!.phrases).toEqual(['"uhaþ unoiþ"', '"uhaiþ uphongþ"']);
  });

  it('ignores punctuation and repeated words', () => {
    expect(parseQuery('  "Hải Phòng"!! hải  ').words.map((w) => w.text)).toEqual(['hải', 'phòng']);
    expect(parseQuery('...').words).toEqual([]);
  });
});

describe('a half-typed last word', () => {
  it('is the last word when nothing follows it, not even a space or punctuation', () => {
    expect(parseQuery('Hai Ph').partial?.text).toBe('ph');
    expect(parseQuery('chuyển đổi s').partial?.text).toBe('s');
    expect(parseQuery('chuyển đổi số').partial?.folded).toBe('so');
    expect(parseQuery('Hai Phong ').partial).toBeUndefined();
    expect(parseQuery('Hải Phòng.').partial).toBeUndefined();
    expect(parseQuery('"Hải Phòng"').partial).toBeUndefined();
    expect(parseQuery('').partial).toBeUndefined();
    // Decomposed input, as some keyboards send it, ends in a mark: still inside the word.
    expect(parseQuery('Hải Phò'.normalize('NFD')).partial?.text).toBe('phò');
  });

  it('leaves the plan of the query as typed unchanged', () => {
    expect(planQuery(parseQuery('chuyen doi so'))).toEqual(planQuery(parseQuery('chuyen doi so ')));
    expect(planQuery(parseQuery('Hải Phòng'), new Set(), true)).not.toEqual(planQuery(parseQuery('Hải Phòng')));
  });

  it('is a prefix key in the word searches, and its phrase is checked from positions', () => {
    expect(planQuery(parseQuery('hai ph'), new Set(['ph']), true)).toEqual({
      words: 'uhaiþ uph',
      exactWords: undefined,
      phrases: [],
      exactPhrases: [],
      partialPhrase: ['uhaiþ'],
      keys: ['uhaiþ'],
    });
    expect(planQuery(parseQuery('chuy'), new Set(['chuy']), true)).toEqual({ words: 'uchuy', exactWords: undefined, phrases: [], exactPhrases: [], keys: [] });
  });

  it('counts as typed without marks; the other words keep theirs, and their phrases', () => {
    expect(planQuery(parseQuery('Hà Nội, Hải Phò'), new Set(), true)).toEqual({
      words: 'uhaþ unoiþ uhaiþ upho',
      exactWords: 'eha2þ eno56iþ eha3iþ upho',
      phrases: ['"uhaþ unoiþ"'],
      exactPhrases: ['"eha2þ eno56iþ"'],
      partialPhrase: ['uhaiþ'],
      keys: ['uhaþ', 'unoiþ', 'uhaiþ', 'eha2þ', 'eno56iþ', 'eha3iþ'],
    });
    // Only the half-typed word has marks: no exact searches.
    expect(planQuery(parseQuery('chuyen đ'), new Set(), true)).toMatchObject({ words: 'uchuyenþ ud', exactWords: undefined });
  });

  it('is kept when missing as a whole word; other missing words still split the phrase', () => {
    const plan = planQuery(parseQuery('chuyen xyzzy doi s'), new Set(['xyzzy', 's']), true)!;
    expect(plan).toMatchObject({ words: 'uchuyenþ udoiþ us', phrases: [], partialPhrase: ['udoiþ'] });
  });
});

describe('phraseHolders', () => {
  it('finds the pages where the words stand in a row', () => {
    const at = (entries: Record<string, number[]>) => new Map(Object.entries(entries));
    const hai = at({ a: [3, 10], b: [7], c: [1] });
    const ph = at({ a: [11], b: [9], d: [2] });
    expect(phraseHolders([hai, ph])).toEqual(new Set(['a']));
    expect(phraseHolders([at({ a: [0], b: [4] }), hai, ph])).toEqual(new Set());
    expect(phraseHolders([at({ a: [9] }), hai, ph])).toEqual(new Set(['a']));
    expect(phraseHolders([])).toEqual(new Set());
  });
});

describe('merging tiers', () => {
  const r = (id: string) => ({ id });
  it('keeps each result once, at its best tier, tiers in order', () => {
    expect(mergeTiers([[r('a'), r('b')], [r('c'), r('a')], [r('d'), r('b'), r('e')]]).map((x) => x.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('orders phrase tiers by the word searches\' scores', () => {
    const ranked = rankTiers({
      words: [r('w1'), r('p2'), r('e1'), r('p1')],
      exactWords: [r('e1'), r('p1')],
      phrases: [new Set(['p1', 'p2'])],
      exactPhrases: [new Set(['p1'])],
    });
    expect(ranked.map((x) => x.id)).toEqual(['p1', 'e1', 'p2', 'w1']);
    expect(rankTiers({ words: [r('a'), r('b')], phrases: [] }).map((x) => x.id)).toEqual(['a', 'b']);
  });

  it('puts each tier of a half-typed word right after the same tier with the word whole', () => {
    const whole = [[], [], [r('phrase')], [r('words'), r('phrase')]];
    const partial = [[], [], [r('prefix-phrase'), r('phrase')], [r('prefix-words'), r('words'), r('prefix-phrase')]];
    expect(interleaveTiers(whole, partial).map((x) => x.id)).toEqual(['phrase', 'prefix-phrase', 'words', 'prefix-words']);
    expect(interleaveTiers([], partial).map((x) => x.id)).toEqual(['prefix-phrase', 'phrase', 'prefix-words', 'words']);
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

/** A page of the Pagefind stand-in: its text, and a title Pagefind indexes as metadata. */
type FakePage = string | { text: string; title: string };

/**
 * A stand-in for Pagefind (1.6) with the behaviour that matters here, checked
 * against the real one in Chromium (tests/browser/search.test.ts):
 * - every query term matches the indexed words it is a prefix of, a page must
 *   match all terms, a term that matches nothing is dropped silently, and
 *   results come with the positions of the matched words (`words`) and a
 *   frequency score;
 * - a quoted term matches whole words only, standing next to each other, with
 *   a flat score;
 * - the words of the metadata (here the title) are indexed too, as written
 *   but without marks and with no position, and a term with no word beginning
 *   with it matches the longest indexed word it begins with;
 * - with `chunkSize`, the words are split into chunks of that many, in
 *   order, and a term matches only the words of the chunks loaded so far; a
 *   term loads the chunk its place in the order falls in;
 * - with `indexes` (groups of page ids), each group is an index of its own,
 *   searched on its own (dropping the terms it lacks), results merged as
 *   Pagefind's `mergeIndex` does.
 * `complete` answers from the pages' folded words as the built completion
 * files do (src/lib/search-completions.ts).
 */
function fakePagefind(
  pages: Record<string, FakePage>,
  { chunkSize = Number.POSITIVE_INFINITY, indexes = [] as string[][] } = {},
): SearchBackend<{ id: string; score: number; words: number[] }> {
  if (indexes.length > 0) {
    const parts = indexes.map((ids) => fakePagefind(Object.fromEntries(ids.map((id) => [id, pages[id]!])), { chunkSize }));
    return {
      complete: fakePagefind(pages).complete,
      async search(term) {
        const answers = await Promise.all(parts.map((part) => part.search(term)));
        return { results: answers.flatMap((answer) => answer?.results ?? []).sort((a, b) => b.score - a.score) };
      },
    };
  }
  const index = Object.entries(pages).map(([id, page]) => {
    const { text, title } = typeof page === 'string' ? { text: page, title: '' } : page;
    const meta = title.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    return { id, words: searchKeys(text).split(' '), meta };
  });
  const vocabulary = [...new Set(index.flatMap((page) => [...page.words, ...page.meta]))].sort();
  const chunks: string[][] = [];
  for (let i = 0; i < vocabulary.length; i += Math.min(chunkSize, vocabulary.length)) chunks.push(vocabulary.slice(i, i + chunkSize));
  const loaded = new Set<number>();
  const load = (term: string) => {
    const at = chunks.findIndex((chunk) => term <= chunk[chunk.length - 1]!);
    loaded.add(at === -1 ? chunks.length - 1 : at);
  };
  const known = () => [...loaded].flatMap((i) => chunks[i] ?? []);
  const extensions = (term: string) => {
    const words = known();
    const longer = words.filter((word) => word.startsWith(term));
    if (longer.length > 0) return longer;
    const shorter = words.filter((word) => term.startsWith(word)).sort((a, b) => b.length - a.length);
    return shorter.slice(0, 1);
  };
  const frequency = new Map<string, number>();
  for (const page of index) {
    for (const word of new Set(page.words.map(keyWord))) if (word) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  }
  const buckets = completionBuckets(frequency);
  return {
    async complete(prefix) {
      return completionsOf(buckets.get(completionBucket(prefix) ?? '') ?? [], prefix);
    },
    async search(term) {
      const quoted = /^"(.+)"$/.exec(term);
      if (quoted) {
        const terms = quoted[1]!.split(' ');
        for (const t of terms) load(t);
        if (!terms.every((t) => known().includes(t))) return { results: [] };
        const results = [];
        for (const page of index) {
          const start = page.words.findIndex((_, at) => terms.every((t, i) => page.words[at + i] === t));
          if (start !== -1) results.push({ id: page.id, score: 1, words: terms.map((_, i) => start + i) });
        }
        return { results };
      }
      for (const t of term.split(' ')) load(t);
      const terms = term
        .split(' ')
        .map(extensions)
        .filter((words) => words.length > 0);
      if (terms.length === 0) return { results: [] };
      const results = index
        .map((page) => {
          const positions = terms.map((words) => page.words.flatMap((word, at) => (words.includes(word) ? [at] : [])));
          const inMeta = terms.map((words) => page.meta.some((word) => words.includes(word)));
          const matches = terms.every((_, i) => positions[i]!.length > 0 || inMeta[i]);
          const words = positions.flat().sort((a, b) => a - b);
          return { id: page.id, score: words.length + inMeta.filter(Boolean).length, words, matches };
        })
        .filter((page) => page.matches)
        .map(({ id, score, words }) => ({ id, score, words }))
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

  it('a phrase needs all its words in a row; a search needing a spelling found nowhere is not run', async () => {
    const loose = fakePagefind({
      // "dài hơi" then "Đang" after a full stop: not the phrase "dai hoi dang".
      pair: 'Chuyến đi dài hơi. Đang chờ.',
      // Each word twice, no pair.
      words: 'Đảng bộ họp. Hội nghị bàn về đại biểu. Đảng viên đông đủ, hội trường rộng, đại diện đến.',
    });
    const outcome = await runSearch(loose, 'dai hoi dang');
    expect(outcome.results.map((result) => result.id)).toEqual(['words', 'pair']);
    expect(outcome.missing).toEqual([]);
    // "hỏi" is spelled that way nowhere: the searches with its exact key are not run (else Pagefind
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
    await runSearch(spy, 'chuyen doi ', { category: 'Kinh tế' });
    // Two keys looked up alone, then the words and the phrase with the filter.
    expect(seen).toEqual([undefined, undefined, { category: 'Kinh tế' }, { category: 'Kinh tế' }]);
    seen.length = 0;
    await runSearch(spy, 'chuyen doi', { category: 'Kinh tế' });
    // The same, then "doi" as a prefix: its completions looked up alone (the
    // stand-in spied on has none), then the words; its phrase comes from positions.
    expect(seen).toEqual([undefined, undefined, { category: 'Kinh tế' }, { category: 'Kinh tế' }, { category: 'Kinh tế' }]);
  });
});

describe('runSearch with a half-typed last word', () => {
  const pages: Record<string, FakePage> = {
    transformation: 'Hải Phòng đẩy mạnh chuyển đổi số trong cải cách hành chính.',
    business: 'Doanh nghiệp vận tải tăng tốc chuyển đổi số.',
    classrooms: 'Trường làng xây thêm hai phòng học.',
    // "chuyen", "doi", "so" and "do" scattered, "do" whole only here; and more words that begin with "ph".
    ferry: 'Chuyến xe khách đó chạy chậm qua sông. Người dân theo dõi, phải chờ phà về phố, phát vé.',
    // Every word of "hai ph" but "ph" only in the title, which Pagefind indexes as metadata.
    app: { text: 'Hai bên ký kết hợp tác.', title: 'Phần mềm mới' },
    congress: 'Đại hội Đảng bộ quận Hồng Bàng nhiệm kỳ mới.',
  };
  const run = (query: string, backend = fakePagefind(pages)) => runSearch(backend, query);
  const ids = async (query: string, backend?: ReturnType<typeof fakePagefind>) => (await run(query, backend)).results.map((result) => result.id);

  it('"chuyen do" finds the phrase it begins before the scattered whole word', async () => {
    const found = await ids('chuyen do');
    expect(found.slice(0, 2).sort()).toEqual(['business', 'transformation']);
    expect(found).toEqual([...found.slice(0, 2), 'ferry']);
    // Finished ("do" and a space): the whole word only, as before.
    expect(await ids('chuyen do ')).toEqual(['ferry']);
  });

  it('"Hai Ph" finds Hải Phòng; with marks typed, the exact spelling first', async () => {
    expect((await ids('Hai Ph')).sort()).toEqual(['classrooms', 'transformation']);
    expect(await ids('Hải Ph')).toEqual(['transformation', 'classrooms']);
    expect(await ids('Hải Phò')).toEqual(['transformation', 'classrooms']);
    // The words it stood for are highlighted.
    const outcome = await run('Hai Ph');
    expect(highlight('Hải Phòng', outcome.words).filter((part) => part.match).map((part) => part.text)).toEqual(['Hải', 'Phòng']);
    expect(outcome.missing).toEqual([]);
  });

  it('ranks a complete word before the longer words it begins', async () => {
    const found = await ids('so');
    expect(found.slice(0, 2).sort()).toEqual(['business', 'transformation']);
    expect(found[2]).toBe('ferry');
    expect(await ids('so ')).toEqual(found.slice(0, 2));
  });

  it('reports a prefix that begins no word, and searches for the other words', async () => {
    const outcome = await run('chuyen xq');
    expect(outcome.missing).toEqual(['xq']);
    expect(outcome.results.map((result) => result.id).sort()).toEqual(['business', 'ferry', 'transformation']);
    expect(await run('xq')).toEqual({ words: [], missing: ['xq'], results: [] });
  });

  it('never counts words that only the metadata holds', async () => {
    const titled = fakePagefind({ committee: { text: 'Hai bên ký kết.', title: 'Ủy ban mới' }, nest: 'Hai tổ yến trên mái.' });
    // "uhaiþ uy" (for "hai y", as in "hai yến"): Pagefind matches "uy" with the title word "Ủy" too.
    expect(await ids('hai y', titled)).toEqual(['nest']);
  });

  it('finds words beyond the index chunk the prefix falls in', async () => {
    // Pagefind alone misses them: "uph" loads one chunk of three words.
    const alone = fakePagefind(pages, { chunkSize: 3 });
    const native = (await alone.search('uph'))!.results.map((result) => result.id);
    expect(native).not.toEqual(expect.arrayContaining(['classrooms', 'transformation']));
    const chunked = fakePagefind(pages, { chunkSize: 3 });
    expect((await ids('Hai Ph', chunked)).sort()).toEqual(['classrooms', 'transformation']);
    expect((await ids('chuyen do', chunked)).slice(0, 2).sort()).toEqual(['business', 'transformation']);
  });

  it('searches indexes merged', async () => {
    const merged = fakePagefind(pages, { indexes: [['transformation', 'business'], ['ferry', 'classrooms', 'app', 'congress']] });
    expect((await ids('chuyen do', merged)).slice(0, 2).sort()).toEqual(['business', 'transformation']);
    expect(await ids('Hải Ph', merged)).toEqual(['transformation', 'classrooms']);
  });

  it('without completions, finds only the whole word it already is', async () => {
    const { search } = fakePagefind(pages);
    const bare: SearchBackend<{ id: string; score: number; words: number[] }> = { search };
    expect((await runSearch(bare, 'Hai Ph')).missing).toEqual(['ph']);
    expect((await runSearch(bare, 'chuyen do')).results.map((result) => result.id)).toEqual(['ferry']);
  });
});

describe('runSearch with Pagefind\'s looser answers', () => {
  const pages: Record<string, FakePage> = {
    transformation: 'Hải Phòng đẩy mạnh chuyển đổi số trong cải cách hành chính.',
    business: 'Doanh nghiệp vận tải tăng tốc chuyển đổi số.',
    // "chuyen" and "do" scattered.
    ferry: 'Chuyến xe khách đó chạy chậm qua sông.',
  };

  it('never counts words that only the metadata holds', async () => {
    // "ungþ" occurs in no text; Pagefind answers it with the title word "Ủng".
    const boots = fakePagefind({ app: { text: 'Hai bên ký kết.', title: 'Ủng hộ mới' } });
    expect(await runSearch(boots, 'hai ng')).toEqual({
      words: [expect.objectContaining({ text: 'hai' })],
      missing: ['ng'],
      results: [expect.objectContaining({ id: 'app' })],
    });
  });

  it('keeps only the pages that hold every key when several indexes are merged', async () => {
    // The first index has no "udoþ": Pagefind answers "uchuyenþ udoþ" there as "uchuyenþ".
    const merged = fakePagefind(pages, { indexes: [['transformation', 'business'], ['ferry']] });
    expect((await merged.search('uchuyenþ udoþ'))!.results.map((result) => result.id)).toContain('transformation');
    expect((await runSearch(merged, 'chuyen do ')).results.map((result) => result.id)).toEqual(['ferry']);
  });
});
