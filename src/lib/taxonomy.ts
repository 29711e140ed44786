/**
 * Tags and authors: spellings that differ only in case or Unicode form are one
 * tag; lists are sorted with the newsroom's collation (Vietnamese by default).
 */
import { slugify } from './slug.ts';
import { nfc, squashWhitespace } from './text.ts';

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
  /** Key of each name as written: a slug is computed once per spelling, not once per article. */
  readonly #keys = new Map<string, string>();

  /** The key of a name as written (`termKey` of its clean spelling). */
  key(name: string): string {
    let key = this.#keys.get(name);
    if (key === undefined) {
      key = termKey(cleanName(name));
      this.#keys.set(name, key);
    }
    return key;
  }

  add(name: string): string {
    const clean = cleanName(name);
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
  const registry = new TermRegistry();
  for (const article of inUrlOrder(articles)) for (const name of names(article)) registry.add(name);
  return registry;
}

/** A collator-based comparator on names: "Đà Nẵng" sorts after "Dân" and before "Em" in Vietnamese. */
export function createNameComparator(locale: string): (a: string, b: string) => number {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  return (a, b) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
