/** Reads `categories.yaml`: the list of categories, in navigation order. */
import { isMap, LineCounter, parseDocument, type Node } from 'yaml';
import { firstAnchorLine, yamlErrorLine } from './front-matter.ts';
import { CategoriesSchema, type Category } from './schemas/category.ts';
import { messages } from './messages.ts';

export interface CategoryProblem {
  /** 1-based line in categories.yaml. */
  line: number;
  /** `[2].slug` for the second entry's slug, "" for the file as a whole. */
  field: string;
  message: string;
}

export type CategoriesResult =
  | { ok: true; categories: Category[] }
  | {
      ok: false;
      problems: CategoryProblem[];
      /** The slugs that could be read despite the problems (none when the YAML is broken). */
      slugs?: string[];
    };

export interface ParseCategoriesOptions {
  /**
   * Path segments the site uses for its own pages (`tac-gia`, `chu-de`,
   * `tim-kiem`, `_astro`, ...): a category with such a slug would share its URL.
   */
  reserved?: readonly string[];
}

/** Parses the text of categories.yaml; problems carry the line of the offending entry. */
export function parseCategories(text: string, options: ParseCategoriesOptions = {}): CategoriesResult {
  // Tabs may not indent YAML; editors insert them anyway. Two spaces each.
  const clean = text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/^[\t ]+/gm, (indent) => indent.replace(/\t/g, '  '));
  const lineCounter = new LineCounter();
  const doc = parseDocument(clean, { schema: 'core', uniqueKeys: true, merge: false, prettyErrors: false, lineCounter });
  const lineOf = (offset: number) => lineCounter.linePos(offset).line;
  const lines = clean.split('\n');
  if (doc.errors.length > 0) {
    // One problem per line: a single typo often makes the parser complain several times.
    const byLine = new Map<number, CategoryProblem>();
    for (const error of doc.errors) {
      const line = yamlErrorLine(error, lineOf, lines);
      if (byLine.has(line)) continue;
      const detail = error.message.split('\n')[0]?.replace(/ at line \d+, column \d+:?$/, '') ?? 'invalid YAML';
      const key = /^\s*(?:-\s+)?([^\s:#-][^:#]*?)\s*:/.exec(lines[line - 1] ?? '')?.[1] ?? '';
      const duplicate = error.code === 'DUPLICATE_KEY';
      byLine.set(line, {
        line,
        field: duplicate ? key : '',
        message: duplicate ? messages.duplicateKey : messages.categoriesYaml(detail),
      });
    }
    return { ok: false, problems: [...byLine.values()] };
  }
  const aliasLine = firstAnchorLine(doc.contents, lineOf, lines);
  if (aliasLine) return { ok: false, problems: [{ line: aliasLine, field: '', message: messages.yamlAlias }] };

  const lineOfPath = (index: unknown, key: unknown): number => {
    if (typeof index !== 'number') return 1;
    const entry = doc.getIn([index], true) as Node | undefined;
    const pair = isMap(entry) ? entry.items.find((item) => (item.key as { value?: unknown })?.value === key) : undefined;
    const range = (pair?.key as Node | undefined)?.range ?? entry?.range;
    return range ? lineOf(range[0]) : 1;
  };
  const fieldOf = (index: unknown, key: unknown) =>
    typeof index === 'number' ? `[${index + 1}]${key === undefined ? '' : `.${String(key)}`}` : '';

  const raw = doc.toJS() as unknown;
  const parsed = CategoriesSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const [index, key] = issue.path;
      const missing = issue.message === messages.required && typeof key === 'string';
      return {
        line: lineOfPath(index, key),
        field: fieldOf(index, key),
        message: missing ? messages.categoryFieldMissing(key) : issue.message,
      };
    });
    // The schema looks for duplicates only once every entry is valid: look here too.
    const entries = Array.isArray(raw) ? (raw as unknown[]) : [];
    const slugs = entries.map((entry) => (entry as { slug?: unknown } | null)?.slug).map((slug) => (typeof slug === 'string' ? slug : undefined));
    slugs.forEach((slug, index) => {
      if (slug === undefined || slugs.indexOf(slug) === index) return;
      const problem = { line: lineOfPath(index, 'slug'), field: fieldOf(index, 'slug'), message: messages.duplicateCategory(slug) };
      if (!problems.some((p) => p.line === problem.line && p.message === problem.message)) problems.push(problem);
    });
    problems.sort((a, b) => a.line - b.line);
    return { ok: false, problems, slugs: [...new Set(slugs.filter((slug) => slug !== undefined))] };
  }
  const reserved = new Set(options.reserved ?? []);
  const problems = parsed.data.flatMap((category, index) =>
    reserved.has(category.slug)
      ? [{ line: lineOfPath(index, 'slug'), field: fieldOf(index, 'slug'), message: messages.categoryReserved(category.slug) }]
      : [],
  );
  if (problems.length > 0) return { ok: false, problems, slugs: parsed.data.map((category) => category.slug) };
  return { ok: true, categories: parsed.data };
}
