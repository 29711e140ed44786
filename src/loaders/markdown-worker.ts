/**
 * A worker thread of the Markdown pool (see `markdown-pool.ts`). It builds the
 * same renderer as Astro's content layer: `unified()` from
 * @astrojs/markdown-remark with this project's plugin lists, given the options
 * Astro passes (`image`, `syntaxHighlight`, `shikiConfig`, `gfm`,
 * `smartypants`), and answers render requests with `{ html, metadata }` exactly
 * like `context.renderMarkdown`.
 *
 * Runs in plain Node (not through Vite): it may import only modules Node can
 * load by itself, which is why the plugin lists live in `src/markdown/plugins.ts`.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { parseFrontmatter, unified } from '@astrojs/markdown-remark';
import { rehypePlugins, remarkPlugins } from '../markdown/plugins.ts';
import { describePlugins, type PoolRequest, type PoolResponse, type WorkerSetup } from './markdown-protocol.ts';

const setup = workerData as WorkerSetup;
const port = parentPort!;

async function start(): Promise<void> {
  const fingerprint = describePlugins(remarkPlugins, rehypePlugins);
  if (fingerprint !== setup.fingerprint) {
    port.postMessage({ type: 'failed', message: `plugin lists differ from the Astro config's (${fingerprint} vs ${setup.fingerprint})` } satisfies PoolResponse);
    return;
  }
  const processor = unified({ ...setup.processorOptions, remarkPlugins, rehypePlugins } as Parameters<typeof unified>[0]);
  const renderer = await processor.createRenderer(setup.shared as Parameters<typeof processor.createRenderer>[0]);
  port.on('message', async (request: PoolRequest) => {
    try {
      const { frontmatter, content } = parseFrontmatter(request.content);
      const { code, metadata } = await renderer.render(content, { frontmatter, fileURL: new URL(request.fileURL) });
      const response: PoolResponse = {
        type: 'rendered',
        id: request.id,
        html: code,
        metadata: { ...metadata, imagePaths: (metadata.localImagePaths ?? []).concat(metadata.remoteImagePaths ?? []) },
      };
      port.postMessage(response);
    } catch (error) {
      port.postMessage({ type: 'error', id: request.id, message: (error as Error)?.message ?? String(error) } satisfies PoolResponse);
    }
  });
  port.postMessage({ type: 'ready' } satisfies PoolResponse);
}

start().catch((error: unknown) => {
  port.postMessage({ type: 'failed', message: (error as Error)?.stack ?? String(error) } satisfies PoolResponse);
});
