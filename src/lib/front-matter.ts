/**
 * Splits an article file into front matter and body with gray-matter, parsing
 * the YAML with the `yaml` package's core schema: dates stay strings (so they
 * are read in the site time zone, not as UTC), and every key keeps its line so
 * errors can point at it. Tolerates a BOM, CRLF line endings and tab indentation.
 */
import matter from 'gray-matter';
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Node } from 'yaml';
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

export function parseArticleSource(raw: string): ParsedSource {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const empty: ParsedSource = { data: {}, body: '', bodyLine: 1, keyLines: new Map(), problems: [] };
  if (text.trim() === '') return { ...empty, problems: [{ line: 1, field: '', message: messages.emptyFile }] };
  const lines = text.split('\n');
  if (!DELIMITER.test(lines[0] ?? '')) {
    return { ...empty, body: text, problems: [{ line: 1, field: '', message: messages.noFrontMatter }] };
  }
  const close = lines.findIndex((line, index) => index > 0 && DELIMITER.test(line));
  if (close === -1) {
    return { ...empty, problems: [{ line: 1, field: '', message: messages.unclosedFrontMatter }] };
  }
  // Tabs may not indent YAML; reporters' editors insert them anyway. Two spaces each.
  const yamlLines = lines.slice(1, close).map((line) => line.replace(/^\t+/, (tabs) => '  '.repeat(tabs.length)));
  const normalized = ['---', ...yamlLines, ...lines.slice(close)].join('\n');

  const keyLines = new Map<string, number>();
  const problems: SourceProblem[] = [];
  const lineCounter = new LineCounter();
  const lineOf = (offset: number) => lineCounter.linePos(offset).line + 1; // +1 for the opening ---

  const parsed = matter(normalized, {
    engines: {
      yaml: (source: string) => {
        const doc = parseDocument(source, {
          schema: 'core',
          uniqueKeys: true,
          merge: false,
          prettyErrors: false,
          lineCounter,
        });
        for (const error of doc.errors) {
          const line = error.linePos ? error.linePos[0].line + 1 : 2;
          const duplicate = error.code === 'DUPLICATE_KEY';
          const detail = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'invalid YAML';
          const keyOnLine = /^\s*([^\s:#][^:#]*?)\s*:/.exec(lines[line - 1] ?? '')?.[1] ?? '';
          problems.push({
            line,
            field: keyOnLine,
            message: duplicate ? messages.duplicateKey : messages.yamlSyntax(detail),
          });
        }
        if (doc.errors.length > 0) return {};
        let aliasLine = 0;
        visit(doc, {
          Alias(_key, node) {
            aliasLine = node.range ? lineOf(node.range[0]) : 2;
            return visit.BREAK;
          },
          Node(_key, node) {
            if (!aliasLine && (node as { anchor?: string }).anchor && node.range) aliasLine = lineOf(node.range[0]);
          },
        });
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
    body: parsed.content.replace(/^\n/, ''),
    bodyLine: close + 2,
    keyLines,
    problems,
  };
}
