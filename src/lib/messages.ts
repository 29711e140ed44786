/**
 * Every message a reporter can see from `npm run check` and the build, in one
 * place so it can be translated. Each reads "<what is wrong> (<how to fix>)".
 */
/** "1 article", "3 articles". */
function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

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
  badBoolean: 'must be true or false (e.g. draft: true)',
  badAlias: 'must be a site path starting with "/" (e.g. /tin-cu/bai-viet/)',
  badAliases: 'must be a list of paths (e.g. aliases: ["/tin-cu/bai-viet/"])',
  unknownCategory: 'is not a category in content/categories.yaml (use one of its slugs)',
  badCategorySlug: 'must be lower-case ASCII words joined by "-" (e.g. chinh-tri)',
  categoriesNotList: 'must be a list of categories, each with slug and name (e.g. "- slug: chinh-tri" then "  name: Chính trị")',
  duplicateCategory: (slug: string) => `"${slug}" is listed twice (keep one entry per category)`,

  // npm run check: file-level problems
  noFrontMatter: 'the file has no front matter (start it with a line "---", the fields, then another "---")',
  unclosedFrontMatter: 'the front matter is never closed (add a line "---" after the last field)',
  yamlSyntax: (detail: string) => `YAML syntax error: ${detail} (check the colons, quotes and indentation)`,
  yamlIndented: 'starts with spaces, so it is read as part of the line above (remove the spaces at the start of the line)',
  yamlAlias: 'uses a YAML anchor or alias (& or *) (write the value out in full)',
  yamlNotMapping: 'the front matter must be "key: value" lines (e.g. title: Tiêu đề bài viết)',
  duplicateKey: 'appears twice (keep only one)',
  notUtf8: 'the file is not UTF-8 text (save it as UTF-8 in your editor)',
  emptyFile: 'the file is empty (write the front matter and the article, or delete the file)',
  readError: (detail: string) => `cannot be read: ${detail}`,
  didYouMean: (value: string) => `did you mean "${value}"?`,
  emptyLead: 'is empty (write the lead, or delete the line to start the page with the article text)',
  unknownCategoryValue: (value: string, suggestion: string | undefined, known: readonly string[]) =>
    suggestion
      ? `"${value}" is not a category (did you mean "${suggestion}"?)`
      : `"${value}" is not a category (use one of: ${known.join(', ')})`,
  slugEmpty: (value: string) =>
    `"${value}" gives an empty address (use letters or digits, e.g. slug: dai-hoi-dang-bo)`,
  fileNameSlugEmpty:
    'the file name has no letters or digits to make an address from (rename the file, e.g. dai-hoi-dang-bo.md, or add a "slug:")',
  duplicateUrl: (url: string, other: string) =>
    `has the same address ${url} as ${other} (change the "slug" or the file name of one of them)`,
  duplicateUrlNormalization: (url: string, other: string) =>
    `has the same address ${url} as ${other}: the two file names differ only in how their accents are encoded (delete one of the two files)`,
  slugIsListingPage: (url: string, page: number) =>
    `the address ${url} is also page ${page} of the category list (give the article a "slug:" that is not just a number)`,
  aliasCollision: (alias: string, other: string) =>
    `alias ${alias} is the address of ${other} (remove the alias or choose another path)`,
  aliasOwnUrl: (alias: string) => `alias ${alias} is this article's own address (remove the alias)`,
  aliasDuplicate: (alias: string, other: string) =>
    `alias ${alias} is also an alias of ${other} (an old address can lead to only one article: remove one of them)`,
  categoryPage: (slug: string) => `the category page of "${slug}"`,
  homePage: 'the home page',
  imageMissing: (src: string) => `image "${src}" does not exist (check the file name and folder)`,
  imageNameForm: (src: string) =>
    `image "${src}" does not exist as written: the file's name encodes its accents differently (rename the photo, e.g. without accents, and update the link)`,
  imageOutside: (src: string) =>
    `image "${src}" points outside the content folder (put the photo next to the article, e.g. ./images/)`,
  imageRemote: (src: string) =>
    `image "${src}" is on another site (download the photo and put it next to the article)`,
  imageNotLocal: (src: string) =>
    `image "${src}" is not a photo file (save the photo next to the article and link it as ./images/photo.jpg)`,
  symlinkOutside: (target: string) =>
    `is a link to "${target}", outside the content folder (copy the file here instead of linking it)`,
  symlinkBroken: (target: string) => `is a link to "${target}", which does not exist (delete the link)`,
  ignoredExtension: (extension: string) =>
    `is not read: articles must end in .md or .mdx, not ${extension} (rename the file to end in ${extension.toLowerCase() === '.mdx' ? '.mdx' : '.md'})`,
  mdxNotAllowed: 'MDX files are switched off for this site (rename the file to .md)',
  mdxInvalid: (detail: string) => `MDX syntax error: ${detail} (check the {braces} and <tags>)`,
  mdxImportMissing: (specifier: string) => `imports "${specifier}", which does not exist (check the path)`,
  categoriesMissing: 'the file does not exist (create it: a list of categories, each with slug and name)',
  categoriesYaml: (detail: string) => `YAML syntax error: ${detail} (check the dashes, colons and indentation)`,
  categoryFieldMissing: (key: string) => `is missing (add "${key}:" to this category)`,
  categoryReserved: (slug: string) =>
    `"${slug}" is an address the site uses for something else (choose another slug for this category)`,

  // warnings
  unknownKey: (key: string, suggestion: string | undefined) =>
    suggestion
      ? `unknown field (did you mean "${suggestion}"? it is ignored as written)`
      : `unknown field "${key}" (it is ignored; see docs/reporters.md for the fields)`,
  longLead: (length: number, limit: number) =>
    `the lead is ${length} characters, much longer than usual (keep it under ${limit}: one or two sentences)`,
  imageNoAlt: (src: string) =>
    `image "${src}" has no alt text (write a short description between the brackets: ![description](...))`,
  coverNoAlt: 'the cover photo has empty alt text (describe the photo for readers who cannot see it)',
  futureDate: (local: string, timeZone: string) =>
    `the date is in the future: the article stays unpublished until ${local} (${timeZone} time; nothing to do if this is an embargo)`,
  draft: 'the article is a draft and is not published (remove "draft: true" to publish it)',
  emptyBody: 'the article has no text yet (write it below the second "---" line)',
  termAccents: (term: 'tag' | 'author', spelling: string, shown: string, page: string, articles: number) =>
    `"${spelling}" here and "${shown}" on the page ${page} (used by ${plural(articles, 'article')}) differ only in their accents, so both are filed on that one page (${
      term === 'tag'
        ? 'if they are the same tag, write it the same way; if not, choose a name that differs in its letters, e.g. with one more word'
        : 'if they are the same person, write the name the same way; if not, make the names differ in their letters, e.g. with a middle name'
    })`,
  termUnaccented: (spelling: string, shown: string, page: string, articles: number) =>
    `"${spelling}" has no accents, unlike "${shown}" on the page ${page} (write it with its accents, "${shown}", as in ${plural(articles, 'article')})`,
  termSameAddress: (term: 'tag' | 'author', spelling: string, shown: string, page: string, articles: number) =>
    `"${spelling}" here and "${shown}" on the page ${page} (used by ${plural(articles, 'article')}) give the same address, so both are filed on that one page (${
      term === 'tag'
        ? 'if they are the same tag, write it the same way; if not, choose a name that differs in its letters'
        : 'if they are the same person, write the name the same way; if not, make the names differ in their letters'
    })`,

  // summary
  summary: (errors: number, warnings: number, files: number, articles: number) =>
    `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} in ${files} file${files === 1 ? '' : 's'} (${articles} article${articles === 1 ? '' : 's'} checked)`,
  allGood: (articles: number) => `Checked ${articles} article${articles === 1 ? '' : 's'}: no problems found.`,
  warningTag: 'warning',
  buildRefused: 'The site was not built: fix the errors above, then run the build again. The live site is unchanged.',
  buildFailed: (detail: string) => `Build failed: ${detail}`,
  buildInterrupted: 'Build interrupted: the live site is unchanged.',
  buildWaiting: (pid: number) => `Waiting for another build of this site to finish (process ${pid})…`,
  renderFailed: (url: string, file: string) => `${file}: the page ${url} could not be made`,
  noStagedContent: 'No content files staged: nothing to check.',
  checkUsage:
    'Usage: npm run check [-- --staged | -- <files>...] [--cache-dir <folder> | --no-cache]  (no argument: the whole content folder; --staged: files staged for commit; unchanged articles are remembered in .build/cache)',

  // npm run new
  newUsage:
    'Usage: npm run new -- "Tiêu đề bài viết" --category chinh-tri [--author "Tên"]  (or run it in a terminal without arguments to be asked)',
  newMissingTitle: 'the title is missing (write it in quotes after "npm run new --")',
  newMissingCategory: (known: readonly string[]) => `the category is missing (add --category with one of: ${known.join(', ')})`,
  newUnknownCategory: (value: string, suggestion: string | undefined, known: readonly string[]) =>
    `"${value}" is not a category${suggestion ? ` (did you mean "${suggestion}"?)` : ''}; the categories are: ${known.join(', ')}`,
  newEmptySlug: 'the title has no letters or digits to make an address from (write a real title)',
  newExists: (file: string) => `${file} already exists (open it, or choose another title)`,
  newSameUrl: (url: string, file: string) =>
    `an article with the address ${url} already exists: ${file} (choose another title)`,
  newCategoriesInvalid: 'content/categories.yaml has errors (run npm run check to see them)',
  newCreated: (file: string) => `Created ${file}`,
  newNextSteps: (file: string) =>
    `Next: write the lead and the article in ${file}, then run "npm run check" and preview with "npm run dev".`,
  newPromptTitle: 'Tiêu đề / Title: ',
  newPromptCategory: (known: readonly string[]) =>
    `Chuyên mục / Category (${known.map((slug, index) => `${index + 1} ${slug}`).join(', ')}; number or name): `,
  newPromptAuthor: 'Tác giả / Author (Enter to skip): ',
} as const;
