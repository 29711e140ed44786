/**
 * The ids of the page chrome (layout, header, lists, share links, cookie
 * notice, search form), in one place: the components take their ids from
 * `PAGE_IDS`, and the Markdown pipeline keeps article bodies off them
 * (`src/markdown/rehype-reserved-ids.ts`), so a subheading "## Main" cannot
 * give a second element `id="main"` and break the skip link, an
 * `aria-labelledby` or an in-page anchor. `public/cookie-notice.js` and
 * `public/share.js` look up `main`, `cookie-notice` and `share-status` by
 * these values.
 *
 * The ids are fixed words, not built from the interface labels: an English
 * newsroom whose "Tin khác" list is titled "More news" keeps `id="tin-khac"`.
 */

export const PAGE_IDS = {
  /** `<main>`, target of the skip link. */
  main: 'main',
  /** Heading of the "Tin liên quan" list under an article. */
  related: 'tin-lien-quan',
  /** Heading of the "Tin khác" list under an article. */
  otherNews: 'tin-khac',
  /** Heading of the latest news on the home page and the 404 page. */
  latest: 'tin-moi-nhat',
  cookieNotice: 'cookie-notice',
  shareLabel: 'share-label',
  shareStatus: 'share-status',
  /** The search field of the header. */
  siteSearchInput: 'site-search-q',
  /** The fields of the search page. */
  searchInput: 'search-q',
  searchCategory: 'search-category',
} as const;

/** Every id in `PAGE_IDS`: the ids an article body may not use. */
export const RESERVED_IDS: readonly string[] = Object.values(PAGE_IDS);

/**
 * The id of a category's block on the home page: `muc-<slug>`. Not reserved:
 * the home page shows no article body, and reserving every `muc-` id would
 * rename ordinary subheadings such as "## Mục tiêu" on article pages.
 */
export function categorySectionId(categorySlug: string): string {
  return `muc-${categorySlug}`;
}

/**
 * The id an element of an article body gets instead of `id`: `id` itself when
 * it is not reserved, else the first of `id-1`, `id-2`... (github-slugger's
 * numbering) that is neither reserved nor in `taken` (the ids already in the
 * body), so the rename makes no new duplicate.
 *
 *   unreservedId('main', new Set(['main', 'main-1']), new Set(['main'])) -> 'main-2'
 *   unreservedId('ket-qua', taken, reserved) -> 'ket-qua'
 */
export function unreservedId(id: string, taken: ReadonlySet<string>, reserved: ReadonlySet<string>): string {
  if (!reserved.has(id)) return id;
  for (let n = 1; ; n += 1) {
    const candidate = `${id}-${n}`;
    if (!reserved.has(candidate) && !taken.has(candidate)) return candidate;
  }
}
