// @ts-check
import { defineConfig } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { remarkPlugins, rehypePlugins } from './src/markdown/plugins.ts';
import { siteConfig } from './src/config/index.ts';

export default defineConfig({
  site: siteConfig.url,
  trailingSlash: 'ignore',
  build: { format: 'directory' },
  // Astro's content cache (rendered Markdown) lives here and is kept between builds.
  cacheDir: './.build/cache',
  markdown: {
    processor: unified({ remarkPlugins, rehypePlugins }),
  },
  integrations: [mdx()],
  devToolbar: { enabled: false },
});
