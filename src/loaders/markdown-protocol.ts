/** Messages between the Markdown pool and its workers, and the plugin fingerprint both sides compare. */

/** What Astro's content layer passes to `processor.createRenderer()` (content-layer.js #processMarkdown). */
export interface SharedRenderOptions {
  image: unknown;
  syntaxHighlight: unknown;
  shikiConfig: unknown;
  gfm: unknown;
  smartypants: unknown;
}

export interface WorkerSetup {
  shared: SharedRenderOptions;
  /** `unified({...})` options other than the plugin lists (remarkRehype, gfm, smartypants). */
  processorOptions: Record<string, unknown>;
  /** `describePlugins()` of the Astro config's lists; the worker refuses to run with other lists. */
  fingerprint: string;
}

export interface RenderedMarkdown {
  html: string;
  metadata: {
    headings: { depth: number; slug: string; text: string }[];
    localImagePaths: string[];
    remoteImagePaths: string[];
    frontmatter: Record<string, unknown>;
    imagePaths: string[];
  };
}

export interface PoolRequest {
  id: number;
  content: string;
  fileURL: string;
}

export type PoolResponse =
  | ({ type: 'rendered'; id: number } & RenderedMarkdown)
  | { type: 'error'; id: number; message: string }
  | { type: 'ready' }
  | { type: 'failed'; message: string };

type PluginList = readonly unknown[] | undefined;

/** Names and options of the plugins, in order: enough to tell two lists apart. */
export function describePlugins(remark: PluginList, rehype: PluginList): string {
  const describe = (list: PluginList) =>
    (list ?? []).map((entry) => {
      const [plugin, options] = Array.isArray(entry) ? entry : [entry];
      const name = typeof plugin === 'function' ? plugin.name : String(plugin);
      return options === undefined ? [name] : [name, JSON.stringify(options) ?? null];
    });
  return JSON.stringify({ remark: describe(remark), rehype: describe(rehype) });
}
