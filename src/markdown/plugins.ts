/** The remark and rehype plugin lists, shared by Markdown and MDX. */
import type { RehypePlugins, RemarkPlugins } from '@astrojs/markdown-remark';
import rehypeSlug from 'rehype-slug';
import { rehypeFigure } from './rehype-figure.ts';

export const remarkPlugins: RemarkPlugins = [];

export const rehypePlugins: RehypePlugins = [
  rehypeSlug,
  [rehypeFigure, { widths: [480, 800, 1200], sizes: '(min-width: 760px) 720px, 100vw' }],
];
