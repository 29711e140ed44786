/**
 * Splits an article file into front matter and body with gray-matter, parsing
 * the YAML with the `yaml` package's core schema: dates stay strings (so they
 * are read in the site time zone, not as UTC), and every key keeps its line so
 * errors can point at it. Tolerates a BOM, CRLF line endings and tab indentation.
 */
import matter from 'gray-matter';
import { isAlias, isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node, type YAMLError } from 'yaml';
import { messages } from './messages.ts';

export interface SourceProblem {
  /** 1-based line in the file. */
  line: number;
  /** Dotted front-matter path, or "" for the file as a whole. */
  field: string;
  message: string;
}

export interface ParsedSource {
  data: Record<string, unknown>;
  body: string;
  /** 1-based line of the first body line in the file. */
  bodyLine: number;
  /** 1-based file line of every key, by dotted path ("cover.src", "tags.1"). */
  keyLines: Map<string, number>;
  /** Problems that stop the front matter being read at all. */
  problems: SourceProblem[];
}

/** Decodes UTF-8 bytes, or returns null when they are not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

const DELIMITER = /^---[ \t]*$/;

function collectKeyLines(node: Node | null | undefined, prefix: string, lineOf: (offset: number) => number, out: Map<string, number>): void {
  if (isMap(node)) {
    for (const item of node.items) {
      if (!isPair(item)) continue;
      const key = isScalar(item.key) ? String(item.key.value) : String(item.key);
      const path = prefix ? `${prefix}.${key}` : key;
      const range = (item.key as Node | null)?.range;
      if (range) out.set(path, lineOf(range[0]));
      collectKeyLines(item.value as Node, path, lineOf, out);
    }
  } else if (isSeq(node)) {
    node.items.forEach((item, index) => {
      const path = `${prefix}.${index}`;
      const range = (item as Node | null)?.range;
      if (range) out.set(path, lineOf(range[0]));
      collectKeyLines(item as Node, path, lineOf, out);
    });
  }
}

const KEY_AT_LINE_START = /^\s*(?:-\s+)?([^\s:#'"-][^:#]*?)\s*:(?:\s|$)/;

/**
 * One YAML error as a problem on the file line where it is. An indented
 * `key: value` under a line that already has a value (a stray space at the
 * start of a line) is reported on the indented line, with its key.
 */
function describeYamlError(error: YAMLError, lineOf: (offset: number) => number, lines: readonly string[]): SourceProblem {
  const line = yamlErrorLine(error, lineOf, lines);
  const detail = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'invalid YAML';
  if (error.code === 'DUPLICATE_KEY') {
    return { line, field: KEY_AT_LINE_START.exec(lines[line - 1] ?? '')?.[1] ?? '', message: messages.duplicateKey };
  }
  if (error.code === 'BLOCK_AS_IMPLICIT_KEY' || error.code === 'MULTILINE_IMPLICIT_KEY') {
    const last = lineOf(Math.max(error.pos[0], error.pos[1] - 1));
    for (let candidate = line + 1; candidate <= last; candidate += 1) {
      const text = lines[candidate - 1] ?? '';
      const key = /^\s+/.test(text) ? KEY_AT_LINE_START.exec(text)?.[1] : undefined;
      if (key) return { line: candidate, field: key, message: messages.yamlIndented };
    }
  }
  return { line, field: KEY_AT_LINE_START.exec(lines[line - 1] ?? '')?.[1] ?? '', message: messages.yamlSyntax(detail) };
}

/**
 * The YAML errors as problems, one per line. When a stray indented line is
 * found, the parser's complaints about the lines it was glued to are dropped.
 */
function describeYamlErrors(errors: readonly YAMLError[], lineOf: (offset: number) => number, lines: readonly string[]): SourceProblem[] {
  const byLine = new Map<number, SourceProblem>();
  for (const error of errors) {
    const problem = describeYamlError(error, lineOf, lines);
    if (!byLine.has(problem.line)) byLine.set(problem.line, problem);
  }
  const problems = [...byLine.values()];
  const indented = problems.filter((problem) => problem.message === messages.yamlIndented).map((problem) => problem.line);
  return problems.filter(
    (problem) =>
      problem.message === messages.yamlIndented ||
      !indented.some((line) => line > problem.line && lines.slice(problem.line, line - 1).every((text) => /^\s/.test(text))),
  );
}

/**
 * The line a reporter has to look at for a YAML error. The parser reports an
 * unclosed quote or bracket where the file ends; the line that opened it is
 * the last one before with an odd number of quotes, or more "[" than "]".
 */
export function yamlErrorLine(error: YAMLError, lineOf: (offset: number) => number, lines: readonly string[]): number {
  const line = lineOf(error.pos[0]);
  const count = (text: string, char: string) => text.split(char).length - 1;
  const quote = /Missing closing (["'])quote/.exec(error.message)?.[1];
  const bracket = /end with a ([\]}])/.exec(error.message)?.[1];
  if (!quote && !bracket) return line;
  const open = bracket === ']' ? '[' : '{';
  for (let candidate = Math.min(line, lines.length); candidate >= 1; candidate -= 1) {
    const text = lines[candidate - 1] ?? '';
    if (quote ? count(text, quote) % 2 === 1 : count(text, open) > count(text, bracket!)) return candidate;
  }
  return line;
}

/**
 * The line of the first YAML anchor (`&name`) or alias (`*name`), or 0. Anchors
 * and aliases can blow a few lines up into gigabytes, so they are refused.
 */
export function firstAnchorLine(node: unknown, lineOf: (offset: number) => number, lines: readonly string[]): number {
  if (isAlias(node)) return node.range ? lineOf(node.range[0]) : 1;
  if (isNode(node) && node.anchor) {
    // The node starts after its anchor, which may sit on an earlier line ("- &a" then the map).
    const line = node.range ? lineOf(node.range[0]) : 1;
    for (let candidate = line; candidate >= 1; candidate -= 1) {
      if ((lines[candidate - 1] ?? '').includes(`&${node.anchor}`)) return candidate;
    }
    return line;
  }
  if (isMap(node) || isSeq(node)) {
    for (const item of node.items) {
      const found = isPair(item)
        ? firstAnchorLine(item.key, lineOf, lines) || firstAnchorLine(item.value, lineOf, lines)
        : firstAnchorLine(item, lineOf, lines);
      if (found) return found;
    }
  }
  return 0;
}

/**
 * The lines of the file up to the closing delimiter, without splitting the
 * body (articles can be large); `close` is -1 when there is none.
 */
function frontMatterLines(text: string): { lines: string[]; close: number; bodyStart: number } {
  const lines: string[] = [];
  let start = 0;
  for (;;) {
    const end = text.indexOf('\n', start);
    const line = end === -1 ? text.slice(start) : text.slice(start, end);
    lines.push(line);
    if (lines.length === 1 && !DELIMITER.test(line)) return { lines, close: -1, bodyStart: 0 };
    if (lines.length > 1 && DELIMITER.test(line)) {
      return { lines, close: lines.length - 1, bodyStart: end === -1 ? text.length : end + 1 };
    }
    if (end === -1) return { lines, close: -1, bodyStart: text.length };
    start = end + 1;
  }
}

export function parseArticleSource(raw: string): ParsedSource {
  let text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  if (text.includes('\r')) text = text.replace(/\r\n?/g, '\n');
  const empty: ParsedSource = { data: {}, body: '', bodyLine: 1, keyLines: new Map(), problems: [] };
  if (text.trim() === '') return { ...empty, problems: [{ line: 1, field: '', message: messages.emptyFile }] };
  const { lines, close, bodyStart } = frontMatterLines(text);
  if (!DELIMITER.test(lines[0] ?? '')) {
    return { ...empty, body: text, problems: [{ line: 1, field: '', message: messages.noFrontMatter }] };
  }
  if (close === -1) {
    return { ...empty, problems: [{ line: 1, field: '', message: messages.unclosedFrontMatter }] };
  }
  // Tabs may not indent YAML; reporters' editors insert them anyway. Two spaces each.
  const yamlLines = lines.slice(1, close).map((line) => line.replace(/^[\t ]+/, (indent) => indent.replace(/\t/g, '  ')));
  // gray-matter reads the front matter only: the body is cut at our delimiter
  // line, so a body line is exactly a file line.
  const frontMatter = ['---', ...yamlLines, '---', ''].join('\n');

  const keyLines = new Map<string, number>();
  const problems: SourceProblem[] = [];

  const parsed = matter(frontMatter, {
    engines: {
      yaml: (source: string) => {
        const lineCounter = new LineCounter();
        // gray-matter hands over the text after the opening "---", starting with
        // its line break, so YAML line n is file line n.
        const shift = source.startsWith('\n') ? 0 : 1;
        const lineOf = (offset: number) => lineCounter.linePos(offset).line + shift;
        const doc = parseDocument(source, {
          schema: 'core',
          uniqueKeys: true,
          merge: false,
          prettyErrors: false,
          lineCounter,
        });
        if (doc.errors.length > 0) {
          problems.push(...describeYamlErrors(doc.errors, lineOf, lines));
          return {};
        }
        const aliasLine = firstAnchorLine(doc.contents, lineOf, lines);
        if (aliasLine) {
          problems.push({ line: aliasLine, field: '', message: messages.yamlAlias });
          return {};
        }
        if (doc.contents !== null && !isMap(doc.contents)) {
          problems.push({ line: 2, field: '', message: messages.yamlNotMapping });
          return {};
        }
        collectKeyLines(doc.contents, '', lineOf, keyLines);
        const value = doc.toJS({ maxAliasCount: 0 }) as unknown;
        return (value ?? {}) as object;
      },
    },
  });
  return {
    data: parsed.data as Record<string, unknown>,
    body: text.slice(bodyStart),
    bodyLine: close + 2,
    keyLines,
    problems,
  };
}
