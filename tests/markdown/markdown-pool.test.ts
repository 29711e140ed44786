/**
 * Markdown rendered on worker threads (src/loaders/markdown-pool.ts) must be
 * byte-identical to Astro's single-threaded `context.renderMarkdown`: the same
 * HTML and the same metadata (headings, image paths), for the sample articles,
 * a synthetic corpus and tricky inputs; and a whole site built both ways must
 * be the same site.
 */
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseFrontmatter } from '@astrojs/markdown-remark';
import type { AstroConfig } from 'astro';
import { createMarkdownPool, sharedRenderOptions, type MarkdownPool } from '../../src/loaders/markdown-pool.ts';
import { parseArticleSource } from '../../src/lib/front-matter.ts';
import { generateCorpus } from '../../scripts/lib/corpus.ts';
import { projectRoot } from '../../scripts/lib/paths.ts';
import { buildFixture, listFiles } from '../helpers/fixture.ts';

type Config = Pick<AstroConfig, 'image' | 'markdown'>;
type Renderer = { render(content: string, options: { frontmatter: Record<string, unknown>; fileURL: URL }): Promise<{ code: string; metadata: Record<string, unknown> & { localImagePaths?: string[]; remoteImagePaths?: string[] } }> };

let config: Config;
let single: Renderer;
let pool: MarkdownPool;
const temporary: string[] = [];

beforeAll(async () => {
  config = (await import('../../astro.config.mjs')).default as unknown as Config;
  const processor = (config.markdown as unknown as { processor: { createRenderer(shared: unknown): Promise<Renderer> } }).processor;
  single = await processor.createRenderer(sharedRenderOptions(config));
  const created = await createMarkdownPool(config, 2, (reason) => {
    throw new Error(reason);
  });
  pool = created!;
}, 60_000);

afterAll(async () => {
  await pool?.close();
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** What Astro's content layer does in `renderMarkdown` (content-layer.js #processMarkdown). */
async function renderOnMainThread(content: string, fileURL: URL) {
  const { frontmatter, content: body } = parseFrontmatter(content);
  const { code, metadata } = await single.render(body, { frontmatter, fileURL });
  return { html: code, metadata: { ...metadata, imagePaths: (metadata.localImagePaths ?? []).concat(metadata.remoteImagePaths ?? []) } };
}

/** The Markdown the loader renders for an article file: the body, lines kept in place. */
function loaderInput(file: string): string {
  const source = parseArticleSource(readFileSync(file, 'utf8'));
  return '\n'.repeat(source.bodyLine - 1) + source.body;
}

function markdownFiles(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((name) => name.endsWith('.md')).map((name) => path.join(dir, name)).sort();
}

async function expectIdentical(inputs: { content: string; file: string }[]) {
  const results = await Promise.all(
    inputs.map(async ({ content, file }) => {
      const url = pathToFileURL(file);
      const [threaded, main] = await Promise.all([pool.render(content, url), renderOnMainThread(content, url)]);
      return { file, threaded, main };
    }),
  );
  for (const { file, threaded, main } of results) {
    expect(threaded.html, file).toBe(main.html);
    expect(threaded.metadata, file).toEqual(main.metadata);
  }
}

describe('Markdown on worker threads', () => {
  it('renders every sample article exactly as the main thread does', async () => {
    const files = markdownFiles(path.join(projectRoot, 'content/articles'));
    expect(files.length).toBeGreaterThan(10);
    await expectIdentical(files.map((file) => ({ file, content: loaderInput(file) })));
  });

  it('renders a synthetic corpus (with photos) exactly as the main thread does', async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'newsroom-pool-'));
    temporary.push(root);
    const { contentDir } = await generateCorpus(root, { articles: 60, images: 4, seed: 3 });
    await expectIdentical(markdownFiles(contentDir).map((file) => ({ file, content: loaderInput(file) })));
  });

  it('renders tricky Markdown exactly as the main thread does', async () => {
    const file = path.join(projectRoot, 'content/articles/2024/09/bai-thu.md');
    const cases = [
      '## Tiêu đề\n\n## Tiêu đề\n\n### "Trích dẫn" -- và ... dấu\n',
      '![Ảnh cầu](./images/cau.jpg "Cầu mới. Ảnh: H.P.")\n\nĐoạn văn có ![ảnh](./images/a.jpg) giữa dòng.\n',
      '| Cột | Giá trị |\n| --- | ---: |\n| a | 1 |\n\n- [ ] việc\n- [x] xong\n\nhttps://example.org/tu-dong\n',
      '<div onclick="x()">HTML <script>alert(1)</script><b>đậm</b></div>\n\n<iframe src="https://www.youtube.com/embed/x"></iframe>\n',
      '```js\nconst a = 1;\n```\n\n[liên kết ngoài](https://example.com) và [nội bộ](/chinh-tri/)\n\n[^1]: Chú thích\n',
      '---\ntitle: x\n---\n\nFront matter inside the body is parsed off, as Astro does.\n',
      '',
    ];
    await expectIdentical(cases.map((content) => ({ content, file })));
  });

  it('reports a rendering error instead of crashing the pool', async () => {
    await expect(pool.render('ok', new URL('file:///tmp/x.md'))).resolves.toHaveProperty('html');
  });
});

describe('a site built with and without worker threads', () => {
  it('is the same site, byte for byte', { timeout: 600_000 }, async () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'newsroom-pool-site-'));
    temporary.push(root);
    const [single, threaded] = [path.join(root, 'single'), path.join(root, 'threaded')];
    for (const dir of [single, threaded]) cpSync(path.join(projectRoot, 'content'), path.join(dir, 'content'), { recursive: true });
    const env = { NEWSROOM_NOW: '2025-06-01T00:00:00+07:00' };
    const a = await buildFixture(single, { ...env, NEWSROOM_MARKDOWN_WORKERS: '0' }, ['--quiet']);
    const b = await buildFixture(threaded, { ...env, NEWSROOM_MARKDOWN_WORKERS: '2' }, ['--quiet']);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const pages = listFiles(a.outDir).filter((file) => file.endsWith('.html'));
    expect(pages.length).toBeGreaterThan(20);
    expect(listFiles(b.outDir).filter((file) => file.endsWith('.html'))).toEqual(pages);
    for (const page of pages) {
      expect(readFileSync(path.join(b.outDir, page), 'utf8'), page).toBe(readFileSync(path.join(a.outDir, page), 'utf8'));
    }
  });
});
