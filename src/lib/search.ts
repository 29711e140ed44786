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
 * each key a single token of `[a-z0-9]` (plus any non-Latin letters) that
 * ends in `þ` (`KEY_END`), in the order of the words:
 *
 *   u<folded>þ   every word folded:             "Chuyển đổi số" -> "uchuyenþ udoiþ usoþ"
 *   e<spelled>þ  every word with its marks      "Chuyển đổi số" -> "echuye63nþ ed9o63iþ eso61þ"
 *                spelled out as digits (VNI: 1 sắc 2 huyền 3 hỏi 4 ngã 5 nặng 6 ^ 7 ơư 8 ă, d9 đ)
 *
 * and `x` between phrases (punctuation) and between the two streams, so no
 * phrase runs across them. A key never contains `þ` before its end (a `þ` in a
 * word is written `th`), so no key is a prefix of another key: Pagefind's
 * prefix matching becomes exact matching, and `u` and `e` keys are namespaces
 * that cannot collide with each other.
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
 *
 * A last word with nothing after it ("chuyen do", "Hai Ph") may be half-typed.
 * Keys end in `þ`, so its key `udoþ` matches only the whole word "do"; it is
 * also read as the start of a longer word: the whole word and the most frequent
 * words that begin with it (src/lib/search-completions.ts), each looked up by
 * its whole key. Every tier then gets a second, looser version with that word
 * read as a prefix, ranked right after it (1, 1', 2, 2', 3, 3', 4, 4').
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
export const PHRASE_SEPARATOR = 'x';

/**
 * The last character of every whole key. A letter, so that Pagefind takes a
 * key for one plain word: with a punctuation mark there (`_` until the fifth
 * session), Pagefind 1.6 ran every key through its compound-word splitting,
 * ~20 % of its indexing time, and indexed the digit runs of exact keys as words
 * of their own (`echuye63n_` also as `echuye` and `63`). A rare one, and never
 * inside a key (`keyBody`): no key is the start of another.
 */
export const KEY_END = 'þ';

/** A word as the body of a key: `þ` (Icelandic, Old English) written `th`, so that no key holds `KEY_END` before its end. */
function keyBody(word: string): string {
  return word.includes(KEY_END) ? word.replaceAll(KEY_END, 'th') : word;
}

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

/** The folded key of a word: "đổi" -> "udoiþ". */
export function wordKey(word: SearchWord): string {
  return foldedKey(word.folded);
}

/** The folded key of a folded word: "doi" -> "udoiþ". */
export function foldedKey(folded: string): string {
  return `u${keyBody(folded)}${KEY_END}`;
}

/** Whether a key is a whole key (a word), not the start of one (`prefixKey`). */
export function isWholeKey(key: string): boolean {
  return key.endsWith(KEY_END);
}

/** The folded word of a folded key ("udoiþ" -> "doi"); undefined for any other key. */
export function keyWord(key: string): string | undefined {
  return key.length > 2 && key.startsWith('u') && isWholeKey(key) ? key.slice(1, -1) : undefined;
}

/**
 * A folded key without its end, which Pagefind matches as the start of any
 * longer key: "do" -> "udo" (udoþ, udoiþ, udongþ...). Only for the search of
 * a half-typed word, among keys of pages known to hold one of its words:
 * Pagefind matches it only against the index chunks it has loaded.
 */
export function prefixKey(word: SearchWord): string {
  return `u${keyBody(word.folded)}`;
}

const exactKeys = new WeakMap<SearchWord, string>();

/**
 * The exact key of a word, marks spelled out as digits after the letter they
 * sit on (NFD order, so composed and decomposed input agree): "đổi" ->
 * "ed9o63iþ", "xe" -> "exeþ". Marks outside Vietnamese all read as `0`.
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
  const key = `e${keyBody(out)}${KEY_END}`;
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
  /**
   * The last word when nothing follows it, not even a space or punctuation:
   * the reader may not have finished typing it ("Hai Ph").
   */
  partial?: SearchWord;
}

/** A query whose last character is part of a word: its last word may be half-typed. */
const ENDS_IN_WORD = /[\p{L}\p{M}\p{N}]$/u;

export function parseQuery(query: string): ParsedQuery {
  const parsed = phrases(query);
  const seen = new Set<string>();
  const words: QueryWord[] = [];
  for (const word of parsed.flat()) {
    if (seen.has(word.text)) continue;
    seen.add(word.text);
    words.push({ ...word, key: wordKey(word) });
  }
  const partial = ENDS_IN_WORD.test(query.normalize('NFC')) ? parsed.at(-1)?.at(-1) : undefined;
  return partial ? { words, phrases: parsed, partial } : { words, phrases: parsed };
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
  /**
   * In the plan of a half-typed last word: the folded keys of the words before
   * it in its phrase, which must stand right before one of the words it stands
   * for, in tiers 1 and 3. Pagefind's quoted search matches whole keys only, so
   * the runner checks this phrase from the positions its look-ups found.
   */
  partialPhrase?: string[];
  /** Every whole key the plan uses outside quotes or inside them, to look up first. */
  keys: string[];
}

/** A word of the query where it stands, and whether it is read as half-typed. */
interface Occurrence {
  word: SearchWord;
  partial: boolean;
}

/**
 * The searches for a query. `missing` holds the folded forms of words known
 * to occur nowhere: they are left out (and reported by the caller), and
 * split their phrase in two, so that the other words still find articles.
 *
 * With `partial`, the plan for the query's half-typed last word
 * (`query.partial`) read as the start of a longer word: its key is a prefix
 * key in the word searches, it is never left out, counts as typed without
 * marks, and its phrase is `partialPhrase` instead of a quoted search.
 */
export function planQuery(query: ParsedQuery, missing: ReadonlySet<string> = new Set(), partial = false): QueryPlan | undefined {
  const lastPhrase = query.phrases.length - 1;
  const occurrences: Occurrence[][] = query.phrases.map((phrase, p) =>
    phrase.map((word, w) => ({ word, partial: partial && query.partial !== undefined && p === lastPhrase && w === phrase.length - 1 })),
  );
  const keep = (occurrence: Occurrence) => occurrence.partial || !missing.has(occurrence.word.folded);
  const kept = occurrences.flat().filter(keep);
  const complete = uniqueWords(kept.filter((occurrence) => !occurrence.partial).map((occurrence) => occurrence.word));
  const last = kept.find((occurrence) => occurrence.partial)?.word;
  if (complete.length === 0 && !last) return undefined;
  const runs = splitRuns(occurrences, keep).filter((run) => run.length > 1);
  const partialRun = runs.find((run) => run[run.length - 1]!.partial);
  const wholeRuns = runs.filter((run) => run !== partialRun).map((run) => run.map((occurrence) => occurrence.word));
  const quote = (keys: string[]) => `"${keys.join(' ')}"`;
  const marked = complete.some((word) => word.marked);
  const typedKey = (word: SearchWord) => (word.marked ? exactKey(word) : wordKey(word));
  const lastKey = last ? [prefixKey(last)] : [];
  const plan: QueryPlan = {
    words: unique([...complete.map(wordKey), ...lastKey]).join(' '),
    exactWords: marked ? unique([...complete.map(typedKey), ...lastKey]).join(' ') : undefined,
    phrases: unique(wholeRuns.map((run) => quote(run.map(wordKey)))),
    exactPhrases: marked ? unique(wholeRuns.map((run) => quote(run.map(run.every((w) => w.marked) ? exactKey : wordKey)))) : [],
    keys: unique([...complete.map(wordKey), ...complete.filter((w) => w.marked).map(exactKey)]),
  };
  if (partialRun) plan.partialPhrase = partialRun.slice(0, -1).map((occurrence) => wordKey(occurrence.word));
  return plan;
}

/** Runs of kept words inside each phrase: a missing word breaks a phrase in two. */
function splitRuns(phraseList: Occurrence[][], keep: (occurrence: Occurrence) => boolean): Occurrence[][] {
  const runs: Occurrence[][] = [];
  for (const phrase of phraseList) {
    let run: Occurrence[] = [];
    for (const occurrence of phrase) {
      if (keep(occurrence)) run.push(occurrence);
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

/** Words with distinct spellings, in order. */
function uniqueWords<W extends SearchWord>(words: readonly W[]): W[] {
  const seen = new Set<string>();
  return words.filter((word) => !seen.has(word.text) && seen.add(word.text));
}

/**
 * The pages where words stand in a row. `positions[i]` maps a page to the
 * positions of the i-th word in its text (of any of the forms it stands for),
 * as Pagefind's results report them (`words`).
 */
export function phraseHolders(positions: readonly ReadonlyMap<string, readonly number[]>[]): Set<string> {
  const out = new Set<string>();
  const [first, ...rest] = positions;
  if (!first) return out;
  for (const [id, starts] of first) {
    const following = rest.map((pages) => pages.get(id));
    if (following.some((list) => list === undefined)) continue;
    const sets = following.map((list) => new Set(list));
    if (starts.some((start) => sets.every((set, i) => set.has(start + i + 1)))) out.add(id);
  }
  return out;
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
 * The four tiers from the searches' results, strictest first. Pagefind scores
 * a quoted phrase search flatly, so phrase tiers take their order from the word
 * searches.
 */
export function tierLists<T extends { id: string }>(input: TierInput<T>): [T[], T[], T[], T[]] {
  const exactWords = [...(input.exactWords ?? [])];
  const exactPhrase = input.exactPhrases ? within(exactWords, input.exactPhrases) : [];
  const phrase = input.phrases.length > 0 ? within(input.words, input.phrases) : [];
  return [exactPhrase, exactWords, phrase, [...input.words]];
}

/** The four tiers merged, each result once at its best tier. */
export function rankTiers<T extends { id: string }>(input: TierInput<T>): T[] {
  return mergeTiers(tierLists(input));
}

/**
 * The tiers of a query with a half-typed last word: each tier of the reading
 * with the word whole, then the same tier with the word read as a prefix. A
 * phrase still comes before scattered words ("chuyển đổi" for "chuyen do"
 * before "chuyến ... Đỗ"), and a word already complete before its longer
 * words ("so": số before sông) at every level.
 */
export function interleaveTiers<T extends { id: string }>(whole: readonly (readonly T[])[], partial: readonly (readonly T[])[]): T[] {
  const tiers: (readonly T[])[] = [];
  for (let i = 0; i < Math.max(whole.length, partial.length); i += 1) tiers.push(whole[i] ?? [], partial[i] ?? []);
  return mergeTiers(tiers);
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

/** The part of Pagefind's JS API that the search uses (a fake in unit tests), and the completions of half-typed words. */
export interface SearchBackend<R extends SearchHit> {
  search(term: string, options?: { filters?: Record<string, string> }): Promise<{ results: R[] } | null>;
  /**
   * The folded words of the archive that begin with a folded prefix, most
   * frequent first (`completionsOf` on the prefix's bucket file). Without it a
   * half-typed word finds only the whole word it already is.
   */
  complete?(prefix: string): Promise<readonly string[]>;
}

export interface SearchOutcome<R> {
  /** Words to highlight: the query's words that found something, and the words a half-typed one stood for. */
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
 * nothing with the longest of those words it begins with ("ungþ" finds the
 * title word "ứng").
 *
 * With several indexes merged (a large archive), Pagefind drops a term in
 * each index that lacks it, so "uchuyenþ udoþ" also returns the pages of an
 * index without "udoþ" that hold "uchuyenþ". The results of every search of
 * keys are therefore kept only where the look-ups found each of its keys.
 *
 * A half-typed last word (`ParsedQuery.partial`) is looked up as the whole
 * word and as each of its completions (`backend.complete`); the words among
 * them that occur stand for it. If none does, it is reported like any word
 * that occurs nowhere. Otherwise the query runs twice: as typed (unless the
 * word is not a whole word at all), and with the word as a prefix, restricted
 * to the pages that hold one of the words it stands for; `interleaveTiers`
 * merges the two. Then the searches of `planQuery` run with the filters.
 */
export async function runSearch<R extends SearchHit>(
  backend: SearchBackend<R>,
  query: string,
  filters: Record<string, string> = {},
): Promise<SearchOutcome<R>> {
  const parsed = parseQuery(query);
  const partial = parsed.partial;
  // Key -> page -> positions of the key in the page's text; each key looked up once.
  const found = new Map<string, Map<string, readonly number[]>>();
  const lookUps = new Map<string, Promise<void>>();
  const lookUp = (keys: readonly string[]) =>
    Promise.all(
      keys.map((key) => {
        let done = lookUps.get(key);
        if (!done) {
          done = backend.search(key).then((answer) => {
            const pages = new Map<string, readonly number[]>();
            for (const result of answer?.results ?? []) {
              if (result.words === undefined || result.words.length > 0) pages.set(result.id, result.words ?? []);
            }
            found.set(key, pages);
          });
          lookUps.set(key, done);
        }
        return done;
      }),
    );
  const present = (key: string) => (found.get(key)?.size ?? 0) > 0;
  // The words a half-typed last word stands for: itself and its completions, looked up with the other words.
  const candidates = async (word: SearchWord): Promise<string[]> => {
    const completions = backend.complete ? await backend.complete(word.folded) : [];
    const keys = unique([wordKey(word), ...completions.filter((completion) => completion.startsWith(word.folded)).map(foldedKey)]);
    await lookUp(keys);
    return keys;
  };
  const [, keys] = await Promise.all([lookUp(parsed.words.map((word) => word.key)), partial ? candidates(partial) : []]);
  const absent = new Set(parsed.words.filter((word) => !present(word.key)).map((word) => word.folded));
  const standsFor = keys.filter(present);
  const positions = new Map<string, number[]>();
  for (const key of standsFor) {
    for (const [id, list] of found.get(key)!) positions.set(id, [...(positions.get(id) ?? []), ...list]);
  }
  const prefixFound = partial !== undefined && standsFor.length > 0;
  const isPartial = (word: SearchWord) => prefixFound && word.folded === partial.folded;

  const missingWords = parsed.words.filter((word) => absent.has(word.folded) && !isPartial(word));
  const highlighted = [...parsed.words.filter((word) => !absent.has(word.folded)), ...standsFor.map((key) => toSearchWord(keyWord(key)!))];
  const outcome = {
    words: highlighted.filter((word, index) => highlighted.findIndex((other) => other.folded === word.folded) === index),
    missing: missingWords.map((word) => word.text),
  };
  // As typed: not when the last word is no whole word (the query without it would be looser than the prefix reading).
  const wholePlan = prefixFound && absent.has(partial.folded) ? undefined : planQuery(parsed, absent);
  const partialPlan = prefixFound ? planQuery(parsed, absent, true) : undefined;
  if (!wholePlan && !partialPlan) return { ...outcome, results: [] };

  await lookUp([...(wholePlan?.keys ?? []), ...(partialPlan?.keys ?? [])]);
  const searches = new Map<string, Promise<R[]>>();
  const search = (term: string) => {
    let results = searches.get(term);
    if (!results) {
      results = backend.search(term, { filters }).then((answer) => answer?.results ?? []);
      searches.set(term, results);
    }
    return results;
  };
  const ids = async (term: string) => new Set((await search(term)).map((result) => result.id));
  // The pages that hold a key: a whole key's from its look-up, a prefix key's those of the words it stands for.
  const holders = (key: string): ReadonlyMap<string, unknown> | undefined => (isWholeKey(key) ? found.get(key) : positions);
  const holdingAll = (term: string) => {
    const sets = term.split(' ').map(holders);
    return (results: R[]) => results.filter((result) => sets.every((pages) => pages?.has(result.id) ?? true));
  };
  const tiersOf = async (plan: QueryPlan) => {
    const exact = plan.keys.every(present);
    const local = plan.partialPhrase ? [phraseHolders([...plan.partialPhrase.map((key) => found.get(key) ?? new Map()), positions])] : [];
    const [words, exactWords, phraseSets, exactPhraseSets] = await Promise.all([
      search(plan.words).then(holdingAll(plan.words)),
      exact && plan.exactWords ? search(plan.exactWords).then(holdingAll(plan.exactWords)) : undefined,
      Promise.all(plan.phrases.map(ids)),
      exact && plan.exactWords ? Promise.all(plan.exactPhrases.map(ids)) : undefined,
    ]);
    return tierLists({
      words,
      exactWords,
      phrases: [...phraseSets, ...local],
      exactPhrases: exactPhraseSets && [...exactPhraseSets, ...local],
    });
  };
  const [whole, prefix] = await Promise.all([wholePlan && tiersOf(wholePlan), partialPlan && tiersOf(partialPlan)]);
  return { ...outcome, results: interleaveTiers(whole ?? [], prefix ?? []) };
}
