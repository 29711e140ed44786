import { describe, expect, it } from 'vitest';
import { pageWindow, paginate } from '../../src/lib/paginate.ts';

const numbers = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('paginate', () => {
  it('puts 20 items on a page, in order, with no empty last page', () => {
    const pages = paginate(numbers(41), 20);
    expect(pages.map((page) => page.number)).toEqual([1, 2, 3]);
    expect(pages.map((page) => page.total)).toEqual([3, 3, 3]);
    expect(pages[0]!.items).toEqual(numbers(20));
    expect(pages[1]!.items).toEqual(numbers(40).slice(20));
    expect(pages[2]!.items).toEqual([41]);
  });

  it('makes exactly full pages when the count divides evenly', () => {
    const pages = paginate(numbers(40), 20);
    expect(pages).toHaveLength(2);
    expect(pages[1]!.items).toHaveLength(20);
  });

  it('gives one page to a short list and one empty page to an empty list', () => {
    expect(paginate(numbers(3), 20)).toEqual([{ number: 1, total: 1, items: [1, 2, 3] }]);
    expect(paginate([], 20)).toEqual([{ number: 1, total: 1, items: [] }]);
  });

  it('does not change the input', () => {
    const items = numbers(25);
    paginate(items, 10);
    expect(items).toEqual(numbers(25));
  });

  it('refuses a page size below 1', () => {
    expect(() => paginate(numbers(3), 0)).toThrow(RangeError);
  });

  it('covers every item exactly once for any size', () => {
    for (const count of [1, 19, 20, 21, 99, 100, 101]) {
      const pages = paginate(numbers(count), 20);
      expect(pages.flatMap((page) => page.items)).toEqual(numbers(count));
      expect(pages.every((page) => page.items.length > 0)).toBe(true);
    }
  });
});

describe('pageWindow', () => {
  it('shows the first, the last and two either side of the current page', () => {
    expect(pageWindow(6, 20)).toEqual([1, null, 4, 5, 6, 7, 8, null, 20]);
  });

  it('leaves no gap where the pages touch', () => {
    expect(pageWindow(1, 1)).toEqual([1]);
    expect(pageWindow(1, 3)).toEqual([1, 2, 3]);
    expect(pageWindow(4, 7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(pageWindow(4, 10)).toEqual([1, 2, 3, 4, 5, 6, null, 10]);
    expect(pageWindow(10, 10)).toEqual([1, null, 8, 9, 10]);
  });

  it('takes another radius', () => {
    expect(pageWindow(10, 20, 1)).toEqual([1, null, 9, 10, 11, null, 20]);
  });
});
