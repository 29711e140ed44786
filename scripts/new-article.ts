/**
 * `npm run new`: starts an article with its front matter filled in.
 *
 *   npm run new -- "Tiêu đề bài viết" --category chinh-tri [--author "Tên"]
 *
 * Writes `content/articles/<yyyy>/<mm>/<slug>.md` (now, in the site time zone;
 * the slug from the title), refuses to overwrite a file or to take the address
 * of another article, and prints the path. Without a title or category it asks
 * for them when a terminal is attached, and otherwise prints the usage.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { checkContent, displayPath } from './lib/check.ts';
import { projectRoot } from './lib/paths.ts';
import { readBuildSettings, siteConfig } from '../src/config/index.ts';
import { parseCategories } from '../src/lib/categories.ts';
import { formatDate } from '../src/lib/dates.ts';
import { messages } from '../src/lib/messages.ts';
import { slugify } from '../src/lib/slug.ts';
import { nfc, squashWhitespace, stripControlCharacters } from '../src/lib/text.ts';
import { suggest } from '../src/lib/suggest.ts';
import { articlePath } from '../src/lib/urls.ts';

/** Exit codes: 1 for a refusal (bad category, file exists), 2 for a usage error. */
function fail(message: string, code = 1): never {
  console.error(message);
  process.exit(code);
}

const clean = (value: string) => squashWhitespace(nfc(stripControlCharacters(value)));

/** The article file: front matter the reporter completes, then the body. */
function articleTemplate(fields: { title: string; category: string; date: string; author: string }): string {
  return [
    '---',
    `title: ${JSON.stringify(fields.title)}`,
    `category: ${fields.category}`,
    `date: ${fields.date}`,
    `author: ${JSON.stringify(fields.author)}`,
    'lead: ""',
    'tags: []',
    '# photographer: Tên người chụp ảnh',
    '# source: Tên báo hoặc cơ quan cung cấp tin',
    '# cover:',
    '#   src: ./images/ten-anh.jpg',
    '#   alt: Mô tả bức ảnh',
    '---',
    '',
    '',
  ].join('\n');
}

function parseArguments() {
  try {
    return parseArgs({
      options: {
        category: { type: 'string', short: 'c' },
        author: { type: 'string', short: 'a' },
        help: { type: 'boolean', short: 'h', default: false },
      },
      allowPositionals: true,
    });
  } catch (error) {
    return fail(`${(error as Error).message}\n${messages.newUsage}`, 2);
  }
}

const parsed = parseArguments();
if (parsed.values.help) {
  console.log(messages.newUsage);
  process.exit(0);
}

const settings = readBuildSettings();
const categoriesFile = path.join(settings.contentDir, 'categories.yaml');
const categories = parseCategories(await fs.readFile(categoriesFile, 'utf8').catch(() => ''));
if (!categories.ok) fail(messages.newCategoriesInvalid);
const known = categories.categories.map((category) => category.slug);

let title = clean(parsed.positionals.join(' '));
let category = parsed.values.category?.trim() ?? '';
let author = clean(parsed.values.author ?? '');

if (!title || !category) {
  if (!process.stdin.isTTY || !process.stdout.isTTY) {
    fail(`${!title ? messages.newMissingTitle : messages.newMissingCategory(known)}\n${messages.newUsage}`, 2);
  }
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    while (!title) title = clean(await prompt.question(messages.newPromptTitle));
    while (!known.includes(category)) {
      if (category) console.log(messages.newUnknownCategory(category, suggest(category, known), known));
      const answer = (await prompt.question(messages.newPromptCategory(known))).trim();
      category = known[Number(answer) - 1] ?? answer;
    }
    if (parsed.values.author === undefined) author = clean(await prompt.question(messages.newPromptAuthor));
  } finally {
    prompt.close();
  }
}

if (!known.includes(category)) fail(messages.newUnknownCategory(category, suggest(category, known), known));
const slug = slugify(title);
if (!slug) fail(messages.newEmptySlug);

const { timeZone } = siteConfig;
const now = settings.now;
const file = path.join(settings.contentDir, 'articles', formatDate(now, 'yyyy', timeZone), formatDate(now, 'MM', timeZone), `${slug}.md`);
const userCwd = (process.env.npm_lifecycle_event === 'new' && process.env.INIT_CWD) || process.cwd();
const shown = displayPath(file, settings.contentDir, userCwd);

// Another article (any folder, or a "slug:" override) may already have this address.
const url = articlePath({ category, slug });
const report = await checkContent({ contentDir: settings.contentDir, config: siteConfig, now, cwd: userCwd, only: [], publicDir: path.join(projectRoot, 'public') });
const owner = report.addresses.get(url)?.[0];
await fs.access(file).then(
  () => fail(messages.newExists(shown)),
  () => undefined,
);
if (owner) fail(messages.newSameUrl(url, owner));

await fs.mkdir(path.dirname(file), { recursive: true });
try {
  // "wx": never overwrite, even if the file appeared meanwhile.
  await fs.writeFile(file, articleTemplate({ title, category, date: formatDate(now, 'yyyy-MM-dd HH:mm', timeZone), author }), { flag: 'wx' });
} catch (error) {
  if ((error as NodeJS.ErrnoException).code === 'EEXIST') fail(messages.newExists(shown));
  throw error;
}
console.log(messages.newCreated(shown));
console.log(messages.newNextSteps(shown));
