import { describe, expect, it } from 'vitest';
import { breadcrumbJsonLd, newsArticleJsonLd, serializeJsonLd, type NewsArticleInput } from '../../src/lib/json-ld.ts';

describe('serializeJsonLd', () => {
  const hostile = 'A </script><script>alert(1)</script> & "q" \'s\' <!-- x --> \u2028\u2029 </SCRIPT >';

  it('writes <, >, & and the line separators as \\u escapes', () => {
    const json = serializeJsonLd({ headline: hostile });
    expect(json).not.toMatch(/[<>&\u2028\u2029]/);
    expect(json).toContain('\\u003c/script\\u003e');
    expect(json).toContain('\\u0026');
    expect(json).toContain('\\u2028\\u2029');
  });

  it('parses back to the same value', () => {
    const value = { headline: hostile, list: [1, 'đ', null, { nested: '</script>' }] };
    expect(JSON.parse(serializeJsonLd(value))).toEqual(value);
  });

  it('can never end a script element, whatever the text', () => {
    for (const text of ['</script>', '</SCRIPT>', '</script ', '<!--', '<script>', ']]>']) {
      expect(serializeJsonLd({ text }).toLowerCase()).not.toContain('</script');
      expect(serializeJsonLd({ text })).not.toContain('<!--');
    }
  });

  it('refuses values that are not JSON', () => {
    expect(() => serializeJsonLd(undefined)).toThrow(TypeError);
  });
});

describe('newsArticleJsonLd', () => {
  const input: NewsArticleInput = {
    url: 'https://x.org/a/b/',
    headline: 'Tiêu đề\u0007',
    description: 'Mô tả',
    datePublished: '2024-09-18T16:00:00+07:00',
    dateModified: '2024-09-19T08:00:00+07:00',
    authors: [{ name: 'Lê Oanh', url: 'https://x.org/tac-gia/le-oanh/' }],
    photographers: ['Hoàng Phước'],
    image: { url: 'https://x.org/_astro/a.jpg', width: 1200, height: 800 },
    section: 'Chính trị',
    keywords: ['Hải Phòng'],
    language: 'vi',
    publisher: { name: 'Tòa soạn', url: 'https://x.org/', logo: 'https://x.org/logo.png' },
    source: { name: 'Báo Hải Phòng', url: 'https://example.org/goc' },
  };

  it('has the properties Google reads for articles', () => {
    const data = newsArticleJsonLd(input);
    expect(data).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'NewsArticle',
      headline: 'Tiêu đề',
      datePublished: '2024-09-18T16:00:00+07:00',
      dateModified: '2024-09-19T08:00:00+07:00',
      author: [{ '@type': 'Person', name: 'Lê Oanh', url: 'https://x.org/tac-gia/le-oanh/' }],
      image: [{ '@type': 'ImageObject', url: 'https://x.org/_astro/a.jpg', creditText: 'Hoàng Phước' }],
      contributor: [{ '@type': 'Person', name: 'Hoàng Phước' }],
      publisher: { '@type': 'Organization', logo: { url: 'https://x.org/logo.png' } },
      mainEntityOfPage: { '@id': 'https://x.org/a/b/' },
      articleSection: 'Chính trị',
      keywords: ['Hải Phòng'],
      sourceOrganization: { name: 'Báo Hải Phòng', url: 'https://example.org/goc' },
      isBasedOn: 'https://example.org/goc',
    });
  });

  it('leaves out what the article does not have', () => {
    const data = newsArticleJsonLd({ ...input, photographers: [], keywords: [], source: { name: 'Đài' } });
    expect(data).not.toHaveProperty('contributor');
    expect(data).not.toHaveProperty('keywords');
    expect(data).not.toHaveProperty('isBasedOn');
    expect(data.sourceOrganization).toEqual({ '@type': 'Organization', name: 'Đài' });
    expect((data.image as object[])[0]).not.toHaveProperty('creditText');
  });
});

describe('breadcrumbJsonLd', () => {
  it('numbers the items from 1', () => {
    const data = breadcrumbJsonLd([
      { name: 'Trang chủ', url: 'https://x.org/' },
      { name: 'Chính trị', url: 'https://x.org/chinh-tri/' },
    ]);
    expect(data.itemListElement).toEqual([
      { '@type': 'ListItem', position: 1, name: 'Trang chủ', item: 'https://x.org/' },
      { '@type': 'ListItem', position: 2, name: 'Chính trị', item: 'https://x.org/chinh-tri/' },
    ]);
  });
});
