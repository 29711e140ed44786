/**
 * MDX runs code at build time, so a newsroom that takes outside contributions
 * sets `allowMdx: false`: then both `npm run check` and the articles loader (the
 * build, even when the check is skipped) refuse any `.mdx` file in content/.
 */
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { LoaderContext } from 'astro/loaders';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../../scripts/lib/check.ts';
import { siteConfig } from '../../src/config/index.ts';
import { messages } from '../../src/lib/messages.ts';
import { articlesLoader } from '../../src/loaders/articles.ts';
import { writeFixture } from '../helpers/fixture.ts';

const NOW = new Date('2025-01-01T00:00:00+07:00');

function mdxFixture(): string {
  return writeFixture({
    articles: [
      { path: '2024/09/binh-thuong.md', frontMatter: 'title: Bài thường\ncategory: xa-hoi\ndate: 2024-09-18\nauthor: A' },
      {
        path: '2024/09/chay-ma.mdx',
        frontMatter: 'title: Bài MDX\ncategory: xa-hoi\ndate: 2024-09-18\nauthor: B',
        body: "export const secret = process.env.HOME;\n\nNội dung {secret}\n",
      },
    ],
  });
}

describe('allowMdx: false', () => {
  it('makes the articles loader refuse a .mdx file', async () => {
    const root = mdxFixture();
    const loader = articlesLoader({
      articlesDir: path.join(root, 'content/articles'),
      timeZone: siteConfig.timeZone,
      now: NOW,
      preview: false,
      allowMdx: false,
      excerptLength: siteConfig.excerptLength,
    });
    const context = {
      store: { keys: () => [], get: () => undefined, set: () => true, delete: () => {}, has: () => false, values: () => [] },
      config: { root: pathToFileURL(`${root}/`), cacheDir: pathToFileURL(`${root}/.cache/`) },
      generateDigest: (value: string) => String(value.length),
      parseData: async ({ data }: { data: unknown }) => data,
      renderMarkdown: async () => ({ html: '', metadata: {} }),
      logger: { info() {}, warn() {}, error() {}, debug() {}, label: 'test', options: {} },
    } as unknown as LoaderContext;
    await expect(loader.load(context)).rejects.toThrow(messages.mdxNotAllowed);
  });

  it('makes npm run check report the .mdx file as an error', async () => {
    const root = mdxFixture();
    const run = (allowMdx: boolean) =>
      checkContent({ contentDir: path.join(root, 'content'), config: { ...siteConfig, allowMdx }, now: NOW, cwd: root });
    const refused = await run(false);
    const problems = refused.problems.filter((problem) => problem.severity === 'error');
    expect(problems.map((problem) => [path.basename(problem.file), problem.message])).toEqual([['chay-ma.mdx', messages.mdxNotAllowed]]);
    expect((await run(true)).errors).toBe(0);
  });
});
