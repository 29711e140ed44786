/** The remark and rehype plugin lists, shared by Markdown and MDX. */
import rehypeSlug from 'rehype-slug';
import { rehypeFigure } from './rehype-figure.ts';

export const remarkPlugins = [];

export const rehypePlugins = [
  rehypeSlug,
  [rehypeFigure, { widths: [480, 800, 1200], sizes: '(min-width: 760px) 720px, 100vw' }],
];
