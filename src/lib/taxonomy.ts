/**
 * Tags and authors: spellings that differ only in case or Unicode form are one
 * tag; lists are sorted with the newsroom's collation (Vietnamese by default).
 * Every spelling with the same key is filed on one page, even spellings of
 * different words ("Bão" and "Báo"): `spellingVariants` finds them, for the
 * content check to show.
 */
import { slugify } from './slug.ts';
import { foldedWords, foldVietnamese, nfc, squashWhitespace } from './text.ts';

/** The identity of a tag or author: its URL slug ("Chuyển Đổi Số" -> "chuyen-doi-so"). */
export function termKey(name: string): string {
  return slugify(name);
}

/** A name as its spellings are counted: NFC, whitespace squashed. */
function cleanName(name: string): string {
  return squashWhitespace(nfc(name));
}

export interface Term {
  key: string;
  /** Display name: the spelling used most often (ties: the first seen, see `createTermRegistry`). */
  name: string;
}

/**
 * Chooses one display spelling for each key among all the spellings seen.
 * "First seen" depends on the order of `add`: build it with
 * `createTermRegistry`, which adds in URL order.
 */
export class TermRegistry {
  readonly #spellings = new Map<string, Map<string, number>>();
  /** Clean spelling and key of each name as written: computed once per spelling, not once per article. */
  readonly #clean = new Map<string, string>();
  readonly #keys = new Map<string, string>();

  /** A name as written, clean (NFC, whitespace squashed): the spelling that is counted. */
  clean(name: string): string {
    let clean = this.#clean.get(name);
    if (clean === undefined) {
      clean = cleanName(name);
      this.#clean.set(name, clean);
    }
    return clean;
  }

  /** The key of a name as written (`termKey` of its clean spelling). */
  key(name: string): string {
    let key = this.#keys.get(name);
    if (key === undefined) {
      key = termKey(this.clean(name));
      this.#keys.set(name, key);
    }
    return key;
  }

  add(name: string): string {
    const clean = this.clean(name);
    const key = this.key(name);
    let counts = this.#spellings.get(key);
    if (!counts) this.#spellings.set(key, (counts = new Map()));
    counts.set(clean, (counts.get(clean) ?? 0) + 1);
    return key;
  }

  terms(): Map<string, Term> {
    const out = new Map<string, Term>();
    for (const [key, counts] of this.#spellings) {
      let best = '';
      let bestCount = 0;
      for (const [spelling, count] of counts) {
        if (count > bestCount) {
          best = spelling;
          bestCount = count;
        }
      }
      out.set(key, { key, name: best });
    }
    return out;
  }
}

/** Articles in the order of their URLs (code-unit order, as `compareNewestFirst` breaks ties). */
function inUrlOrder<A extends { url: string }>(articles: Iterable<A>): A[] {
  return [...articles].sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
}

/**
 * The registry of the names `names` gives each article, added in the order of
 * the articles' URLs: a tie between two spellings goes to the article first in
 * that order, whatever order the articles come in (Astro's content store,
 * the check's files). The site and the content check both build their
 * registries here, so they choose the same spelling.
 */
export function createTermRegistry<A extends { url: string }>(articles: Iterable<A>, names: (article: A) => readonly string[]): TermRegistry {
  return addInOrder(new TermRegistry(), inUrlOrder(articles), names, (name) => name);
}

/** Adds to `registry` the names of the items `items` gives each of `ordered`, in that order. */
function addInOrder<A, I>(registry: TermRegistry, ordered: readonly A[], items: (article: A) => readonly I[], name: (item: I) => string): TermRegistry {
  for (const article of ordered) for (const item of items(article)) registry.add(name(item));
  return registry;
}

/**
 * How a spelling differs from the one its page shows:
 * - `accents`: in its accents only (tone and vowel marks, đ), as "Báo" (newspaper)
 *   and "Bão" (storm), which may well be different words;
 * - `unaccented`: it has no accents at all and the page's spelling has, as
 *   "Hai Phong" for "Hải Phòng", most likely the same name typed in haste;
 * - `other`: in something else the address leaves out, as punctuation
 *   ("TP.HCM", "TP HCM") or a symbol ("A&B", "A and B").
 */
export type VariantKind = 'accents' | 'unaccented' | 'other';

export interface SpellingVariant<A, U> {
  article: A;
  /** The name as the article gives it (an item of `uses(article)`). */
  use: U;
  /** The spelling written, clean (NFC, whitespace squashed). */
  spelling: string;
  key: string;
  /** The spelling the page shows: the choice of `TermRegistry.terms()`. */
  shown: string;
  kind: VariantKind;
  /** How many articles write the shown spelling (up to case). */
  shownBy: number;
}

/** Lower case, with runs of anything but letters, marks and digits as one space. */
function letters(value: string): string {
  return value
    .toLowerCase()
    .split(/[^\p{L}\p{M}\p{N}]+/u)
    .filter((word) => word !== '')
    .join(' ');
}

function hasAccents(value: string): boolean {
  return foldVietnamese(value) !== nfc(value.toLowerCase());
}

function variantKind(spelling: string, shown: string): VariantKind {
  const sameLetters = foldedWords(spelling).join(' ') === foldedWords(shown).join(' ');
  if (!sameLetters || letters(spelling) === letters(shown)) return 'other';
  return !hasAccents(spelling) && hasAccents(shown) ? 'unaccented' : 'accents';
}

/**
 * Whether two names of `articles` share a key but not their spelling (up to
 * case): the cheap test of each distinct name that spares most archives,
 * which have no such pair, ordering and counting every use (~0.15 s at
 * 10,000 articles).
 */
function hasSpellingClash<A, U extends { name: string }>(articles: readonly A[], uses: (article: A) => readonly U[], registry: TermRegistry): boolean {
  const seen = new Set<string>();
  const spellingOfKey = new Map<string, string>();
  for (const article of articles) {
    for (const { name } of uses(article)) {
      if (seen.has(name)) continue;
      seen.add(name);
      const key = registry.key(name);
      const spelling = registry.clean(name).toLowerCase();
      const other = spellingOfKey.get(key);
      if (other === undefined) spellingOfKey.set(key, spelling);
      else if (other !== spelling) return true;
    }
  }
  return false;
}

/**
 * Every name filed on a page that shows it spelt otherwise, in more than case,
 * Unicode form and whitespace: "Báo" in an article, when the page of its key
 * `bao` is titled "Bão". `uses` gives the names of an article (its tags, or its
 * authors) as objects with a `name`, which come back as `use`. The shown
 * spelling is that of `createTermRegistry` over the same articles, so it is
 * the one the site displays when built from them. In URL order of the articles.
 */
export function spellingVariants<A extends { url: string }, U extends { name: string }>(
  articles: readonly A[],
  uses: (article: A) => readonly U[],
): SpellingVariant<A, U>[] {
  // Its keys and clean spellings, worked out once per name, serve both passes.
  const registry = new TermRegistry();
  if (!hasSpellingClash(articles, uses, registry)) return [];
  const ordered = inUrlOrder(articles);
  const terms = addInOrder(registry, ordered, uses, (use) => use.name).terms();
  // Per name as written (a few hundred, against tens of thousands of uses).
  const names = new Map<string, { key: string; spelling: string; shown: string; same: boolean }>();
  // How many articles write each key's shown spelling; an article is counted once (URL order).
  const writers = new Map<string, number>();
  const lastWriter = new Map<string, A>();
  const found: Omit<SpellingVariant<A, U>, 'shownBy'>[] = [];
  for (const article of ordered) {
    for (const use of uses(article)) {
      let name = names.get(use.name);
      if (!name) {
        const key = registry.key(use.name);
        const spelling = registry.clean(use.name);
        const shown = terms.get(key)!.name;
        name = { key, spelling, shown, same: spelling.toLowerCase() === shown.toLowerCase() };
        names.set(use.name, name);
      }
      const { key, spelling, shown } = name;
      if (!name.same) {
        found.push({ article, use, spelling, key, shown, kind: variantKind(spelling, shown) });
      } else if (lastWriter.get(key) !== article) {
        lastWriter.set(key, article);
        writers.set(key, (writers.get(key) ?? 0) + 1);
      }
    }
  }
  return found.map((variant) => ({ ...variant, shownBy: writers.get(variant.key) ?? 0 }));
}

/** A collator-based comparator on names: "Đà Nẵng" sorts after "Dân" and before "Em" in Vietnamese. */
export function createNameComparator(locale: string): (a: string, b: string) => number {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  return (a, b) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
