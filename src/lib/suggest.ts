/**
 * "Did you mean": the closest known word to a mistyped one, for unknown
 * front-matter keys (`photograper` -> `photographer`) and categories
 * (`chinh-tr` -> `chinh-tri`). Comparison ignores case, Unicode normalisation
 * and Vietnamese diacritics, so `Chính-trị` finds `chinh-tri` too.
 */
import { foldVietnamese } from './text.ts';

/**
 * Edit distance counting insertions, deletions, substitutions and swaps of two
 * neighbouring characters as one edit each (optimal string alignment):
 * `editDistance('tilte', 'title')` is 1.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  const width = b.length + 1;
  // Three rows: two back (for swaps), one back, current.
  let before = new Array<number>(width).fill(0);
  let previous = Array.from({ length: width }, (_, j) => j);
  let current = new Array<number>(width).fill(0);
  for (let i = 1; i <= a.length; i += 1) {
    current[0] = i;
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length]!;
}

/** How many edits a word of this length may be away from a suggestion. */
function allowedDistance(length: number): number {
  if (length <= 3) return 1;
  if (length <= 8) return 2;
  return 3;
}

/** A form that ignores case, NFC/NFD, diacritics, spaces and "_" vs "-". */
function comparable(value: string): string {
  return foldVietnamese(value).trim().replace(/[\s_]+/g, '-');
}

/**
 * The candidate closest to `input`, or undefined when none is close enough.
 * Ties go to the candidate listed first.
 */
export function suggest(input: string, candidates: readonly string[]): string | undefined {
  const wanted = comparable(input);
  if (wanted === '') return undefined;
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const distance = editDistance(wanted, comparable(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return bestDistance <= allowedDistance(wanted.length) ? best : undefined;
}
