/**
 * Structured data (schema.org JSON-LD) for articles: a NewsArticle and a
 * BreadcrumbList, and the one way to put JSON inside a `<script>` element.
 */
import { stripControlCharacters } from './text.ts';

const UNSAFE_IN_SCRIPT: Record<string, string> = {
  '<': '\\u003c',
  '>': '\\u003e',
  '&': '\\u0026',
  '\u2028': '\\u2028',
  '\u2029': '\\u2029',
};

/**
 * JSON for `<script type="application/ld+json">`: `<`, `>`, `&`, U+2028 and
 * U+2029 are written as `\u` escapes, which JSON parses back to the same
 * characters. The element's text then never contains `</script>` or `<!--`,
 * so no title or name can end the element early or start markup, whatever
 * it contains; the JSON stays valid and inert.
 */
export function serializeJsonLd(value: unknown): string {
  const json = JSON.stringify(value);
  if (json === undefined) throw new TypeError('serializeJsonLd: value is not serializable as JSON');
  return json.replace(/[<>&\u2028\u2029]/g, (char) => UNSAFE_IN_SCRIPT[char]!);
}

export interface Person {
  name: string;
  /** Absolute URL of the person's page on the site. */
  url?: string;
}

export interface NewsArticleInput {
  /** Absolute canonical URL of the article. */
  url: string;
  headline: string;
  description: string;
  /** ISO 8601 with offset. */
  datePublished: string;
  dateModified: string;
  authors: Person[];
  photographers: string[];
  /** Absolute URL of the article's image (the cover, or the site's default image). */
  image: { url: string; width?: number; height?: number };
  section: string;
  keywords: string[];
  language: string;
  publisher: { name: string; url: string; logo: string };
  source?: { name: string; url?: string };
}

const text = (value: string) => stripControlCharacters(value);

/** A schema.org NewsArticle with the properties Google lists for articles. */
export function newsArticleJsonLd(input: NewsArticleInput): Record<string, unknown> {
  const photographers = input.photographers.map((name) => ({ '@type': 'Person', name: text(name) }));
  const image: Record<string, unknown> = { '@type': 'ImageObject', url: input.image.url };
  if (input.image.width) image.width = input.image.width;
  if (input.image.height) image.height = input.image.height;
  if (photographers.length > 0) {
    image.creditText = input.photographers.map(text).join(', ');
    image.creator = photographers;
  }
  const data: Record<string, unknown> = {
    '@context': 'https://schema.org',
    '@type': 'NewsArticle',
    mainEntityOfPage: { '@type': 'WebPage', '@id': input.url },
    url: input.url,
    headline: text(input.headline),
    description: text(input.description),
    image: [image],
    datePublished: input.datePublished,
    dateModified: input.dateModified,
    author: input.authors.map((author) => ({
      '@type': 'Person',
      name: text(author.name),
      ...(author.url ? { url: author.url } : {}),
    })),
    articleSection: text(input.section),
    inLanguage: input.language,
    publisher: {
      '@type': 'Organization',
      name: text(input.publisher.name),
      url: input.publisher.url,
      logo: { '@type': 'ImageObject', url: input.publisher.logo },
    },
  };
  if (photographers.length > 0) data.contributor = photographers;
  if (input.keywords.length > 0) data.keywords = input.keywords.map(text);
  if (input.source) {
    data.sourceOrganization = {
      '@type': 'Organization',
      name: text(input.source.name),
      ...(input.source.url ? { url: input.source.url } : {}),
    };
    if (input.source.url) data.isBasedOn = input.source.url;
  }
  return data;
}

/** A schema.org BreadcrumbList from the home page down to the page itself. */
export function breadcrumbJsonLd(items: { name: string; url: string }[]): Record<string, unknown> {
  return {
    '@context': 'https://schema.org',
    '@type': 'BreadcrumbList',
    itemListElement: items.map((item, index) => ({
      '@type': 'ListItem',
      position: index + 1,
      name: text(item.name),
      item: item.url,
    })),
  };
}
