/**
 * Vietnamese search on top of Pagefind: the search keys written into the index
 * at build time, and the query plan, ranking and highlighting used in the
 * browser. Both sides import this module, so the index and the queries can
 * never disagree on how a word is folded or keyed. See docs/search.md.
 *
 * Why keys instead of the text itself: Pagefind (1.6) strips tone marks but
 * not `đ` (no Unicode decomposition), matches every query word as a prefix
 * ("so" finds "sông"), ranks no phrase above scattered words, ignores the
 * marks a reader typed, and drops query words that match nothing. So the index
 * does not hold the article text, but two streams of keys per block of text,
 * each key a single token of `[a-z0-9_]` (plus any non-Latin letters) that
 * ends in `_`, in the order of the words:
 *
 *   u<folded>_   every word folded:             "Chuyển đổi số" -> "uchuyen_ udoi_ uso_"
 *   e<spelled>_  every word with its marks      "Chuyển đổi số" -> "echuye63n_ ed9o63i_ eso61_"
 *                spelled out as digits (VNI: 1 sắc 2 huyền 3 hỏi 4 ngã 5 nặng 6 ^ 7 ơư 8 ă, d9 đ)
 *
 * and `x_` between phrases (punctuation) and between the two streams, so no
 * phrase runs across them. A key never contains `_` before its end (words are
 * runs of letters, marks and digits), so no key is a prefix of another key:
 * Pagefind's prefix matching becomes exact matching, and `u` and `e` keys are
 * namespaces that cannot collide with each other.
 *
 * A query first looks each of its keys up alone (Pagefind silently drops a term
 * that matches nothing: such a word is reported and left out, such a search is
 * not run), then runs a few Pagefind searches and ranks the results in tiers;
 * inside a tier, by Pagefind's BM25 score (with heading weights):
 *
 *   1. the phrase, with the marks the reader typed   quoted e phrase (or u phrase) + tier 2
 *   2. every word, with the marks the reader typed   e keys of marked words, u keys of the others
 *   3. the phrase, folded                            quoted u phrase (Pagefind checks adjacency)
 *   4. every word, folded                            u keys
 *
 * A word typed without marks constrains nothing about marks ("dang" stands for
 * đang, dạng, Đảng...), so a query typed entirely without marks has only tiers
 * 3 and 4. Tier 1 is inside tiers 2 and 3, and every tier inside tier 4, so
 * merging them in order with duplicates removed ranks every result exactly
 * once, by the strictest reading of the query it satisfies.
 */
import { foldVietnamese } from './text.ts';

/** A run of letters, combining marks and digits: one Vietnamese syllable, a number, a foreign word. */
const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * Punctuation that ends a phrase: "Hà Nội, Hải Phòng" does not hold the phrase
 * "nội hải". Hyphens, slashes and apostrophes separate words but not phrases.
 */
const PHRASE_BREAK = /[.,;:!?…()[\]{}"“”«»|•·–—\n]+/u;

/** The key between phrases and between the two streams: never part of a query. */
export const PHRASE_SEPARATOR = 'x_';

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

/**
 * Words seen so far: an archive uses a few thousand distinct syllables, so
 * indexing folds each of them once instead of once per occurrence. Bounded, so
 * a long-lived page cannot grow it without limit.
 */
const WORD_CACHE_LIMIT = 100_000;
const wordCache = new Map<string, SearchWord>();

function toSearchWord(text: string): SearchWord {
  const cached = wordCache.get(text);
  if (cached) return cached;
  const folded = foldVietnamese(text);
  const word = Object.freeze({ text, folded, marked: folded !== text });
  if (wordCache.size >= WORD_CACHE_LIMIT) wordCache.clear();
  wordCache.set(text, word);
  return word;
}

/** The folded key of a word: "đổi" -> "udoi_". */
export function wordKey(word: SearchWord): string {
  return foldedKey(word.folded);
}

/** The folded key of a folded word: "doi" -> "udoi_". */
export function foldedKey(folded: string): string {
  return `u${folded}_`;
}

/** The folded word of a folded key ("udoi_" -> "doi"); undefined for any other key. */
export function keyWord(key: string): string | undefined {
  return key.length > 2 && key.startsWith('u') && key.endsWith('_') ? key.slice(1, -1) : undefined;
}

const exactKeys = new WeakMap<SearchWord, string>();

/**
 * The exact key of a word, marks spelled out as digits after the letter they
 * sit on (NFD order, so composed and decomposed input agree): "đổi" ->
 * "ed9o63i_", "xe" -> "exe_". Marks outside Vietnamese all read as `0`.
 */
export function exactKey(word: SearchWord): string {
  const known = exactKeys.get(word);
  if (known !== undefined) return known;
  let out = '';
  for (const char of word.text.normalize('NFD')) {
    if (char === 'đ') out += 'd9';
    else if (COMBINING_MARK.test(char)) out += MARK_CODES[char] ?? '0';
    else out += char;
  }
  const key = `e${out}_`;
  exactKeys.set(word, key);
  return key;
}

/**
 * The search keys of one block of article text (a heading, a paragraph), for
 * the index: the folded stream, then (with `exact`) the exact stream, phrases
 * separated.
 */
export function searchKeys(text: string, exact = true): string {
  const parsed = phrases(text);
  if (parsed.length === 0) return '';
  const stream = (key: (word: SearchWord) => string) => parsed.map((words) => words.map(key).join(' ')).join(` ${PHRASE_SEPARATOR} `);
  return exact ? `${stream(wordKey)} ${PHRASE_SEPARATOR} ${stream(exactKey)}` : stream(wordKey);
}

export interface QueryWord extends SearchWord {
  /** The folded key, used to tell whether the word occurs anywhere at all. */
  key: string;
}

export interface ParsedQuery {
  /** Distinct words of the query, in order. */
  words: QueryWord[];
  /** The query's phrases (split at punctuation). */
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

/** The Pagefind searches of a query; each term is a space-separated AND of keys, or a quoted phrase. */
export interface QueryPlan {
  /** Every word, folded (tier 4). */
  words: string;
  /** Every word, with the marks typed (tier 2); only when some word was typed with marks. */
  exactWords?: string;
  /** The phrases of two words or more, folded, quoted (tier 3). */
  phrases: string[];
  /**
   * For tier 1, one per phrase: quoted with exact keys when every word of the
   * phrase was typed with marks, else the folded phrase (the marks are then
   * checked by tier 2).
   */
  exactPhrases: string[];
  /** Every key the plan uses outside quotes or inside them, to look up first. */
  keys: string[];
}

/**
 * The searches for a query. `missing` holds the folded forms of words known
 * to occur nowhere: they are left out (and reported by the caller), and
 * split their phrase in two, so that the other words still find articles.
 */
export function planQuery(query: ParsedQuery, missing: ReadonlySet<string> = new Set()): QueryPlan | undefined {
  const keep = (word: SearchWord) => !missing.has(word.folded);
  const words = query.words.filter(keep);
  if (words.length === 0) return undefined;
  const runs = splitRuns(query.phrases, keep).filter((run) => run.length > 1);
  const quote = (keys: string[]) => `"${keys.join(' ')}"`;
  const marked = words.some((word) => word.marked);
  const typedKey = (word: SearchWord) => (word.marked ? exactKey(word) : wordKey(word));
  const plan: QueryPlan = {
    words: unique(words.map(wordKey)).join(' '),
    exactWords: marked ? unique(words.map(typedKey)).join(' ') : undefined,
    phrases: unique(runs.map((run) => quote(run.map(wordKey)))),
    exactPhrases: marked ? unique(runs.map((run) => quote(run.map(run.every((w) => w.marked) ? exactKey : wordKey)))) : [],
    keys: [],
  };
  plan.keys = unique([...words.map(wordKey), ...words.filter((w) => w.marked).map(exactKey)]);
  return plan;
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

function unique(values: string[]): string[] {
  return [...new Set(values)];
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

/** The results of `scored` (in its order) that every one of `sets` holds. */
function within<T extends { id: string }>(scored: readonly T[], sets: readonly ReadonlySet<string>[]): T[] {
  return scored.filter((result) => sets.every((set) => set.has(result.id)));
}

export interface TierInput<T> {
  /** Results of `plan.words`, best score first. */
  words: readonly T[];
  /** Results of `plan.exactWords`, when it ran. */
  exactWords?: readonly T[];
  /** Ids found by each of `plan.phrases`. */
  phrases: readonly ReadonlySet<string>[];
  /** Ids found by each of `plan.exactPhrases`, when they ran. */
  exactPhrases?: readonly ReadonlySet<string>[];
}

/**
 * The four tiers from the searches' results. Pagefind scores a quoted phrase
 * search flatly, so phrase tiers take their order from the word searches.
 */
export function rankTiers<T extends { id: string }>(input: TierInput<T>): T[] {
  const exactWords = input.exactWords ?? [];
  const exactPhrase = input.exactPhrases ? within(exactWords, input.exactPhrases) : [];
  const phrase = input.phrases.length > 0 ? within(input.words, input.phrases) : [];
  return mergeTiers([exactPhrase, exactWords, phrase, input.words]);
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

/** What the search needs of a Pagefind result. */
export interface SearchHit {
  id: string;
  /** Positions of the matched words in the page's text; empty when only its metadata matched. */
  words?: readonly number[];
}

/** The part of Pagefind's JS API that the search uses (a fake in unit tests). */
export interface SearchBackend<R extends SearchHit> {
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
 * and answers for the other terms, which would turn a search into a looser
 * one. So every key is first looked up on its own, without the filter (a
 * word absent from one category still exists): words whose folded key occurs
 * nowhere are reported and left out of the query, and the searches that need
 * an exact spelling that occurs nowhere are not run. A key counts as found
 * only in the text of a page: Pagefind also indexes the words of the
 * metadata (title, excerpt), as written, and answers a key that matches
 * nothing with the longest of those words it begins with ("ung_" finds the
 * title word "ứng").
 *
 * With several indexes merged (a large archive), Pagefind drops a term in
 * each index that lacks it, so "uchuyen_ udo_" also returns the pages of an
 * index without "udo_" that hold "uchuyen_". The results of every search of
 * keys are therefore kept only where the look-ups found each of its keys.
 * Then the searches of `planQuery` run with the filters, and `rankTiers`
 * merges them.
 */
export async function runSearch<R extends SearchHit>(
  backend: SearchBackend<R>,
  query: string,
  filters: Record<string, string> = {},
): Promise<SearchOutcome<R>> {
  const parsed = parseQuery(query);
  // Key -> the pages whose text holds it.
  const found = new Map<string, Set<string>>();
  const lookUp = async (keys: readonly string[]) => {
    const todo = unique(keys.filter((key) => !found.has(key)));
    const answers = await Promise.all(todo.map((key) => backend.search(key)));
    todo.forEach((key, index) => {
      const pages = new Set<string>();
      for (const result of answers[index]?.results ?? []) {
        if (result.words === undefined || result.words.length > 0) pages.add(result.id);
      }
      found.set(key, pages);
    });
  };
  const present = (key: string) => (found.get(key)?.size ?? 0) > 0;
  await lookUp(parsed.words.map((word) => word.key));
  const missingWords = parsed.words.filter((word) => !present(word.key));
  const missing = new Set(missingWords.map((word) => word.folded));
  const plan = planQuery(parsed, missing);
  const outcome = { words: parsed.words.filter((word) => !missing.has(word.folded)), missing: missingWords.map((word) => word.text) };
  if (!plan) return { ...outcome, results: [] };

  await lookUp(plan.keys);
  const exact = plan.keys.every(present);
  const search = async (term: string) => (await backend.search(term, { filters }))?.results ?? [];
  const ids = async (term: string) => new Set((await search(term)).map((result) => result.id));
  const holdingAll = (term: string) => {
    const sets = term.split(' ').map((key) => found.get(key));
    return (results: R[]) => results.filter((result) => sets.every((pages) => pages?.has(result.id) ?? true));
  };
  const [words, exactWords, phraseSets, exactPhraseSets] = await Promise.all([
    search(plan.words).then(holdingAll(plan.words)),
    exact && plan.exactWords ? search(plan.exactWords).then(holdingAll(plan.exactWords)) : undefined,
    Promise.all(plan.phrases.map(ids)),
    exact && plan.exactWords ? Promise.all(plan.exactPhrases.map(ids)) : undefined,
  ]);
  return { ...outcome, results: rankTiers({ words, exactWords, phrases: phraseSets, exactPhrases: exactPhraseSets }) };
}
