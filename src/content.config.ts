/** Collections: loader and schema wiring only. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defineCollection } from 'astro:content';
import { z } from 'astro/zod';
import { articlesLoader } from './loaders/articles.ts';
import { createArticleSchemaFactory } from './lib/schemas/article.ts';
import { parseCategories } from './lib/categories.ts';
import { CategorySchema } from './lib/schemas/category.ts';
import { readBuildSettings, siteConfig } from './config/index.ts';

const settings = readBuildSettings();
const categoriesFile = path.join(settings.contentDir, 'categories.yaml');
const categoriesResult = parseCategories(readFileSync(categoriesFile, 'utf8'));
if (!categoriesResult.ok) {
  const first = categoriesResult.problems[0]!;
  throw new Error(`${path.relative(process.cwd(), categoriesFile)}:${first.line}: ${first.field}: ${first.message}`);
}
const categorySlugs = categoriesResult.categories.map((category) => category.slug);

const articleSchema = createArticleSchemaFactory({ timeZone: siteConfig.timeZone, categories: categorySlugs });

// Not written by reporters: the loader adds the excerpt and the rendered body's file after validation.
const loaderFields = z.object({ excerpt: z.string().optional(), bodyFile: z.string().optional() });

const articles = defineCollection({
  loader: articlesLoader({
    articlesDir: path.join(settings.contentDir, 'articles'),
    timeZone: siteConfig.timeZone,
    now: settings.now,
    preview: settings.preview,
    allowMdx: siteConfig.allowMdx,
    excerptLength: siteConfig.excerptLength,
    markdownWorkers: settings.markdownWorkers,
  }),
  // Astro calls this once per entry: only the part that uses the entry's image() is built each time.
  schema: ({ image }) => articleSchema(image).and(loaderFields),
});

/** Categories in navigation order (`order` is the position in categories.yaml). */
const categories = defineCollection({
  loader: async () =>
    categoriesResult.categories.map((category, order) => ({ id: category.slug, ...category, order })),
  schema: CategorySchema.extend({ order: z.number() }),
});

export const collections = { articles, categories };
