/**
 * Vietnamese search on top of Pagefind: the search keys written into the index
 * at build time, and the query plan, ranking and highlighting used in the
 * browser. Both sides import this module, so the index and the queries can
 * never disagree on how a word is folded or keyed. See docs/search.md.
 *
 * Why keys instead of the text itself: Pagefind (1.6) strips tone marks but
 * not `đ` (no Unicode decomposition), matches every query word as a prefix
 * ("so" finds "sông"), has no phrase ranking, and drops query words that
 * match nothing. So the index does not hold the article text at all, but
 * three kinds of key per word, each a single token of `[a-z0-9_]` (plus any
 * non-Latin letters) that ends in `_`:
 *
 *   u<folded>_           every word, folded:       "Đổi"  -> "udoi_"
 *   e<marked>_           words that carry marks:   "Đổi"  -> "ed9o63i_"
 *   b<folded>_<folded>_  each pair of neighbours:  "chuyển đổi" -> "bchuyen_doi_"
 *
 * A key never contains `_` before its end (words are runs of letters, marks
 * and digits), so no key is a prefix of another key: Pagefind's prefix
 * matching becomes exact matching, and `u`, `e`, `b` keys live in separate
 * namespaces that cannot collide with each other or with any word of text.
 *
 * A query looks each of its keys up alone (Pagefind silently drops a term that
 * matches nothing: such a word is reported, such a tier is not run), then runs
 * as up to four Pagefind searches (each an AND of keys), ranked as tiers, and
 * Pagefind's own BM25 score (with heading weights) orders results inside a tier:
 *
 *   1. the phrase, with the marks the reader typed      (b keys + e keys)
 *   2. every word, with the marks the reader typed      (e keys + u keys)
 *   3. the phrase, folded                               (b keys + u keys)
 *   4. every word, folded                               (u keys)
 *
 * A word typed without marks constrains nothing about marks ("dang" stands for
 * đang, dạng, Đảng...), so a query typed entirely without marks has only tiers
 * 3 and 4. Each tier is a subset of the next, so merging them in order
 * with duplicates removed ranks every result exactly once, by its best tier.
 */
import { foldVietnamese } from './text.ts';

/** A run of letters, combining marks and digits: one Vietnamese syllable, a number, a foreign word. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * Punctuation that ends a phrase: word pairs are not formed across it, so
 * "Hà Nội, Hải Phòng" has no pair "nội hải". Hyphens, slashes and apostrophes
 * separate words but not phrases.
 */
const PHRASE_BREAK = /[.,;:!?…()[\]{}"“”«»|•·–—\n]+/u;

/** Mark codes for exact keys, as in the VNI typing convention (`9` is used for `đ`). */
const MARK_CODES: Record<string, string> = {
  '\u0301': '1', // sắc
  '\u0300': '2', // huyền
  '\u0309': '3', // hỏi
  '\u0303': '4', // ngã
  '\u0323': '5', // nặng
  '\u0302': '6', // circumflex: â ê ô
  '\u031B': '7', // horn: ơ ư
  '\u0306': '8', // breve: ă
};
const COMBINING_MARK = /\p{M}/u;

export interface SearchWord {
  /** The word as written (NFC, lower case). */
  text: string;
  /** Folded: no marks, `đ` -> `d`. */
  folded: string;
  /** Whether the word carries any mark or `đ`. */
  marked: boolean;
}

/** Splits a text into phrases of words, with the same rules for articles and queries. */
export function phrases(text: string): SearchWord[][] {
  const out: SearchWord[][] = [];
  for (const part of text.normalize('NFC').toLowerCase().split(PHRASE_BREAK)) {
    const words = (part.match(WORD) ?? []).map(toSearchWord);
    if (words.length > 0) out.push(words);
  }
  return out;
}

function toSearchWord(text: string): SearchWord {
  const folded = foldVietnamese(text);
  return { text, folded, marked: folded !== text };
}

/** The folded key of a word: "đổi" -> "udoi_". */
export function wordKey(word: SearchWord): string {
  return `u${word.folded}_`;
}

/**
 * The exact key of a word, marks spelled out as digits after the letter they
 * sit on (NFD order, so composed and decomposed input agree): "đổi" -> "ed9o63i_".
 * Marks outside Vietnamese all read as `0`.
 */
export function exactKey(word: SearchWord): string {
  let out = '';
  for (const char of word.text.normalize('NFD')) {
    if (char === 'đ') out += 'd9';
    else if (COMBINING_MARK.test(char)) out += MARK_CODES[char] ?? '0';
    else out += char;
  }
  return `e${out}_`;
}

/** The key of two neighbouring words, folded: "chuyển", "đổi" -> "bchuyen_doi_". */
export function pairKey(first: SearchWord, second: SearchWord): string {
  return `b${first.folded}_${second.folded}_`;
}

/**
 * The search keys of one block of article text (a heading, a paragraph), as
 * a space-separated string for the index: every word's folded key, the exact
 * key of marked words, and the key of each pair of neighbours in a phrase.
 */
export function searchKeys(text: string): string {
  const keys: string[] = [];
  for (const words of phrases(text)) {
    words.forEach((word, index) => {
      keys.push(wordKey(word));
      if (word.marked) keys.push(exactKey(word));
      const next = words[index + 1];
      if (next) keys.push(pairKey(word, next));
    });
  }
  return keys.join(' ');
}

export interface QueryWord extends SearchWord {
  /** The folded key, used to tell whether the word occurs anywhere at all. */
  key: string;
}

export interface ParsedQuery {
  /** Distinct words of the query, in order (by folded form). */
  words: QueryWord[];
  /** The query's phrases, for pair keys. */
  phrases: SearchWord[][];
}

export function parseQuery(query: string): ParsedQuery {
  const parsed = phrases(query);
  const seen = new Set<string>();
  const words: QueryWord[] = [];
  for (const word of parsed.flat()) {
    if (seen.has(word.text)) continue;
    seen.add(word.text);
    words.push({ ...word, key: wordKey(word) });
  }
  return { words, phrases: parsed };
}

export type TierName = 'exact-phrase' | 'exact-words' | 'phrase' | 'words';

export interface SearchTier {
  name: TierName;
  /** The Pagefind search term: keys separated by spaces (Pagefind requires all of them). */
  term: string;
}

/**
 * The Pagefind searches for a query, best tier first, identical ones removed.
 * `missing` holds the folded forms of words known to occur nowhere: they are
 * left out (and reported by the caller) so that the other words still find
 * their articles.
 */
export function planTiers(query: ParsedQuery, missing: ReadonlySet<string> = new Set()): SearchTier[] {
  const keep = (word: SearchWord) => !missing.has(word.folded);
  const words = query.words.filter(keep);
  if (words.length === 0) return [];
  const phraseRuns = splitRuns(query.phrases, keep);
  const typedKey = (word: SearchWord) => (word.marked ? exactKey(word) : wordKey(word));
  const pairs = phraseRuns.flatMap((run) => run.slice(1).map((word, i) => pairKey(run[i]!, word)));
  const loneWords = phraseRuns.filter((run) => run.length === 1).map((run) => run[0]!);

  const tiers: SearchTier[] = [
    { name: 'exact-phrase', term: join([...pairs, ...words.filter((w) => w.marked).map(exactKey), ...loneWords.filter((w) => !w.marked).map(wordKey)]) },
    { name: 'exact-words', term: join(words.map(typedKey)) },
    { name: 'phrase', term: join([...pairs, ...loneWords.map(wordKey)]) },
    { name: 'words', term: join(words.map(wordKey)) },
  ];
  const seen = new Set<string>();
  return tiers.filter((tier) => tier.term !== '' && !seen.has(tier.term) && (seen.add(tier.term), true));
}

/** Runs of kept words inside each phrase: a missing word breaks a phrase in two. */
function splitRuns(phraseList: SearchWord[][], keep: (word: SearchWord) => boolean): SearchWord[][] {
  const runs: SearchWord[][] = [];
  for (const phrase of phraseList) {
    let run: SearchWord[] = [];
    for (const word of phrase) {
      if (keep(word)) run.push(word);
      else if (run.length > 0) {
        runs.push(run);
        run = [];
      }
    }
    if (run.length > 0) runs.push(run);
  }
  return runs;
}

function join(keys: string[]): string {
  return [...new Set(keys)].join(' ');
}

/**
 * Merges the result lists of the tiers, best tier first: each result appears
 * once, at the position of the best tier that found it, in that tier's order.
 */
export function mergeTiers<T extends { id: string }>(tiers: readonly (readonly T[])[]): T[] {
  const seen = new Set<string>();
  const out: T[] = [];
  for (const results of tiers) {
    for (const result of results) {
      if (seen.has(result.id)) continue;
      seen.add(result.id);
      out.push(result);
    }
  }
  return out;
}

export interface TextPart {
  text: string;
  /** True for a word that matches a query word (compared folded). */
  match: boolean;
}

/** Splits a text into parts, marking the words that match the query, for `<mark>`. */
export function highlight(text: string, words: readonly SearchWord[]): TextPart[] {
  const wanted = new Set(words.map((word) => word.folded));
  const parts: TextPart[] = [];
  let last = 0;
  for (const match of text.matchAll(WORD)) {
    if (!wanted.has(foldVietnamese(match[0]))) continue;
    if (match.index > last) parts.push({ text: text.slice(last, match.index), match: false });
    parts.push({ text: match[0], match: true });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), match: false });
  return parts;
}

/** The part of Pagefind's JS API that the search uses (a fake in unit tests). */
export interface SearchBackend<R extends { id: string }> {
  search(term: string, options?: { filters?: Record<string, string> }): Promise<{ results: R[] } | null>;
}

export interface SearchOutcome<R> {
  /** Query words that found something, for highlighting. */
  words: SearchWord[];
  /** Query words (as typed) that occur in no article: shown to the reader, never dropped silently. */
  missing: string[];
  /** Results, best first. */
  results: R[];
}

/**
 * Runs a query. Pagefind drops a term that matches nothing in the whole index
 * and answers for the other terms, which would turn a tier into a looser one
 * (a phrase whose second pair occurs nowhere would match on its first pair
 * alone). So every key is first looked up on its own, without the filter:
 * words whose key occurs nowhere are reported and left out of the query, and
 * a tier with any other key that occurs nowhere is not run at all. Then the
 * remaining tiers of `planTiers` run with the filters and are merged in order.
 */
export async function runSearch<R extends { id: string }>(
  backend: SearchBackend<R>,
  query: string,
  filters: Record<string, string> = {},
): Promise<SearchOutcome<R>> {
  const present = new Set<string>();
  const lookUp = async (keys: string[]) => {
    const found = await Promise.all(keys.map((key) => backend.search(key)));
    keys.forEach((key, index) => {
      if ((found[index]?.results.length ?? 0) > 0) present.add(key);
    });
  };
  const parsed = parseQuery(query);
  await lookUp(parsed.words.map((word) => word.key));
  const missingWords = parsed.words.filter((word) => !present.has(word.key));
  const missing = new Set(missingWords.map((word) => word.folded));
  const tiers = planTiers(parsed, missing).map((tier) => ({ ...tier, keys: tier.term.split(' ') }));
  await lookUp([...new Set(tiers.flatMap((tier) => tier.keys))].filter((key) => !present.has(key)));
  const runnable = tiers.filter((tier) => tier.keys.every((key) => present.has(key)));
  const responses = await Promise.all(runnable.map((tier) => backend.search(tier.term, { filters })));
  return {
    words: parsed.words.filter((word) => !missing.has(word.folded)),
    missing: missingWords.map((word) => word.text),
    results: mergeTiers(responses.map((response) => response?.results ?? [])),
  };
}
