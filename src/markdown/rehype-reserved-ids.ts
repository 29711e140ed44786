/**
 * Keeps an article body off the ids of the page around it. rehype-slug names
 * a heading after its text, so "## Main" or "## Tin khac" would repeat the
 * `id` of the page's `<main>` or of its "Tin khác" list, and the skip link,
 * `aria-labelledby` and in-page anchors would find the heading first. Runs
 * right after rehype-slug and renames only those ids, the way github-slugger
 * numbers repeats, skipping numbers the body already uses:
 *
 *   <h2 id="main">Main</h2> <h2 id="main-1">Main 1</h2> <h2 id="kết-quả">Kết quả</h2>
 *   ->
 *   <h2 id="main-2">Main</h2> <h2 id="main-1">Main 1</h2> <h2 id="kết-quả">Kết quả</h2>
 *
 * Every other id is left as it is, so links shared to `#kết-quả` keep working.
 * Links inside the body are not rewritten: `#main` still means the page's main.
 * The reserved ids are `RESERVED_IDS` from `src/lib/page-ids.ts`.
 */
import type { Element, Root } from 'hast';
import { visit } from 'unist-util-visit';
import { unreservedId } from '../lib/page-ids.ts';

export interface RehypeReservedIdsOptions {
  /** Ids the page around the body uses. */
  reserved: readonly string[];
}

export function rehypeReservedIds(options: RehypeReservedIdsOptions) {
  const reserved = new Set(options.reserved);
  return (tree: Root) => {
    const taken = new Set<string>();
    const clashing: Element[] = [];
    visit(tree, 'element', (node: Element) => {
      const id = node.properties.id;
      if (typeof id !== 'string') return;
      taken.add(id);
      if (reserved.has(id)) clashing.push(node);
    });
    for (const node of clashing) {
      const id = unreservedId(node.properties.id as string, taken, reserved);
      node.properties.id = id;
      taken.add(id);
    }
  };
}
