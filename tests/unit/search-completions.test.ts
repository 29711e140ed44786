import { describe, expect, it } from 'vitest';
import { COMPLETION_LIMIT, completionBucket, completionBuckets, completionsOf } from '../../src/lib/search-completions.ts';

describe('completion buckets', () => {
  it('names a bucket by the first two letters of a folded prefix, or its one letter', () => {
    expect(completionBucket('phong')).toBe('ph');
    expect(completionBucket('ph')).toBe('ph');
    expect(completionBucket('d')).toBe('d');
    expect(completionBucket('20')).toBe('20');
    expect(completionBucket('')).toBeUndefined();
    // Another script, or marks left in: no completions.
    expect(completionBucket('мо')).toBeUndefined();
    expect(completionBucket('kø')).toBeUndefined();
  });

  const frequency = new Map([
    ['pho', 5],
    ['phong', 9],
    ['phuong', 9],
    ['phat', 2],
    ['pha', 1],
    ['p', 3],
    ['do', 7],
    ['doi', 4],
    ['москва', 3],
  ]);

  it('lists the words of a two-letter bucket most frequent first, ties in code-point order', () => {
    const buckets = completionBuckets(frequency);
    expect(buckets.get('ph')).toEqual(['phong', 'phuong', 'pho', 'phat', 'pha']);
    expect(buckets.get('do')).toEqual(['do', 'doi']);
    expect([...buckets.keys()].sort()).toEqual(['d', 'do', 'p', 'ph']);
  });

  it('keeps only the most frequent words a one-letter prefix uses, and caps two-letter buckets', () => {
    const buckets = completionBuckets(frequency, 3, 2);
    expect(buckets.get('p')).toEqual(['phong', 'phuong', 'pho']);
    expect(buckets.get('ph')).toEqual(['phong', 'phuong']);
  });
});

describe('completionsOf', () => {
  const bucket = ['phong', 'phuong', 'pho', 'phat', 'phai', 'pha'];

  it('takes the first words of the bucket that begin with the prefix', () => {
    expect(completionsOf(bucket, 'pho')).toEqual(['phong', 'pho']);
    expect(completionsOf(bucket, 'ph', 3)).toEqual(['phong', 'phuong', 'pho']);
    expect(completionsOf(bucket, 'phx')).toEqual([]);
  });

  it('stops at the limit', () => {
    const many = Array.from({ length: 20 }, (_, i) => `ph${i}`);
    expect(completionsOf(many, 'ph')).toHaveLength(COMPLETION_LIMIT);
  });
});
