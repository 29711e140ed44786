import { describe, expect, it } from 'vitest';
import { editDistance, suggest } from '../../src/lib/suggest.ts';
import { ARTICLE_KEYS } from '../../src/lib/schemas/article.ts';

const CATEGORIES = ['chinh-tri', 'kinh-te', 'xa-hoi', 'van-hoa', 'the-thao', 'do-thi'];

describe('editDistance', () => {
  it.each([
    ['', '', 0],
    ['abc', '', 3],
    ['', 'abc', 3],
    ['chinh-tr', 'chinh-tri', 1],
    ['photograper', 'photographer', 1],
    ['tilte', 'title', 1],
    ['kitten', 'sitting', 3],
    ['author', 'author', 0],
  ])('%s -> %s = %i', (a, b, distance) => {
    expect(editDistance(a, b)).toBe(distance);
    expect(editDistance(b, a)).toBe(distance);
  });
});

describe('suggest (did you mean)', () => {
  it.each([
    ['chinh-tr', 'chinh-tri'],
    ['chinhtri', 'chinh-tri'],
    ['Chính-trị', 'chinh-tri'],
    ['chính trị'.normalize('NFD'), 'chinh-tri'],
    ['kinh_te', 'kinh-te'],
    ['van-hao', 'van-hoa'],
    ['dothi', 'do-thi'],
  ])('category %s -> %s', (input, expected) => {
    expect(suggest(input, CATEGORIES)).toBe(expected);
  });

  it.each([
    ['photograper', 'photographer'],
    ['tilte', 'title'],
    ['Title', 'title'],
    ['autor', 'author'],
    ['tag', 'tags'],
    ['catgory', 'category'],
    ['alias', 'aliases'],
    ['udpated', 'updated'],
  ])('front-matter key %s -> %s', (input, expected) => {
    expect(suggest(input, ARTICLE_KEYS)).toBe(expected);
  });

  it.each(['giai-tri', 'bong-da', 'x', ''])('nothing close to %j among the categories', (input) => {
    expect(suggest(input, CATEGORIES)).toBeUndefined();
  });

  it.each(['comments', 'layout', 'foo'])('nothing close to key %j', (input) => {
    expect(suggest(input, ARTICLE_KEYS)).toBeUndefined();
  });
});
