/**
 * Every message a reporter can see from `npm run check` and the build, in one
 * place so it can be translated. Each reads "<what is wrong> (<how to fix>)".
 */
export const messages = {
  required: 'is missing (add this line to the front matter)',
  empty: 'is empty (write a value after the colon)',
  emptyList: 'is an empty list (write at least one name)',
  notText: 'must be text (put the value in quotes if it looks like a number, date or yes/no)',
  nameOrList: 'must be a name or a list of names (e.g. author: Lê Oanh or author: [Lê Oanh, Trần Minh])',
  controlCharacters: 'contains invisible control characters (retype the text or paste it as plain text)',
  badDate: (detail: string) =>
    `${detail} (write the date as 2024-09-18, 2024-09-18 15:30 or 2024-09-18T15:30:00+07:00)`,
  badUrl: 'is not a web address (write the full address, starting with https://)',
  badSource: 'must be a name or {name, url} (e.g. source: Báo Hải Phòng)',
  badTags: 'must be a list (e.g. tags: [giao thông, đô thị])',
  coverAlt: 'cover needs alt text (add "alt:" describing the photo for readers who cannot see it)',
  badBoolean: 'must be true or false',
  badAlias: 'must be a site path starting with "/" (e.g. /tin-cu/bai-viet/)',
  badAliases: 'must be a list of paths (e.g. aliases: ["/tin-cu/bai-viet/"])',
  unknownCategory: 'is not a category in content/categories.yaml (use one of its slugs)',
  badCategorySlug: 'must be lower-case ASCII words joined by "-" (e.g. chinh-tri)',
  categoriesNotList: 'must be a list of categories, each with slug and name (see the README)',
  duplicateCategory: (slug: string) => `"${slug}" is listed twice (keep one entry per category)`,

  // npm run check: file-level problems
  noFrontMatter: 'the file has no front matter (start it with a line "---", the fields, then another "---")',
  unclosedFrontMatter: 'the front matter is never closed (add a line "---" after the last field)',
  yamlSyntax: (detail: string) => `YAML syntax error: ${detail} (check the colons, quotes and indentation)`,
  yamlAlias: 'uses a YAML anchor or alias (& or *) (write the value out in full)',
  yamlNotMapping: 'the front matter must be "key: value" lines',
  duplicateKey: 'appears twice (keep only one)',
  notUtf8: 'the file is not UTF-8 text (save it as UTF-8 in your editor)',
  emptyFile: 'the file is empty (write the front matter and the article, or delete the file)',
  didYouMean: (value: string) => `did you mean "${value}"?`,
  unknownCategoryValue: (value: string, suggestion: string | undefined, known: readonly string[]) =>
    suggestion
      ? `"${value}" is not a category (did you mean "${suggestion}"?)`
      : `"${value}" is not a category (use one of: ${known.join(', ')})`,
  duplicateUrl: (url: string, other: string) =>
    `has the same address ${url} as ${other} (change the "slug" or the file name of one of them)`,
  aliasCollision: (alias: string, other: string) =>
    `alias ${alias} is the address of ${other} (remove the alias or choose another path)`,
  imageMissing: (src: string) => `image "${src}" does not exist (check the file name and folder)`,
  imageOutside: (src: string) =>
    `image "${src}" points outside the content folder (put the photo next to the article, e.g. ./images/)`,
  imageRemote: (src: string) =>
    `image "${src}" is on another site (download the photo and put it next to the article)`,
  symlinkOutside: (target: string) =>
    `is a link to "${target}", outside the content folder (copy the file here instead of linking it)`,
  mdxNotAllowed: 'MDX files are switched off for this site (rename the file to .md)',
  mdxInvalid: (detail: string) => `MDX syntax error: ${detail} (check the {braces} and <tags>)`,
  readError: (detail: string) => `cannot be read: ${detail}`,

  // warnings
  unknownKey: (key: string, suggestion: string | undefined) =>
    suggestion
      ? `unknown field (did you mean "${suggestion}"? it is ignored as written)`
      : `unknown field "${key}" (it is ignored; see the README for the fields)`,
  longLead: (length: number, limit: number) =>
    `the lead is ${length} characters, much longer than usual (keep it under ${limit}: one or two sentences)`,
  imageNoAlt: (src: string) =>
    `image "${src}" has no alt text (write a short description between the brackets: ![description](...))`,
  futureDate: (local: string) => `the date is in the future: the article stays unpublished until ${local}`,
  draft: 'the article is a draft and is not published (remove "draft: true" to publish it)',

  // summary
  summary: (errors: number, warnings: number, files: number) =>
    `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'}`,
  allGood: (articles: number) => `Checked ${articles} article${articles === 1 ? '' : 's'}: no problems found.`,
  buildRefused: 'The site was not built: fix the errors above, then run the build again. The live site is unchanged.',
} as const;
