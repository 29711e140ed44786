/**
 * Makes the HTML of a Markdown article body safe to publish: whatever a
 * reporter pastes, nothing in it can run script, load third-party content
 * (except iframes from the configured embed hosts) or restyle the page.
 *
 *   <p>Xem <a href="javascript:alert(1)" onclick="x()">clip</a><script>alert(1)</script></p>
 *   <iframe src="https://evil.example/x"></iframe>
 *   <iframe src="https://www.youtube-nocookie.com/embed/abc" title="Clip"></iframe>
 *   ->
 *   <p>Xem <a>clip</a></p>
 *   <iframe src="https://www.youtube-nocookie.com/embed/abc" title="Clip" loading="lazy"
 *     referrerpolicy="strict-origin-when-cross-origin" sandbox="allow-scripts ..."></iframe>
 *
 * Astro's Markdown pipeline keeps raw HTML as `raw` nodes until its own
 * rehype-raw, which runs after every user plugin; so this plugin parses them
 * into elements first (rehype-raw), then applies the allowlist of
 * `sanitize-schema.ts` (rehype-sanitize), then the checks an allowlist cannot
 * express: iframe hosts, local images, and `user-content-` prefixes on ids.
 * It must run before rehype-slug and rehype-figure, whose ids and image
 * properties (`widths`, `sizes`, `loading`) Astro's image pipeline needs.
 *
 * MDX files are trusted code (see docs/security.md): their JSX is left alone
 * and only the URLs of Markdown links and images are checked.
 */
import type { Element, Root } from 'hast';
import rehypeRaw from 'rehype-raw';
import rehypeSanitize from 'rehype-sanitize';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import {
  CLOBBER_PREFIX,
  CLOBBERED_PROPERTIES,
  createSanitizeSchema,
  isAllowedEmbed,
  isLocalImage,
} from './sanitize-schema.ts';

export interface RehypeSanitizeHtmlOptions {
  /** Hosts whose https iframes are kept (`siteConfig.embedHosts`). */
  embedHosts: readonly string[];
}

/** Tokens of the iframe sandbox: enough for a video player, no top navigation, forms or dialogs. */
const EMBED_SANDBOX = ['allow-scripts', 'allow-same-origin', 'allow-presentation', 'allow-popups'];

const MDX_NODE_TYPES = new Set(['mdxjsEsm', 'mdxFlowExpression', 'mdxTextExpression', 'mdxJsxFlowElement', 'mdxJsxTextElement']);

const URL_PROTOCOLS: Record<string, readonly string[]> = {
  href: ['http', 'https', 'mailto', 'tel'],
  src: ['http', 'https'],
};

function isMdx(tree: Root, file: VFile): boolean {
  if (file.path?.toLowerCase().endsWith('.mdx')) return true;
  let found = false;
  visit(tree, (node) => {
    if (MDX_NODE_TYPES.has(node.type)) found = true;
    return found ? false : undefined;
  });
  return found;
}

/** Same rule as hast-util-sanitize: a scheme before any `/`, `?` or `#` must be allowed. */
export function hasAllowedProtocol(value: string, protocols: readonly string[]): boolean {
  const colon = value.indexOf(':');
  if (colon < 0) return true;
  for (const mark of ['/', '?', '#']) {
    const at = value.indexOf(mark);
    if (at > -1 && colon > at) return true;
  }
  return protocols.includes(value.slice(0, colon));
}

function clobber(node: Element): void {
  const properties: Record<string, unknown> = node.properties;
  const prefix = (item: string | number) => {
    const text = String(item);
    return text.startsWith(CLOBBER_PREFIX) ? text : `${CLOBBER_PREFIX}${text}`;
  };
  for (const key of CLOBBERED_PROPERTIES) {
    const value = properties[key];
    if (typeof value === 'string' || typeof value === 'number') properties[key] = prefix(value);
    else if (Array.isArray(value)) properties[key] = value.map(prefix);
  }
}

/** The checks that follow the allowlist; returns false when the element must go. */
function finishElement(node: Element, options: RehypeSanitizeHtmlOptions): boolean {
  clobber(node);
  if (node.tagName === 'iframe') {
    if (!isAllowedEmbed(node.properties.src, options.embedHosts)) return false;
    node.properties.loading = 'lazy';
    node.properties.referrerPolicy = 'strict-origin-when-cross-origin';
    node.properties.sandbox = EMBED_SANDBOX;
    node.children = [];
  }
  if (node.tagName === 'img' && !isLocalImage(node.properties.src)) return false;
  return true;
}

function removeWhere(tree: Root, shouldRemove: (node: Element) => boolean): void {
  visit(tree, 'element', (node, index, parent) => {
    if (!parent || index === undefined || !shouldRemove(node)) return;
    parent.children.splice(index, 1);
    return index;
  });
}

/** MDX: only Markdown links and images are checked; JSX is code and stays as written. */
function scrubUrls(tree: Root): void {
  visit(tree, 'element', (node) => {
    for (const [key, protocols] of Object.entries(URL_PROTOCOLS)) {
      const value = node.properties[key];
      if (typeof value === 'string' && !hasAllowedProtocol(value.trim(), protocols)) delete node.properties[key];
    }
  });
}

function hasRaw(tree: Root): boolean {
  let found = false;
  visit(tree, 'raw', () => {
    found = true;
    return false;
  });
  return found;
}

export function rehypeSanitizeHtml(options: RehypeSanitizeHtmlOptions) {
  const parseRaw = rehypeRaw();
  const sanitize = rehypeSanitize(createSanitizeSchema());
  return (tree: Root, file: VFile): Root => {
    if (isMdx(tree, file)) {
      scrubUrls(tree);
      return tree;
    }
    // Raw HTML must be parsed before the allowlist sees it; a body without any
    // (most articles) skips that whole-tree parse5 round trip.
    const safe = sanitize(hasRaw(tree) ? parseRaw(tree, file) : tree);
    removeWhere(safe, (node) => !finishElement(node, options));
    return safe;
  };
}
