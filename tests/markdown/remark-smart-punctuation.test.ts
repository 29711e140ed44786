/**
 * remarkSmartPunctuation must give exactly the output of Astro's built-in
 * remark-smartypants: same HTML through the real processor, for the sample
 * articles, a synthetic corpus and inputs aimed at each transform.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createMarkdownProcessor } from '@astrojs/markdown-remark';
import { remarkSmartPunctuation } from '../../src/markdown/remark-smart-punctuation.ts';
import { rehypePlugins } from '../../src/markdown/plugins.ts';
import { parseArticleSource } from '../../src/lib/front-matter.ts';
import { generateCorpus } from '../../scripts/lib/corpus.ts';
import { projectRoot } from '../../scripts/lib/paths.ts';

type Processor = Awaited<ReturnType<typeof createMarkdownProcessor>>;
let stock: Processor;
let fast: Processor;
const temporary: string[] = [];

beforeAll(async () => {
  const common = { syntaxHighlight: false as const, rehypePlugins, image: {} };
  stock = await createMarkdownProcessor({ ...common, remarkPlugins: [], smartypants: true });
  fast = await createMarkdownProcessor({ ...common, remarkPlugins: [remarkSmartPunctuation], smartypants: false });
});
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

async function expectSame(markdown: string, label: string) {
  const fileURL = new URL('file:///site/content/articles/2024/09/bai.md');
  const [a, b] = await Promise.all([stock.render(markdown, { fileURL }), fast.render(markdown, { fileURL })]);
  expect(b.code, label).toBe(a.code);
  expect(b.metadata.headings, label).toEqual(a.metadata.headings);
}

const bodies = (dir: string) =>
  (readdirSync(dir, { recursive: true }) as string[])
    .filter((name) => /\.mdx?$/.test(name) && !name.endsWith('.mdx'))
    .map((name) => ({ name, body: parseArticleSource(readFileSync(path.join(dir, name), 'utf8')).body }));

/** Seeded random numbers (mulberry32): the same inputs on every run. */
function createRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A random document of a few blocks (paragraphs, headings, quotes, lists,
 * tables) made of words, quotes, punctuation, digits and inline code: where
 * the quote rules and retext's sentence splitting meet at block edges.
 */
function randomMarkdown(random: () => number): string {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
  const tokens = ["'s", "'80s", '“', '’', 'Ông', 'nói', 'xong', 'rock', 'n', 'roll', '90s', '80', 'A', 'b', '"', "'", '"', "'", '.', ',', '!', '?', ':', ';', '(', ')', '-', '--', '...', ' ', ' ', '*', '`x`', '5'];
  const inline = (count: number) => {
    let text = '';
    for (let i = 0; i < count; i += 1) text += pick(tokens) + (random() < 0.5 ? ' ' : '');
    // No line may start a block of its own.
    return text.replace(/^[\s#>*\d|-]+/, 'x').replace(/\|/g, '');
  };
  const blocks: string[] = [];
  for (let i = 0, n = 1 + Math.floor(random() * 5); i < n; i += 1) {
    const kind = random();
    const text = inline(1 + Math.floor(random() * 10));
    if (kind < 0.5) blocks.push(text);
    else if (kind < 0.65) blocks.push(`## ${text}`);
    else if (kind < 0.75) blocks.push(`> ${text}`);
    else if (kind < 0.85) blocks.push(`- ${text}\n- ${inline(3)}`);
    else blocks.push(`| ${text} | ${inline(2)} |\n| --- | --- |\n| ${inline(3)} | y |`);
  }
  return `${blocks.join('\n\n')}\n`;
}

describe('remarkSmartPunctuation', () => {
  it('changes quotes, dashes and ellipses like smartypants', async () => {
    const { code } = await fast.render('He said "hi" -- then... left. It\'s ``old\'\' . . . ok\n', {});
    expect(code).toBe('<p>He said “hi” — then… left. It’s “old” … ok</p>');
  });

  it('renders the sample articles exactly as remark-smartypants', async () => {
    for (const { name, body } of bodies(path.join(projectRoot, 'content/articles'))) await expectSame(body, name);
  });

  it('renders a synthetic corpus exactly as remark-smartypants', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'newsroom-smart-'));
    temporary.push(root);
    const { contentDir } = await generateCorpus(root, { articles: 150, seed: 11 });
    for (const { name, body } of bodies(path.join(contentDir, 'articles'))) await expectSame(body, name);
  });

  it('renders inputs aimed at each transform exactly as remark-smartypants', async () => {
    const cases = [
      '"Trích dẫn" mở đầu đoạn.\n\n"Một đoạn khác"\n',
      '*"In nghiêng"* và **"đậm"** và [“liên kết” "ngoài"](https://x.org) "qua *nhấn* mạnh"\n',
      "Anh ấy nói: 'xin chào' -- rồi --- đi... . . . và .. hết.\n",
      '## "Tiêu đề" -- phụ\n\n| a | "b" |\n| --- | --- |\n| \'c\' | d -- e |\n',
      '`"mã"` và "`mã`" và ``hai dấu huyền\'\' và ` một`\n',
      "Năm '90, rock'n'roll, 5'10\" và 'x' 'y'\n",
      '> "Trích" -- dẫn\n>\n> - "mục"...\n\n1. `--` "một"\n',
      'Không có gì đặc biệt. Chỉ là câu.\n\nMột dấu - và một dấu. Và dấu ; : ! ?\n',
      '<span>"html"</span> "sau" <b>\'b\'</b>\n\n<div>\n"khối"\n</div>\n',
      'Hai\ndòng "mở\nđóng" và ...\n\n---\n\n"Sau đường kẻ"\n',
      '',
    ];
    for (const [index, markdown] of cases.entries()) await expectSame(markdown, `case ${index}`);
  });

  it('renders random inputs exactly as remark-smartypants', async () => {
    // Handing retext only the blocks that hold a quote fails this on 6 of 3,000 such
    // inputs (a quote then punctuation at a block's start): the quote pass must see the whole text.
    const random = createRandom(20240918);
    for (let index = 0; index < 1000; index += 1) {
      const markdown = randomMarkdown(random);
      await expectSame(markdown, JSON.stringify(markdown));
    }
  });
});
