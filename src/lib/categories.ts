/** Reads `categories.yaml`: the list of categories, in navigation order. */
import { parseDocument } from 'yaml';
import { CategoriesSchema, type Category } from './schemas/category.ts';

export type CategoriesResult =
  | { ok: true; categories: Category[] }
  | { ok: false; problems: { line: number; field: string; message: string }[] };

/** Parses the text of categories.yaml; problems carry the line of the offending entry. */
export function parseCategories(text: string): CategoriesResult {
  const clean = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const doc = parseDocument(clean, { schema: 'core', uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((error) => ({
        line: error.linePos ? error.linePos[0].line : 1,
        field: '',
        message: `YAML syntax error: ${error.message.split('\n')[0]} (check the dashes, colons and indentation)`,
      })),
    };
  }
  const parsed = CategoriesSchema.safeParse(doc.toJS({ maxAliasCount: 0 }));
  if (parsed.success) return { ok: true, categories: parsed.data };
  const lineStarts = [0];
  for (let i = 0; i < clean.length; i += 1) if (clean[i] === '\n') lineStarts.push(i + 1);
  const lineOf = (offset: number) => {
    let line = 0;
    while (line + 1 < lineStarts.length && lineStarts[line + 1]! <= offset) line += 1;
    return line + 1;
  };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const [index, key] = issue.path;
      let line = 1;
      const node = typeof index === 'number' ? doc.getIn([index, ...(key === undefined ? [] : [key])], true) : undefined;
      const entry = typeof index === 'number' ? doc.getIn([index], true) : undefined;
      const range = (node as { range?: number[] } | undefined)?.range ?? (entry as { range?: number[] } | undefined)?.range;
      if (range?.[0] !== undefined) line = lineOf(range[0]);
      const field = typeof index === 'number' ? `[${index + 1}]${key === undefined ? '' : `.${String(key)}`}` : '';
      return { line, field, message: issue.message };
    }),
  };
}
