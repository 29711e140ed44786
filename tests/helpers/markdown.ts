/**
 * The Markdown processor of the site, as astro.config.mjs sets it up (smart
 * punctuation as one of our remark plugins, our rehype plugins, no Shiki),
 * for tests that render article bodies without building a site.
 */
import { pathToFileURL } from 'node:url';
import { createMarkdownProcessor, markdownConfigDefaults } from '@astrojs/markdown-remark';
import type { SiteConfig } from '../../src/config/schema.ts';
import { createRehypePlugins, createRemarkPlugins } from '../../src/markdown/plugins.ts';

export type SiteProcessor = Awaited<ReturnType<typeof createMarkdownProcessor>>;

export function createSiteProcessor(config: Pick<SiteConfig, 'url' | 'embedHosts'>): Promise<SiteProcessor> {
  return createMarkdownProcessor({
    ...markdownConfigDefaults,
    smartypants: false,
    syntaxHighlight: false,
    remarkPlugins: createRemarkPlugins(),
    rehypePlugins: createRehypePlugins(config),
  });
}

/** Renders a body as if it were an article file of the content folder. */
export function renderBody(processor: SiteProcessor, markdown: string) {
  return processor.render(markdown, { fileURL: pathToFileURL('/tmp/newsroom/articles/2024/09/bai.md') });
}
