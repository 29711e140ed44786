// @ts-check
import { defineConfig, sharpImageService } from 'astro/config';
import mdx from '@astrojs/mdx';
import { unified } from '@astrojs/markdown-remark';
import { remarkPlugins, rehypePlugins } from './src/markdown/plugins.ts';
import { siteConfig } from './src/config/index.ts';

export default defineConfig({
  site: siteConfig.url,
  trailingSlash: 'ignore',
  // Stylesheets as files, never inlined: the CSP allows styles from 'self' only.
  build: { format: 'directory', inlineStylesheets: 'never' },
  image: {
    // AVIF at sharp's default effort (4) takes seconds per photo; effort 2 gives
    // files within a few percent of the size at about a tenth of the time.
    service: sharpImageService({ avif: { effort: 2 } }),
  },
  // Astro's content cache (rendered Markdown) lives here and is kept between builds.
  cacheDir: './.build/cache',
  markdown: {
    processor: unified({ remarkPlugins, rehypePlugins }),
  },
  integrations: [mdx()],
  devToolbar: { enabled: false },
});
