/**
 * A deterministic synthetic newsroom for the benchmark: N Vietnamese articles
 * that follow the content contract exactly (8 categories, a pool of about 200
 * tags with 2-4 per article, dates over 3 years in the three date forms, bylines,
 * photographers and sources in both forms, some drafts and future-dated ones,
 * optional photos). The same seed gives byte-identical files.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export interface CorpusOptions {
  /** Number of article files (drafts and future-dated ones included). */
  articles: number;
  /** Number of articles that get a cover and a body photo (generated with sharp). */
  images?: number;
  seed?: number;
}

export interface CorpusSummary {
  contentDir: string;
  files: number;
  /** Articles that a build at `BENCH_NOW` publishes. */
  published: number;
  drafts: number;
  future: number;
  withImages: number;
  categories: number;
  tags: number;
}

/** The build clock the corpus is generated against (NEWSROOM_NOW). */
export const BENCH_NOW = '2026-01-01T00:00:00+07:00';

/** Small fast seeded PRNG (mulberry32). */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
const between = (random: Random, min: number, max: number) => min + Math.floor(random() * (max - min + 1));
/** Skewed towards the start of the list, like real tag usage. */
const pickSkewed = <T>(random: Random, list: readonly T[]): T => list[Math.floor(random() ** 2 * list.length)]!;

export const CATEGORIES = [
  { slug: 'chinh-tri', name: 'Chính trị', description: 'Hoạt động của chính quyền và các kỳ họp.' },
  { slug: 'kinh-te', name: 'Kinh tế', description: 'Cảng biển, đầu tư, doanh nghiệp.' },
  { slug: 'xa-hoi', name: 'Xã hội', description: 'An sinh, đời sống, phòng chống thiên tai.' },
  { slug: 'van-hoa', name: 'Văn hóa', description: 'Lễ hội, di sản, nghệ thuật.' },
  { slug: 'the-thao', name: 'Thể thao', description: 'Bóng đá và các giải phong trào.' },
  { slug: 'do-thi', name: 'Đô thị', description: 'Quy hoạch, giao thông, hạ tầng.' },
  { slug: 'giao-duc', name: 'Giáo dục', description: 'Trường học, học sinh, thầy cô.' },
  { slug: 'suc-khoe', name: 'Sức khỏe', description: 'Bệnh viện, y tế cơ sở, dinh dưỡng.' },
] as const;

const WORDS = (
  'thành phố người dân cán bộ chính quyền hội đồng nhân dân ủy ban kế hoạch dự án đầu tư công trình giao thông ' +
  'cảng biển hàng hóa doanh nghiệp xuất khẩu nhập khẩu tăng trưởng kinh tế thị trường lao động việc làm học sinh ' +
  'giáo viên trường học bệnh viện bác sĩ điều trị sức khỏe cộng đồng văn hóa lễ hội di sản nghệ thuật biểu diễn ' +
  'du lịch ẩm thực đường phố bãi biển mùa mưa ngập úng thoát nước môi trường rác thải cây xanh công viên quận huyện ' +
  'phường xã thôn xóm nông nghiệp ngư dân tàu cá hải sản giá cả điện nước nhà ở chung cư quy hoạch đô thị cầu đường ' +
  'xe buýt đường sắt sân bay hành khách chuyến bay vận tải logistics kho bãi công nghệ chuyển đổi số dịch vụ công ' +
  'thủ tục hành chính hồ sơ trực tuyến tài khoản định danh an ninh trật tự phòng cháy chữa cháy thiên tai bão lũ ' +
  'sơ tán cứu hộ tình nguyện viên thanh niên phụ nữ người cao tuổi trẻ em gia đình ngân sách vốn nguồn lực giải ngân ' +
  'tiến độ chất lượng hiệu quả mục tiêu nhiệm vụ giải pháp kiến nghị cử tri đại biểu kỳ họp nghị quyết báo cáo ' +
  'bóng đá vận động viên giải đấu sân vận động huấn luyện viên khán giả chiến thắng trận đấu mùa giải thể thao ' +
  'mới đây hôm qua sáng nay chiều tối tuần trước năm nay tháng tới nhiều hơn khoảng gần hơn nữa đã đang sẽ vừa ' +
  'được bị cho biết nhấn mạnh khẳng định đề nghị yêu cầu triển khai hoàn thành khởi công khánh thành đưa vào sử dụng'
).split(' ');

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Hồ', 'Ngô', 'Dương', 'Lý', 'Đoàn', 'Tạ'];
const MIDDLE = ['Thị', 'Văn', 'Minh', 'Thu', 'Đức', 'Thanh', 'Quốc', 'Ngọc', 'Hữu', 'Kim'];
const GIVEN = ['Hà', 'Oanh', 'Phước', 'Đức', 'Lan', 'Hùng', 'Tú', 'Linh', 'Dũng', 'Hương', 'Khánh', 'Mai', 'Sơn', 'Yến', 'Tâm', 'Quân'];
const SOURCES = ['Báo Hải Phòng', 'Thời báo Duyên Hải', 'Đài Phát thanh Cảng Thành', 'Thông tấn xã', 'Cổng thông tin thành phố'];
const TAG_HEADS = ['cảng biển', 'đầu tư', 'giao thông', 'chuyển đổi số', 'giáo dục', 'y tế', 'du lịch', 'lễ hội', 'bóng đá', 'môi trường',
  'nhà ở', 'ngân sách', 'xuất khẩu', 'thiên tai', 'an sinh', 'quy hoạch', 'nông nghiệp', 'văn hóa', 'công nghệ', 'việc làm'];
const TAG_TAILS = ['', 'Đồ Sơn', 'Lạch Tray', 'Cát Bà', 'Kiến An', 'Hải An', 'Thủy Nguyên', 'An Dương', 'Vĩnh Bảo', 'năm 2025'];

function makeName(random: Random): string {
  return `${pick(random, SURNAMES)} ${pick(random, MIDDLE)} ${pick(random, GIVEN)}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase('vi') + text.slice(1);
}

function phrase(random: Random, min: number, max: number): string {
  const count = between(random, min, max);
  const words: string[] = [];
  for (let i = 0; i < count; i += 1) words.push(pick(random, WORDS));
  return words.join(' ');
}

function sentence(random: Random): string {
  let text = capitalize(phrase(random, 8, 16));
  if (random() < 0.3) text += `, ${phrase(random, 3, 7)}`;
  if (random() < 0.1) text += ` ${between(random, 2, 980)}%`;
  return `${text}.`;
}

function paragraph(random: Random, words: number): string {
  const sentences: string[] = [];
  let count = 0;
  while (count < words) {
    // News quotes people: some sentences are quotations, as in real articles.
    const roll = random();
    const s =
      roll < 0.12
        ? `"${sentence(random)}", ông ${pick(random, GIVEN)} nói.`
        : roll < 0.14
          ? `${sentence(random).slice(0, -1)} -- ${phrase(random, 3, 6)}...`
          : sentence(random);
    sentences.push(s);
    count += s.split(' ').length;
  }
  return sentences.join(' ');
}

/** YAML double-quoted scalar. */
const quote = (value: string) => JSON.stringify(value);
const pad = (n: number) => String(n).padStart(2, '0');

function slugOf(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/Đ/g, 'D')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

export function makeTagPool(): string[] {
  const tags = new Set<string>();
  for (const head of TAG_HEADS) for (const tail of TAG_TAILS) tags.add(tail ? `${head} ${tail}` : head);
  return [...tags];
}

interface ArticleFile {
  relativePath: string;
  text: string;
  images: { relativePath: string; seed: number }[];
}

/** One article file; `index` makes its slug unique. */
function makeArticle(random: Random, index: number, tags: readonly string[], authors: readonly string[], photographers: readonly string[], withImage: boolean): ArticleFile & { kind: 'published' | 'draft' | 'future' } {
  const roll = random();
  const kind = roll < 0.02 ? 'draft' : roll < 0.03 ? 'future' : 'published';
  // Published dates span 2023-01-01 .. 2025-12-31; future ones fall in 2026 (after BENCH_NOW).
  const dayOffset = kind === 'future' ? 3 * 365 + 2 + between(random, 0, 300) : between(random, 0, 3 * 365 - 1);
  const day = new Date(Date.UTC(2023, 0, 1) + dayOffset * 86_400_000);
  const [y, m, d] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
  const hour = between(random, 6, 22);
  const minute = between(random, 0, 59);
  const form = random();
  const date =
    form < 0.34
      ? `${y}-${pad(m)}-${pad(d)}`
      : form < 0.67
        ? `${y}-${pad(m)}-${pad(d)} ${pad(hour)}:${pad(minute)}`
        : `${y}-${pad(m)}-${pad(d)}T${pad(hour)}:${pad(minute)}:00+07:00`;

  const title = capitalize(phrase(random, 8, 14));
  const slug = `${slugOf(title).split('-').slice(0, 8).join('-')}-${index}`;
  const category = pickSkewed(random, CATEGORIES).slug;
  const articleTags = new Set<string>();
  const tagCount = between(random, 2, 4);
  while (articleTags.size < tagCount) articleTags.add(pickSkewed(random, tags));
  const lines = [
    `title: ${quote(title)}`,
    `category: ${category}`,
    `date: ${date}`,
  ];
  if (random() < 0.2) lines.push(`updated: ${y + 1}-01-0${between(random, 1, 9)} 08:00`);
  if (random() < 0.25) lines.push(`author: [${quote(pick(random, authors))}, ${quote(pick(random, authors))}]`);
  else lines.push(`author: ${pick(random, authors)}`);
  const photographerRoll = random();
  if (photographerRoll < 0.2) lines.push(`photographer: ${pick(random, photographers)}`);
  else if (photographerRoll < 0.25) lines.push(`photographer: [${quote(pick(random, photographers))}, ${quote(pick(random, photographers))}]`);
  const sourceRoll = random();
  if (sourceRoll < 0.15) lines.push(`source: ${pick(random, SOURCES)}`);
  else if (sourceRoll < 0.25) {
    lines.push('source:', `  name: ${pick(random, SOURCES)}`, `  url: https://example.org/tin/${slug}`);
  }
  if (random() < 0.85) lines.push(`lead: ${quote(`${sentence(random)} ${sentence(random)}`)}`);
  lines.push(`tags: [${[...articleTags].map(quote).join(', ')}]`);
  if (kind === 'draft') lines.push('draft: true');
  if (random() < 0.05) lines.push(`slug: ${quote(`${slug}-ban-tin`)}`);

  const images: ArticleFile['images'] = [];
  const folder = `${y}/${pad(m)}`;
  if (withImage) {
    const cover = `images/${slug}-anh-bia.jpg`;
    const inline = `images/${slug}-anh-1.jpg`;
    images.push({ relativePath: `${folder}/${cover}`, seed: index * 2 + 1 }, { relativePath: `${folder}/${inline}`, seed: index * 2 + 2 });
    lines.push('cover:', `  src: ./${cover}`, `  alt: ${quote(capitalize(phrase(random, 5, 9)))}`, `  caption: ${quote(`${capitalize(phrase(random, 6, 10))}. Ảnh: ${pick(random, photographers)}`)}`);
  }

  // About 600 words in 8 paragraphs, with 1-2 subheadings.
  const paragraphs: string[] = [];
  for (let i = 0; i < 8; i += 1) paragraphs.push(paragraph(random, 75));
  const headings = between(random, 1, 2);
  for (let h = 0; h < headings; h += 1) {
    const at = h === 0 ? between(random, 2, 4) : between(random, 5, 7);
    paragraphs.splice(at + h, 0, `## ${capitalize(phrase(random, 3, 7))}`);
  }
  if (withImage) {
    paragraphs.splice(2, 0, `![${capitalize(phrase(random, 4, 8))}](./images/${slug}-anh-1.jpg "${capitalize(phrase(random, 5, 9))}")`);
  }
  const text = `---\n${lines.join('\n')}\n---\n\n${paragraphs.join('\n\n')}\n`;
  return { relativePath: `${folder}/${slug}.md`, text, images, kind };
}

export function categoriesYaml(): string {
  return `${CATEGORIES.map((c) => `- slug: ${c.slug}\n  name: ${c.name}\n  description: ${c.description}`).join('\n')}\n`;
}

/** A small deterministic JPEG (a colour field with a few shapes). */
async function writeImage(file: string, seed: number): Promise<void> {
  const { default: sharp } = await import('sharp');
  const random = createRandom(seed);
  const hue = () => Math.floor(random() * 255);
  const shapes = Array.from({ length: 6 }, () => `<circle cx="${between(random, 0, 640)}" cy="${between(random, 0, 400)}" r="${between(random, 20, 120)}" fill="rgb(${hue()},${hue()},${hue()})"/>`).join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="640" height="400"><rect width="640" height="400" fill="rgb(${hue()},${hue()},${hue()})"/>${shapes}</svg>`;
  await sharp(Buffer.from(svg)).jpeg({ quality: 70 }).toFile(file);
}

/**
 * Writes the corpus into `root/content` (categories.yaml and articles/) and
 * returns what it wrote. Everything derives from the seed, so two runs with the
 * same options produce identical files.
 */
export async function generateCorpus(root: string, options: CorpusOptions): Promise<CorpusSummary> {
  const seed = options.seed ?? 20_240_918;
  const random = createRandom(seed);
  const contentDir = path.join(root, 'content');
  const articlesDir = path.join(contentDir, 'articles');
  mkdirSync(articlesDir, { recursive: true });
  writeFileSync(path.join(contentDir, 'categories.yaml'), categoriesYaml());

  const tags = makeTagPool();
  const authors = Array.from({ length: 60 }, () => makeName(random));
  const photographers = Array.from({ length: 20 }, () => makeName(random));
  const withImages = Math.min(options.images ?? 0, options.articles);
  const summary: CorpusSummary = { contentDir, files: 0, published: 0, drafts: 0, future: 0, withImages: 0, categories: CATEGORIES.length, tags: tags.length };
  const madeDirs = new Set<string>();
  const imageJobs: { file: string; seed: number }[] = [];

  for (let i = 0; i < options.articles; i += 1) {
    // Spread the photo articles evenly over the corpus.
    const withImage = Math.floor((i * withImages) / options.articles) !== Math.floor(((i + 1) * withImages) / options.articles);
    const article = makeArticle(random, i + 1, tags, authors, photographers, withImage);
    const file = path.join(articlesDir, article.relativePath);
    const dir = path.dirname(file);
    const needed = article.images.length ? path.join(dir, 'images') : dir;
    if (!madeDirs.has(needed)) {
      mkdirSync(needed, { recursive: true });
      madeDirs.add(needed);
    }
    writeFileSync(file, article.text);
    summary.files += 1;
    if (article.kind === 'draft') summary.drafts += 1;
    else if (article.kind === 'future') summary.future += 1;
    else summary.published += 1;
    if (article.images.length) summary.withImages += 1;
    for (const image of article.images) imageJobs.push({ file: path.join(articlesDir, image.relativePath), seed: seed + image.seed });
  }
  for (const job of imageJobs) await writeImage(job.file, job.seed);
  return summary;
}
