/**
 * Marks links that leave the site, so the page they open can neither reach
 * back into ours (`window.opener`) nor learn which article sent the reader.
 *
 *   <a href="https://example.org/report">Báo cáo</a>  (site: https://tin.example.org)
 *   ->
 *   <a href="https://example.org/report" rel="noopener noreferrer">Báo cáo</a>
 *
 * Links to the site itself (relative, or absolute on the site's host) are left
 * as they are.
 */
import type { Root } from 'hast';
import { visit } from 'unist-util-visit';

export interface RehypeExternalLinksOptions {
  /** The site's own URL (`siteConfig.url`). */
  siteUrl: string;
}

const EXTERNAL_REL = ['noopener', 'noreferrer'];

/** Whether `href` leads to another host than the site's. */
export function isExternalHref(href: string, siteUrl: string): boolean {
  const value = href.trim();
  if (!/^(?:[a-z][a-z0-9+.-]*:)?\/\//i.test(value)) return false;
  if (!URL.canParse(value, siteUrl)) return true;
  const url = new URL(value, siteUrl);
  return url.host !== new URL(siteUrl).host;
}

export function rehypeExternalLinks(options: RehypeExternalLinksOptions) {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (node.tagName !== 'a') return;
      const href = node.properties.href;
      if (typeof href !== 'string' || !isExternalHref(href, options.siteUrl)) return;
      const rel = Array.isArray(node.properties.rel) ? node.properties.rel.map(String) : [];
      node.properties.rel = [...new Set([...rel, ...EXTERNAL_REL])];
    });
  };
}
