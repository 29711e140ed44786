import { describe, expect, it } from 'vitest';
import { builtFileUrl, searchShardPath } from '../../src/lib/urls.ts';

describe('URLs of built files', () => {
  it('gives a page folder its URL with a trailing slash, and other files their own name', () => {
    expect(builtFileUrl('index.html')).toBe('/');
    expect(builtFileUrl('kinh-te/ben-cang-van-hai/index.html')).toBe('/kinh-te/ben-cang-van-hai/');
    expect(builtFileUrl('404.html')).toBe('/404.html');
    expect(builtFileUrl('kinh-te/rss.xml')).toBe('/kinh-te/rss.xml');
  });

  it('puts an older search index in a folder of the search bundle named by its days', () => {
    expect(searchShardPath('2024-01-01', '2024-06-30')).toBe('/pagefind/2024-01-01_2024-06-30/');
  });
});
