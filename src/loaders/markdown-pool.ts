/**
 * Renders Markdown on worker threads, so a cold build (an empty content cache)
 * uses every core instead of one. Each worker builds the renderer Astro's
 * content layer would build (see `markdown-worker.ts`) and returns the same
 * `{ html, metadata }` as `context.renderMarkdown`.
 *
 * When the pool cannot reproduce Astro's renderer (another Markdown processor,
 * options that cannot be sent to a thread, plugin lists that differ from
 * `src/markdown/plugins.ts`), `createMarkdownPool` says why and returns
 * nothing: the loader then renders on the main thread as before.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { AstroConfig } from 'astro';
import { describePlugins, type PoolRequest, type PoolResponse, type RenderedMarkdown, type SharedRenderOptions, type WorkerSetup } from './markdown-protocol.ts';

export type { RenderedMarkdown } from './markdown-protocol.ts';

export interface MarkdownPool {
  size: number;
  render(content: string, fileURL: URL): Promise<RenderedMarkdown>;
  close(): Promise<void>;
}

/** Requests kept in flight per worker, so a worker never waits for the main thread. */
const WINDOW = 4;

const WORKER_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'markdown-worker.ts');

/** The options Astro's content layer passes to `createRenderer` (content-layer.js #processMarkdown). */
export function sharedRenderOptions(config: Pick<AstroConfig, 'image' | 'markdown'>): SharedRenderOptions {
  const markdown = config.markdown as AstroConfig['markdown'] & Record<string, unknown>;
  return {
    image: config.image,
    syntaxHighlight: markdown.syntaxHighlight,
    shikiConfig: markdown.shikiConfig,
    gfm: markdown.gfm,
    smartypants: markdown.smartypants,
  };
}

interface UnifiedProcessorLike {
  name: string;
  options: { remarkPlugins?: unknown[]; rehypePlugins?: unknown[]; recmaPlugins?: unknown[] } & Record<string, unknown>;
}

/** The worker setup for this Astro config, or the reason the pool cannot reproduce its renderer. */
export function workerSetupFor(config: Pick<AstroConfig, 'image' | 'markdown'>): WorkerSetup | { reason: string } {
  const processor = (config.markdown as { processor?: UnifiedProcessorLike }).processor;
  if (!processor?.options || processor.name !== 'unified') {
    return { reason: `markdown.processor is "${processor?.name ?? 'none'}", not unified()` };
  }
  const { remarkPlugins, rehypePlugins, recmaPlugins: _recma, ...processorOptions } = processor.options;
  const setup: WorkerSetup = {
    shared: sharedRenderOptions(config),
    processorOptions,
    fingerprint: describePlugins(remarkPlugins, rehypePlugins),
  };
  try {
    return structuredClone(setup);
  } catch (error) {
    return { reason: `the Markdown options cannot be sent to a worker thread (${(error as Error).message})` };
  }
}

/**
 * Starts `size` workers and waits until each has built its renderer. Returns
 * undefined (and calls `onUnavailable` with the reason) when the pool cannot
 * render exactly as Astro would.
 */
export async function createMarkdownPool(
  config: Pick<AstroConfig, 'image' | 'markdown'>,
  size: number,
  onUnavailable: (reason: string) => void = () => {},
): Promise<MarkdownPool | undefined> {
  const setup = workerSetupFor(config);
  if ('reason' in setup) {
    onUnavailable(setup.reason);
    return undefined;
  }
  const workers = Array.from({ length: size }, () => new Worker(WORKER_FILE, { workerData: setup }));
  const ready = await Promise.all(
    workers.map(
      (worker) =>
        new Promise<string | undefined>((resolve) => {
          const onMessage = (message: PoolResponse) => {
            worker.off('error', onError);
            if (message.type === 'ready') resolve(undefined);
            else resolve(message.type === 'failed' ? message.message : `unexpected ${message.type}`);
          };
          const onError = (error: Error) => {
            worker.off('message', onMessage);
            resolve(error.message);
          };
          worker.once('message', onMessage);
          worker.once('error', onError);
        }),
    ),
  );
  const failure = ready.find((reason) => reason !== undefined);
  if (failure) {
    await Promise.all(workers.map((worker) => worker.terminate()));
    onUnavailable(`a worker could not start: ${failure}`);
    return undefined;
  }

  interface Job extends PoolRequest {
    resolve: (value: RenderedMarkdown) => void;
    reject: (error: Error) => void;
  }
  const queue: Job[] = [];
  const inFlight = workers.map(() => new Map<number, Job>());
  let nextId = 0;
  let broken: Error | undefined;

  const pump = (index: number) => {
    const worker = workers[index]!;
    const jobs = inFlight[index]!;
    while (jobs.size < WINDOW && queue.length > 0) {
      const job = queue.shift()!;
      jobs.set(job.id, job);
      worker.postMessage({ id: job.id, content: job.content, fileURL: job.fileURL } satisfies PoolRequest);
    }
  };
  workers.forEach((worker, index) => {
    worker.on('message', (message: PoolResponse) => {
      if (message.type !== 'rendered' && message.type !== 'error') return;
      const job = inFlight[index]!.get(message.id);
      if (!job) return;
      inFlight[index]!.delete(message.id);
      if (message.type === 'rendered') job.resolve({ html: message.html, metadata: message.metadata });
      else job.reject(new Error(message.message));
      pump(index);
    });
    worker.on('error', (error) => {
      // A crashed worker fails its jobs and everything still queued: the build stops with the error.
      broken = error;
      for (const job of [...inFlight[index]!.values(), ...queue.splice(0)]) job.reject(error);
      inFlight[index]!.clear();
    });
  });

  return {
    size,
    render(content, fileURL) {
      if (broken) return Promise.reject(broken);
      return new Promise<RenderedMarkdown>((resolve, reject) => {
        queue.push({ id: nextId++, content, fileURL: fileURL.href, resolve, reject });
        // Hand the job to the least busy worker.
        let best = 0;
        for (let i = 1; i < workers.length; i += 1) if (inFlight[i]!.size < inFlight[best]!.size) best = i;
        pump(best);
      });
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}
