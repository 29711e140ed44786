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

export function computeNewsLists(input: readonly RelatableArticle[], options: NewsListOptions): Map<string, NewsLists> {
  const articles = [...input].sort(byNewest);
  const n = articles.length;
  // Index i is also the recency rank: a lower index is newer.
  const tagPostings = new Map<string, number[]>();
  const termPostings = new Map<string, number[]>();
  const termsOf: string[][] = [];
  articles.forEach((article, i) => {
    for (const tag of new Set(article.tags)) {
      let list = tagPostings.get(tag);
      if (!list) tagPostings.set(tag, (list = []));
      list.push(i);
    }
    const terms = textTerms(article.text);
    termsOf.push(terms);
    for (const term of terms) {
      let list = termPostings.get(term);
      if (!list) termPostings.set(term, (list = []));
      list.push(i);
    }
  });
  const maxTermPostings = Math.max(20, Math.floor(n * (options.maxTermShare ?? 0.02)));

  const byCategory = new Map<string, number[]>();
  articles.forEach((article, i) => {
    let list = byCategory.get(article.category);
    if (!list) byCategory.set(article.category, (list = []));
    list.push(i);
  });

  const tagScore = new Int32Array(n);
  const termScore = new Int32Array(n);
  const result = new Map<string, NewsLists>();

  articles.forEach((article, i) => {
    const touched: number[] = [];
    for (const tag of new Set(article.tags)) {
      for (const j of tagPostings.get(tag) ?? []) {
        if (j === i) continue;
        if (tagScore[j] === 0 && termScore[j] === 0) touched.push(j);
        tagScore[j]! += 1;
      }
    }
    for (const term of termsOf[i] ?? []) {
      const postings = termPostings.get(term) ?? [];
      if (postings.length > maxTermPostings) continue;
      for (const j of postings) {
        if (j === i) continue;
        if (tagScore[j] === 0 && termScore[j] === 0) touched.push(j);
        termScore[j]! += 1;
      }
    }
    touched.sort((a, b) => tagScore[b]! - tagScore[a]! || termScore[b]! - termScore[a]! || a - b);
    const relatedIdx = touched.slice(0, options.relatedCount);
    for (const j of touched) {
      tagScore[j] = 0;
      termScore[j] = 0;
    }
    const exclude = new Set(relatedIdx);
    exclude.add(i);
    const other: string[] = [];
    for (const j of byCategory.get(article.category) ?? []) {
      if (other.length >= options.otherCount) break;
      if (!exclude.has(j)) other.push(articles[j]!.id);
    }
    result.set(article.id, { related: relatedIdx.map((j) => articles[j]!.id), other });
  });
  return result;
}
