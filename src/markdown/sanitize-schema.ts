/**
 * What raw HTML in an article body may contain: GitHub's allowlist (the
 * `rehype-sanitize` default) narrowed and extended for news. Kept: headings,
 * paragraphs, lists, tables with captions, blockquote, figure/figcaption,
 * details/summary, sup/sub, abbr, cite, time, mark, small, code, footnotes and
 * images, and iframes (only from the configured embed hosts, checked by
 * `isAllowedEmbed`). Removed: scripts, styles, forms, objects, SVG/MathML,
 * event handlers, `style` and `class` attributes (the site's CSS and search
 * index must not be steerable from a body), and URLs with any scheme but
 * http(s) (plus mailto/tel for links), so `javascript:`, `data:` and
 * `vbscript:` are gone.
 */
import { defaultSchema, type Options as Schema } from 'rehype-sanitize';

/** Prefix given to author-written `id`/`name` values so they cannot clobber page globals. */
export const CLOBBER_PREFIX = 'user-content-';

/** Properties that name things in the document and are prefixed with `CLOBBER_PREFIX`. */
export const CLOBBERED_PROPERTIES = ['id', 'name', 'ariaDescribedBy', 'ariaLabelledBy'] as const;

const NEWS_TAGS = [
  'figure',
  'figcaption',
  'caption',
  'colgroup',
  'col',
  'abbr',
  'cite',
  'dfn',
  'time',
  'mark',
  'small',
  'u',
  'bdi',
  'bdo',
  'wbr',
  'iframe',
];

/** Tags whose content goes with them (the rest are unwrapped, keeping their text). */
const STRIPPED_TAGS = [
  'script',
  'style',
  'template',
  'noscript',
  'noembed',
  'noframes',
  'textarea',
  'select',
  'title',
  'xmp',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'svg',
  'math',
  'head',
];

/** Remote pictures would be blocked by the CSP anyway: images live next to the article. */
const DROPPED_TAGS = new Set(['picture', 'source']);

export function createSanitizeSchema(): Schema {
  const attributes = { ...defaultSchema.attributes };
  delete attributes.source;
  // Attributes added by remark-rehype or safe on their own; no `style`, `class`, `on*`, `data-*`.
  // (`alt`, `title`, `width`, `height`, `dateTime`, `colSpan`... are allowed on every element.)
  Object.assign(attributes, {
    iframe: ['src', 'allow', 'allowFullScreen'],
    ol: [...(attributes.ol ?? []), 'reversed'],
  });
  return {
    ...defaultSchema,
    // Checkboxes only as GFM task-list items, never as stray form fields.
    ancestors: { ...defaultSchema.ancestors, input: ['li'] },
    tagNames: [...(defaultSchema.tagNames ?? []).filter((tag) => !DROPPED_TAGS.has(tag)), ...NEWS_TAGS],
    attributes,
    protocols: {
      ...defaultSchema.protocols,
      href: ['http', 'https', 'mailto', 'tel'],
      src: ['http', 'https'],
      cite: ['http', 'https'],
      longDesc: ['http', 'https'],
    },
    // Our own clobbering (see rehype-sanitize-html.ts) keeps ids that remark
    // already prefixed (footnotes) instead of prefixing them twice.
    clobber: [],
    strip: STRIPPED_TAGS,
  };
}

/** An iframe source is kept only over https from one of the configured hosts. */
export function isAllowedEmbed(src: unknown, embedHosts: readonly string[]): boolean {
  if (typeof src !== 'string' || !URL.canParse(src)) return false;
  const url = new URL(src);
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return false;
  const host = url.hostname.toLowerCase();
  return embedHosts.some((allowed) => allowed.toLowerCase() === host);
}

/**
 * Whether an image source is local: a relative path (processed by Astro) or a
 * root-relative one on this site. Remote images are removed: the CSP would
 * block them and they leak readers' visits to a third party.
 */
export function isLocalImage(src: unknown): boolean {
  if (typeof src !== 'string' || src.trim() === '') return false;
  if (src.startsWith('//')) return false;
  return !/^[a-z][a-z0-9+.-]*:/i.test(src.trim());
}
