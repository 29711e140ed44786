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

export interface Term {
  key: string;
  /** Display name: the spelling used most often (ties: the first seen). */
  name: string;
}

/** Chooses one display spelling for each key among all the spellings seen. */
export class TermRegistry {
  readonly #spellings = new Map<string, Map<string, number>>();
  /** Key of each name as written: a slug is computed once per spelling, not once per article. */
  readonly #keys = new Map<string, string>();

  /** The key of a name as written (`termKey` of its clean spelling). */
  key(name: string): string {
    let key = this.#keys.get(name);
    if (key === undefined) {
      key = termKey(squashWhitespace(nfc(name)));
      this.#keys.set(name, key);
    }
    return key;
  }

  add(name: string): string {
    const clean = squashWhitespace(nfc(name));
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

/** A collator-based comparator on names: "Đà Nẵng" sorts after "Dân" and before "Em" in Vietnamese. */
export function createNameComparator(locale: string): (a: string, b: string) => number {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  return (a, b) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0);
}
