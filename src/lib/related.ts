/**
 * "Tin liên quan" (related) and "Tin khác" (other news) for every article,
 * computed once per build from inverted indexes: the cost grows with the number
 * of articles times the size of their tag and term postings, never n².
 *
 * Related: ranked by shared tags, then shared title/lead terms (syllable pairs,
 * folded, so "Chuyển đổi" and "chuyen doi" match), then recency. An article
 * that shares nothing gets no related list.
 * Other news: the newest articles of the same category, minus the article
 * itself and its related ones.
 */
import { foldedWords } from './text.ts';

export interface RelatableArticle {
  id: string;
  category: string;
  date: Date;
  /** Tag keys (already normalised: see `tagKey`). */
  tags: readonly string[];
  /** Title and lead text; terms are derived from it. */
  text: string;
}

export interface NewsLists {
  related: string[];
  other: string[];
}

export interface NewsListOptions {
  relatedCount: number;
  otherCount: number;
  /** Terms shared by more than this share of articles say nothing about relatedness. */
  maxTermShare?: number;
}

/** Syllable pairs of folded text: "Chuyển đổi số" -> ["chuyen doi", "doi so"]. */
export function textTerms(text: string): string[] {
  const words = foldedWords(text);
  const terms = new Set<string>();
  for (let i = 0; i + 1 < words.length; i += 1) terms.add(`${words[i]} ${words[i + 1]}`);
  return [...terms];
}

function byNewest(a: RelatableArticle, b: RelatableArticle): number {
  return b.date.getTime() - a.date.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Interns keys as small integers and keeps, per key, the articles that carry it (ascending index). */
class Postings {
  readonly #ids = new Map<string, number>();
  readonly lists: number[][] = [];

  add(key: string, article: number): number {
    let id = this.#ids.get(key);
    if (id === undefined) {
      id = this.lists.length;
      this.#ids.set(key, id);
      this.lists.push([]);
    }
    const list = this.lists[id]!;
    // An article repeating a key counts once.
    if (list[list.length - 1] !== article) list.push(article);
    return id;
  }
}

export function computeNewsLists(input: readonly RelatableArticle[], options: NewsListOptions): Map<string, NewsLists> {
  const articles = [...input].sort(byNewest);
  const n = articles.length;
  // Index i is also the recency rank: a lower index is newer. Posting lists
  // hold article indexes in ascending order; tags and terms are interned.
  const tags = new Postings();
  const terms = new Postings();
  const tagsOf: number[][] = [];
  const termsOf: number[][] = [];
  for (let i = 0; i < n; i += 1) {
    const article = articles[i]!;
    tagsOf.push([...new Set(article.tags.map((tag) => tags.add(tag, i)))]);
    termsOf.push(textTerms(article.text).map((term) => terms.add(term, i)));
  }
  const maxTermPostings = Math.max(20, Math.floor(n * (options.maxTermShare ?? 0.02)));

  const byCategory = new Map<string, number[]>();
  for (let i = 0; i < n; i += 1) {
    const category = articles[i]!.category;
    let list = byCategory.get(category);
    if (!list) byCategory.set(category, (list = []));
    list.push(i);
  }

  const tagScore = new Int32Array(n);
  const termScore = new Int32Array(n);
  const touched = new Int32Array(n);
  const k = options.relatedCount;
  const result = new Map<string, NewsLists>();
  /** Ranks candidate a above b: more shared tags, then more shared terms, then newer. */
  const better = (a: number, b: number) =>
    tagScore[a] !== tagScore[b] ? tagScore[a]! > tagScore[b]! : termScore[a] !== termScore[b] ? termScore[a]! > termScore[b]! : a < b;

  for (let i = 0; i < n; i += 1) {
    const article = articles[i]!;
    let count = 0;
    for (const tag of tagsOf[i]!) {
      const postings = tags.lists[tag]!;
      for (let p = 0; p < postings.length; p += 1) {
        const j = postings[p]!;
        if (j === i) continue;
        if (tagScore[j] === 0 && termScore[j] === 0) touched[count++] = j;
        tagScore[j] = tagScore[j]! + 1;
      }
    }
    for (const term of termsOf[i]!) {
      const postings = terms.lists[term]!;
      if (postings.length > maxTermPostings) continue;
      for (let p = 0; p < postings.length; p += 1) {
        const j = postings[p]!;
        if (j === i) continue;
        if (tagScore[j] === 0 && termScore[j] === 0) touched[count++] = j;
        termScore[j] = termScore[j]! + 1;
      }
    }
    // The best k candidates, kept sorted by insertion: O(candidates x k), not a sort of all candidates.
    const relatedIdx: number[] = [];
    for (let c = 0; k > 0 && c < count; c += 1) {
      const j = touched[c]!;
      if (relatedIdx.length === k && !better(j, relatedIdx[k - 1]!)) continue;
      let at = relatedIdx.length === k ? k - 1 : relatedIdx.length;
      while (at > 0 && better(j, relatedIdx[at - 1]!)) {
        relatedIdx[at] = relatedIdx[at - 1]!;
        at -= 1;
      }
      relatedIdx[at] = j;
    }
    for (let c = 0; c < count; c += 1) {
      tagScore[touched[c]!] = 0;
      termScore[touched[c]!] = 0;
    }
    const other: string[] = [];
    for (const j of byCategory.get(article.category) ?? []) {
      if (other.length >= options.otherCount) break;
      if (j !== i && !relatedIdx.includes(j)) other.push(articles[j]!.id);
    }
    result.set(article.id, { related: relatedIdx.map((j) => articles[j]!.id), other });
  }
  return result;
}
