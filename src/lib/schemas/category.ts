/** The schema of `content/categories.yaml`: a list of `{slug, name, description?}`. */
import { z } from 'astro/zod';
import { messages } from '../messages.ts';
import { nfc, squashWhitespace } from '../text.ts';

export const CategorySchema = z.object({
  slug: z
    .string({ error: (issue) => (issue.input === undefined ? messages.required : messages.notText) })
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, messages.badCategorySlug),
  name: z
    .string({ error: (issue) => (issue.input === undefined ? messages.required : messages.notText) })
    .transform((value) => squashWhitespace(nfc(value)))
    .refine((value) => value.length > 0, messages.empty),
  description: z
    .string({ error: messages.notText })
    .transform((value) => squashWhitespace(nfc(value)))
    .optional(),
});

export const CategoriesSchema = z
  .array(CategorySchema, { error: messages.categoriesNotList })
  .min(1, messages.categoriesNotList)
  .superRefine((categories, ctx) => {
    const seen = new Set<string>();
    categories.forEach((category, index) => {
      if (seen.has(category.slug)) {
        ctx.addIssue({ code: 'custom', path: [index, 'slug'], message: messages.duplicateCategory(category.slug) });
      }
      seen.add(category.slug);
    });
  });

export type Category = z.output<typeof CategorySchema>;
