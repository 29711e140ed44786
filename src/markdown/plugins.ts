/**
 * The remark and rehype plugin lists, shared by Markdown and MDX.
 *
 * Order matters. Our rehype plugins run after Astro's syntax highlighting and
 * before its own image pass (which turns `<img>` into `__ASTRO_IMAGE_` props)
 * and its final rehype-raw:
 * 1. sanitize: raw HTML parsed and cleaned first, so nothing after it sees
 *    unsafe markup and nothing it would strip is added before it;
 * 2. rehype-slug: heading anchors (after sanitizing, so they are not prefixed);
 * 3. reserved ids: an anchor that would repeat an id of the page chrome
 *    (`main`, `tin-khac`...) is renamed (`main-1`), right after rehype-slug;
 * 4. figure: captions and the responsive-image properties Astro reads;
 * 5. external links: `rel="noopener noreferrer"`.
 */
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import rehypeSlug from 'rehype-slug';
import type { SiteConfig } from '../config/schema.ts';
import { siteConfig } from '../config/index.ts';
import { RESERVED_IDS } from '../lib/page-ids.ts';
import { rehypeExternalLinks } from './rehype-external-links.ts';
import { rehypeFigure } from './rehype-figure.ts';
import { rehypeReservedIds } from './rehype-reserved-ids.ts';
import { remarkSmartPunctuation } from './remark-smart-punctuation.ts';
import { rehypeSanitizeHtml } from './rehype-sanitize-html.ts';

export function createRemarkPlugins(): RemarkPlugins {
  // Astro's smart punctuation, same output, faster (see the plugin); it needs
  // `smartypants: false` on the processor in astro.config.mjs, and comes first,
  // where Astro puts its own.
  return [remarkSmartPunctuation];
}

export function createRehypePlugins(config: Pick<SiteConfig, 'url' | 'embedHosts'>): RehypePlugins {
  return [
    [rehypeSanitizeHtml, { embedHosts: config.embedHosts }],
    rehypeSlug,
    [rehypeReservedIds, { reserved: RESERVED_IDS }],
    [rehypeFigure, { widths: [480, 800, 1200], sizes: '(min-width: 760px) 720px, 100vw' }],
    [rehypeExternalLinks, { siteUrl: config.url }],
  ];
}

export const remarkPlugins: RemarkPlugins = createRemarkPlugins();

export const rehypePlugins: RehypePlugins = createRehypePlugins(siteConfig);
