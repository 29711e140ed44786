/** Pagination of listings: 20 a page, no empty last page. */

export interface Page<T> {
  /** 1-based page number. */
  number: number;
  total: number;
  items: T[];
}

export function paginate<T>(items: readonly T[], pageSize: number): Page<T>[] {
  if (pageSize < 1) throw new RangeError('pageSize must be at least 1');
  const total = Math.max(1, Math.ceil(items.length / pageSize));
  const pages: Page<T>[] = [];
  for (let number = 1; number <= total; number += 1) {
    pages.push({ number, total, items: items.slice((number - 1) * pageSize, number * pageSize) });
  }
  return pages;
}

/** The page numbers to link to around the current one: 1 … 4 5 [6] 7 8 … 20. */
export function pageWindow(current: number, total: number, radius = 2): (number | null)[] {
  const numbers = new Set<number>([1, total]);
  for (let n = current - radius; n <= current + radius; n += 1) if (n >= 1 && n <= total) numbers.add(n);
  const sorted = [...numbers].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  sorted.forEach((n, index) => {
    const previous = sorted[index - 1];
    if (previous !== undefined && n - previous > 1) out.push(null);
    out.push(n);
  });
  return out;
}
