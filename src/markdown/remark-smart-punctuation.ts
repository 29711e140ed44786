/**
 * Smart punctuation, as Astro's built-in remark-smartypants (3.0.3, MIT) does
 * it and with the same output, but without the work that cannot change
 * anything. remark-smartypants runs retext twice: once over the whole
 * document's text for quotes, then once per text node for dashes, ellipses and
 * backticks. retext parses and prints text losslessly, and each of those
 * transforms only touches certain characters, so:
 * - a document whose text has no `"` or `'` skips the quote pass;
 * - a text node with none of `--`, `..`, `. .`, two backticks or two `'` skips
 *   the second pass (most paragraphs of news text).
 * On the benchmark corpus this halves the cost of smart punctuation, which was
 * 60 % of Markdown rendering (BENCHMARKS.md).
 *
 *   He said "hi" -- then... left.  ->  He said “hi” — then… left.
 *
 * Used with `unified({ smartypants: false })` and first in `remarkPlugins`,
 * which is where Astro puts its own.
 */
import type { Root } from 'mdast';
import { retext } from 'retext';
import smartypants, { type Options } from 'retext-smartypants';
import { visit } from 'unist-util-visit';

/** Block nodes whose text starts fresh: a quote right at their start opens. */
const BLOCK_NODES = new Set(['paragraph', 'heading', 'tableCell']);
const VISITED_NODES = new Set(['text', 'inlineCode', 'paragraph', 'heading', 'tableCell']);
const IGNORED_HTML_ELEMENTS = new Set(['style', 'script']);
const QUOTES = /["']/;
/** What the dashes, ellipses and backticks transforms can match (a superset). */
const SECOND_PASS = /--|\.\.|\.\s+\.|``|''/;

interface AnyNode {
  type: string;
  value?: unknown;
  name?: unknown;
}

const isLiteral = (node: AnyNode): node is AnyNode & { value: string } => typeof node.value === 'string';
const isBlock = (node: AnyNode) => BLOCK_NODES.has(node.type);

export function remarkSmartPunctuation(options: Options = {}) {
  const quotes = retext().use(smartypants, { ...options, ellipses: false, dashes: false, backticks: false });
  const rest = retext().use(smartypants, { ...options, quotes: false });
  const check = (node: AnyNode, _index: number | undefined, parent: AnyNode | undefined) =>
    Boolean(parent) &&
    (parent!.type !== 'mdxJsxTextElement' || (typeof parent!.name === 'string' && !IGNORED_HTML_ELEMENTS.has(parent!.name))) &&
    VISITED_NODES.has(node.type) &&
    (isLiteral(node) || isBlock(node));

  return (tree: Root) => {
    let allText = '';
    const nodes: AnyNode[] = [];
    visit(tree, check as never, (node: AnyNode) => {
      if (isLiteral(node)) allText += node.type === 'text' ? node.value : 'A'.repeat(node.value.length);
      // A space between blocks, so a quote at the start of a block opens.
      else if (isBlock(node)) allText += ' ';
      nodes.push(node);
    });
    if (QUOTES.test(allText)) allText = quotes.processSync(allText).toString();
    let start = 0;
    for (const node of nodes) {
      if (isLiteral(node)) {
        const end = start + node.value.length;
        if (node.type === 'text') {
          const text = allText.slice(start, end);
          node.value = SECOND_PASS.test(text) ? rest.processSync(text).toString() : text;
        }
        start = end;
      } else if (isBlock(node)) {
        start += 1;
      }
    }
  };
}
