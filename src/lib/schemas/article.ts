/**
 * The one front-matter schema. The Astro collection (`src/content.config.ts`),
 * `npm run check` (`scripts/check-content.ts`) and the tests all build it with
 * `createArticleSchema`, so the rules cannot drift apart.
 */
import { z } from 'astro/zod';
import { parseNewsDate } from '../dates.ts';
import { CONTROL_CHARACTERS, nfc, squashWhitespace } from '../text.ts';
import { messages } from '../messages.ts';

/** The keys reporters may write; anything else is reported as unknown. */
export const ARTICLE_KEYS = [
  'title',
  'category',
  'date',
  'author',
  'photographer',
  'source',
  'lead',
  'tags',
  'cover',
  'draft',
  'updated',
  'slug',
  'aliases',
] as const;

export interface ArticleSchemaOptions {
  /** IANA zone in which dates without an offset are read. */
  timeZone: string;
  /** Known category slugs, from categories.yaml. */
  categories: readonly string[];
  /** Astro's `image()` helper inside the collection; a plain string schema elsewhere. */
  image?: () => z.ZodType;
}

/** A non-empty single-line text, NFC-normalised, without control characters. */
function text() {
  return z
    .string({ error: (issue) => (issue.input === undefined ? messages.required : messages.notText) })
    .transform((value) => squashWhitespace(nfc(value)))
    .refine((value) => !CONTROL_CHARACTERS.test(value), messages.controlCharacters)
    .refine((value) => value.length > 0, messages.empty);
}

/** A name or a list of names, as a list. */
function names() {
  return z
    .union([text(), z.array(text()).min(1, messages.emptyList)], {
      error: (issue) => (issue.input === undefined ? messages.required : messages.nameOrList),
    })
    .transform((value) => (Array.isArray(value) ? value : [value]));
}

/**
 * An optional field: a key left empty (`lead:` or `lead: ""`) counts as absent,
 * which is what a reporter who clears a value means.
 */
function optional<T extends z.ZodType>(schema: T) {
  return z.preprocess((value) => (value === null || value === '' ? undefined : value), schema.optional());
}

function newsDate(timeZone: string) {
  return z.unknown().transform((value, ctx) => {
    const result = parseNewsDate(value, timeZone);
    if (!result.ok) {
      ctx.addIssue({
        code: 'custom',
        message: value === undefined ? messages.required : messages.badDate(result.error),
      });
      return z.NEVER;
    }
    return result.value;
  });
}

const UrlSchema = z
  .string()
  .trim()
  .refine((value) => /^https?:\/\/[^\s]+$/i.test(value) && URL.canParse(value), messages.badUrl);

const AliasSchema = z
  .string()
  .trim()
  .regex(/^\/[^\s?#]*$/, messages.badAlias)
  .refine((value) => !value.split('/').includes('..'), messages.badAlias)
  .transform((value) => (value.endsWith('/') || /\.[a-z0-9]+$/i.test(value) ? value : `${value}/`));

/**
 * Builds the field schemas once and returns a function that makes the article
 * schema around a given `image()` helper. Astro calls the collection's schema
 * function once per entry (each entry has its own `image()`); building every
 * field again each time, and Zod compiling each new schema on its first parse,
 * cost milliseconds per article: on a 10,000-article archive, tens of seconds.
 */
export function createArticleSchemaFactory(options: Omit<ArticleSchemaOptions, 'image'>) {
  const categories = new Set(options.categories);
  const fields = {
    title: text(),
    category: z
      .string({ error: (issue) => (issue.input === undefined ? messages.required : messages.notText) })
      .trim()
      .refine((value) => value.length > 0, messages.empty)
      .refine((value) => categories.has(value), messages.unknownCategory),
    date: newsDate(options.timeZone),
    author: names(),
    photographer: optional(names()),
    source: optional(
      z.union(
        [
          text().transform((name) => ({ name, url: undefined as string | undefined })),
          z.object({ name: text(), url: UrlSchema.optional() }),
        ],
        { error: messages.badSource },
      ),
    ),
    lead: optional(text()),
    tags: z.preprocess((value) => value ?? undefined, z.array(text(), { error: messages.badTags }).default([])),
    coverAlt: z.string({ error: messages.coverAlt }).transform((value) => squashWhitespace(nfc(value))),
    coverCaption: optional(text()),
    draft: z.preprocess((value) => value ?? undefined, z.boolean({ error: messages.badBoolean }).default(false)),
    updated: optional(newsDate(options.timeZone)),
    slug: optional(z.string({ error: messages.notText }).trim().min(1, messages.empty)),
    aliases: z.preprocess((value) => value ?? undefined, z.array(AliasSchema, { error: messages.badAliases }).default([])),
  };
  return (image: () => z.ZodType = () => z.string()) =>
    z
      .object({
        title: fields.title,
        category: fields.category,
        date: fields.date,
        author: fields.author,
        photographer: fields.photographer,
        source: fields.source,
        lead: fields.lead,
        tags: fields.tags,
        cover: optional(z.object({ src: image(), alt: fields.coverAlt, caption: fields.coverCaption })),
        draft: fields.draft,
        updated: fields.updated,
        slug: fields.slug,
        aliases: fields.aliases,
      })
      .transform(({ date, updated, ...rest }) => ({
        ...rest,
        date: date.date,
        dateHasTime: date.hasTime,
        updated: updated?.date,
      }));
}

export function createArticleSchema(options: ArticleSchemaOptions) {
  return createArticleSchemaFactory(options)(options.image);
}

export type ArticleSchema = ReturnType<typeof createArticleSchema>;
export type ArticleData = z.output<ArticleSchema>;
export type ArticleInput = z.input<ArticleSchema>;
