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
 * 60 % of Markdown rendering (BENCHMARKS.md). The quote pass itself applies
 * retext-smartypants' quote rule in a plain walk of retext's tree: through
 * retext-smartypants, `unist-util-visit` builds a named closure per node
 * (`Object.defineProperty`), six times the cost of parsing the text.
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

/** A node of retext's natural-language tree (nlcst). */
interface TextNode {
  type: string;
  value?: string;
  children?: TextNode[];
  position?: { start: { offset?: number } };
}

/** The text of a node, as nlcst-to-string gives it. */
const textOf = (node: TextNode): string => node.value ?? (node.children ?? []).map(textOf).join('');

type Quotes = [double: string, single: string];

/**
 * retext-smartypants 6.2.0's quote rule (`quotesDefault`, MIT, © Titus
 * Wormer), unchanged: whether a straight quote opens or closes, from its
 * previous sibling and its next two.
 */
function educateQuote(open: Quotes, close: Quotes, node: TextNode, index: number, siblings: TextNode[]): void {
  const value = node.value;
  if (value !== '"' && value !== "'") return;
  const quoteIndex = value === '"' ? 0 : 1;
  const previous = siblings[index - 1];
  const next = siblings[index + 1];
  const nextNext = siblings[index + 2];
  const nextValue = next ? textOf(next) : '';
  const isMark = (sibling: TextNode) => sibling.type === 'PunctuationNode' || sibling.type === 'SymbolNode';

  if (next && isMark(next) && nextNext?.type !== 'WordNode') {
    // A quote followed by punctuation at a non-word break: closes.
    node.value = close[quoteIndex];
  } else if (next && isMark(next) && (nextValue === '"' || nextValue === "'") && nextNext && nextNext.type === 'WordNode') {
    // Two quotes opening at once: `He said, "'Quoted' words in a larger quote."`
    node.value = open[quoteIndex];
    next.value = open[nextValue === '"' ? 0 : 1];
  } else if (next && /^\d\ds$/.test(nextValue)) {
    // Decades: `the '80s`.
    node.value = close[quoteIndex];
  } else if (previous && (previous.type === 'WhiteSpaceNode' || isMark(previous)) && next && next.type === 'WordNode') {
    node.value = open[quoteIndex];
  } else if (previous && previous.type !== 'WhiteSpaceNode' && !isMark(previous)) {
    node.value = close[quoteIndex];
  } else if (!next || next.type === 'WhiteSpaceNode' || (value === "'" && nextValue === 's')) {
    node.value = close[quoteIndex];
  } else {
    node.value = open[quoteIndex];
  }
}

/**
 * Every punctuation mark and symbol of the tree through `educateQuote`, in
 * document order (as `visit` goes); the quotes, straight or not, into `marks`.
 */
function educateQuotes(open: Quotes, close: Quotes, parent: TextNode, marks: TextNode[]): void {
  const children = parent.children ?? [];
  for (let index = 0; index < children.length; index += 1) {
    const node = children[index]!;
    if (node.type === 'PunctuationNode' || node.type === 'SymbolNode') {
      educateQuote(open, close, node, index, children);
      // A straight quote turned by the quote before it is curly by now: keep every quote.
      if (node.value === '"' || node.value === "'" || open.includes(node.value!) || close.includes(node.value!)) marks.push(node);
    }
    if (node.children) educateQuotes(open, close, node, marks);
  }
}

interface AnyNode {
  type: string;
  value?: unknown;
  name?: unknown;
}

const isLiteral = (node: AnyNode): node is AnyNode & { value: string } => typeof node.value === 'string';
const isBlock = (node: AnyNode) => BLOCK_NODES.has(node.type);

export function remarkSmartPunctuation(options: Options = {}) {
  const parser = retext();
  const open: Quotes = options.openingQuotes ? [options.openingQuotes.double, options.openingQuotes.single] : ['“', '‘'];
  const close: Quotes = options.closingQuotes ? [options.closingQuotes.double, options.closingQuotes.single] : ['”', '’'];
  const smartQuotes = (text: string): string => {
    const tree = parser.parse(text) as TextNode;
    const marks: TextNode[] = [];
    educateQuotes(open, close, tree, marks);
    // A quote stays one character: put the changed ones in place, by their offsets.
    let out = '';
    let from = 0;
    for (const mark of marks) {
      const offset = mark.position?.start.offset;
      if (offset === undefined || mark.value!.length !== 1) return textOf(tree);
      if (text[offset] !== mark.value) {
        out += text.slice(from, offset) + mark.value;
        from = offset + 1;
      }
    }
    return out + text.slice(from);
  };
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
    if (options.quotes !== false && QUOTES.test(allText)) allText = smartQuotes(allText);
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
