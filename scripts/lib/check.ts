/**
 * `npm run check`: validates categories.yaml and every article without
 * building, with the same schema as the Astro collection. Reports every
 * problem as `file:line: field: message (how to fix)`.
 *
 * (Minimal first version: front matter and schema only.)
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { glob } from 'tinyglobby';
import { createArticleSchema } from '../../src/lib/schemas/article.ts';
import { parseCategories } from '../../src/lib/categories.ts';
import { decodeUtf8, parseArticleSource } from '../../src/lib/front-matter.ts';
import { messages } from '../../src/lib/messages.ts';
import type { SiteConfig } from '../../src/config/schema.ts';

export interface Problem {
  file: string;
  line: number;
  field: string;
  message: string;
  severity: 'error' | 'warning';
}

export interface CheckReport {
  problems: Problem[];
  articles: number;
  errors: number;
  warnings: number;
}

export interface CheckOptions {
  contentDir: string;
  config: SiteConfig;
  now: Date;
  /** Folder the file names are shown relative to. */
  cwd: string;
  /** Only these article files (absolute paths), e.g. staged files in the pre-commit hook. */
  only?: string[];
}

export async function checkContent(options: CheckOptions): Promise<CheckReport> {
  const problems: Problem[] = [];
  const show = (file: string) => path.relative(options.cwd, file).split(path.sep).join('/');
  const categoriesFile = path.join(options.contentDir, 'categories.yaml');
  const categories = parseCategories(await fs.readFile(categoriesFile, 'utf8'));
  if (!categories.ok) {
    for (const p of categories.problems) problems.push({ file: show(categoriesFile), ...p, severity: 'error' });
  }
  const slugs = categories.ok ? categories.categories.map((c) => c.slug) : [];
  const schema = createArticleSchema({ timeZone: options.config.timeZone, categories: slugs });
  const articlesDir = path.join(options.contentDir, 'articles');
  const files = options.only ?? (await glob(['**/*.md', '**/*.mdx'], { cwd: articlesDir, absolute: true })).sort();
  for (const file of files) {
    const text = decodeUtf8(await fs.readFile(file));
    if (text === null) {
      problems.push({ file: show(file), line: 1, field: '', message: messages.notUtf8, severity: 'error' });
      continue;
    }
    const source = parseArticleSource(text);
    for (const p of source.problems) problems.push({ file: show(file), ...p, severity: 'error' });
    if (source.problems.length > 0) continue;
    const result = schema.safeParse(source.data);
    if (!result.success) {
      for (const issue of result.error.issues) {
        const field = issue.path.join('.');
        const line = source.keyLines.get(field) ?? source.keyLines.get(String(issue.path[0])) ?? 1;
        problems.push({ file: show(file), line, field, message: issue.message, severity: 'error' });
      }
    }
  }
  const errors = problems.filter((p) => p.severity === 'error').length;
  return { problems, articles: files.length, errors, warnings: problems.length - errors };
}

export function formatReport(report: CheckReport): string {
  const lines: string[] = [];
  let current = '';
  for (const p of report.problems) {
    if (p.file !== current) {
      if (current) lines.push('');
      current = p.file;
    }
    const tag = p.severity === 'warning' ? 'warning: ' : '';
    lines.push(`${p.file}:${p.line}: ${p.field ? `${p.field}: ` : ''}${tag}${p.message}`);
  }
  if (lines.length) lines.push('');
  lines.push(report.problems.length ? messages.summary(report.errors, report.warnings, new Set(report.problems.map((p) => p.file)).size) : messages.allGood(report.articles));
  return lines.join('\n');
}
