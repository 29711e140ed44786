/**
 * The words a half-typed last word of a query can stand for: "chuyen do" ->
 * "do", "doi", "dong"..., the most frequent words of the archive that begin
 * with it. Pure: the build (scripts/lib/search-index.ts) counts the folded words
 * of the indexed articles and writes them as small files, one per first two
 * letters ("ph" -> `/pagefind/words/ph.json`, most frequent first); the browser
 * reads the one file a prefix needs and takes the first words that begin with
 * it. See "Half-typed words" in docs/search.md.
 *
 * Why a list of words and not Pagefind's own prefix matching: Pagefind splits
 * its index into chunks by word and loads, for a term, only the chunk the term
 * falls in, so a prefix finds only the words of that one chunk. On an archive
 * of thousands of articles "uph" then finds "uphaiþ" and misses "uphongþ".
 * The search looks each completion up by its whole key instead, which loads
 * its chunk and finds it exactly.
 */

/** How many words a half-typed word stands for at most: each is one more word to look up. */
export const COMPLETION_LIMIT = 8;

/** Most words kept in the file of a two-letter bucket: rarer words complete only when typed whole. */
export const COMPLETION_BUCKET_LIMIT = 400;

/** Characters a bucket is named by (folded words are lower case without marks). */
const BUCKET_CHARACTER = /^[a-z0-9]$/;

/**
 * The bucket file that holds the completions of a folded prefix: its first two
 * characters, or the one character of a one-letter prefix; none for a prefix
 * that starts with another character (a word in another script completes only
 * when typed whole).
 */
export function completionBucket(prefix: string): string | undefined {
  const head = [...prefix].slice(0, 2);
  if (head.length === 0 || !head.every((char) => BUCKET_CHARACTER.test(char))) return undefined;
  return head.join('');
}

/**
 * The bucket files from the number of articles each folded word occurs in.
 * A two-letter bucket lists the words that begin with those letters, most
 * frequent first (ties in code-point order), at most `bucketLimit` of them; a
 * one-letter bucket lists only the `limit` most frequent words beginning with
 * that letter, which is all a one-letter prefix uses.
 */
export function completionBuckets(
  frequency: ReadonlyMap<string, number>,
  limit = COMPLETION_LIMIT,
  bucketLimit = COMPLETION_BUCKET_LIMIT,
): Map<string, string[]> {
  const ranked = [...frequency.entries()]
    .filter(([word]) => completionBucket(word) !== undefined)
    .sort(([a, countA], [b, countB]) => countB - countA || (a < b ? -1 : a > b ? 1 : 0))
    .map(([word]) => word);
  const buckets = new Map<string, string[]>();
  const add = (bucket: string, word: string, most: number) => {
    const list = buckets.get(bucket) ?? [];
    if (list.length >= most) return;
    list.push(word);
    buckets.set(bucket, list);
  };
  for (const word of ranked) {
    const head = [...word];
    add(head[0]!, word, limit);
    if (head.length >= 2) add(`${head[0]}${head[1]}`, word, bucketLimit);
  }
  return buckets;
}

/** The completions of a folded prefix from its bucket's list: the first `limit` words that begin with it. */
export function completionsOf(bucket: readonly string[], prefix: string, limit = COMPLETION_LIMIT): string[] {
  const out: string[] = [];
  for (const word of bucket) {
    if (out.length >= limit) break;
    if (word.startsWith(prefix)) out.push(word);
  }
  return out;
}
