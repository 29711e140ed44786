import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AstroConfig } from 'astro';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../scripts/lib/paths.ts';
import { PLUGINS_FILE, renderSources, renderVersion } from '../../src/loaders/render-version.ts';

const config = (rehypePlugins: unknown[]) =>
  ({ markdown: { processor: { name: 'unified', options: { remarkPlugins: [], rehypePlugins } } } }) as unknown as Pick<AstroConfig, 'markdown'>;

/** A tiny source tree: entry.ts -> lib/a.ts -> the package "pkg"; config/site.ts is excluded like src/config/. */
function writeTree(root: string): string {
  const write = (relative: string, text: string) => {
    mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    writeFileSync(path.join(root, relative), text);
  };
  write('src/markdown/entry.ts', "import { a } from '../lib/a.ts';\nimport type { T } from '../lib/types.ts';\nexport const x = a;\n");
  write('src/lib/a.ts', "import {\n  visit,\n} from 'pkg/sub';\nexport const a = visit;\n");
  write('src/lib/types.ts', 'export type T = string;\n');
  write('src/lib/unrelated.ts', 'export const u = 1;\n');
  write('node_modules/pkg/package.json', '{"name":"pkg","version":"1.0.0"}');
  return path.join(root, 'src/markdown/entry.ts');
}

function rehypeOne() {}
function rehypeTwo() {}

describe('renderSources', () => {
  it('follows the plugin list to our plugins and the src/lib code they call, not into src/config', () => {
    const { files, packages } = renderSources();
    const relative = files.map((file) => path.relative(projectRoot, file));
    expect(relative).toEqual(
      expect.arrayContaining([
        'src/markdown/plugins.ts',
        'src/markdown/rehype-reserved-ids.ts',
        'src/markdown/rehype-sanitize-html.ts',
        'src/markdown/sanitize-schema.ts',
        'src/markdown/rehype-figure.ts',
        'src/markdown/remark-smart-punctuation.ts',
        'src/lib/page-ids.ts',
      ]),
    );
    expect(relative.filter((file) => file.startsWith('src/config/'))).toEqual([]);
    expect(packages).toEqual(expect.arrayContaining(['rehype-slug', 'rehype-sanitize', 'rehype-raw', 'retext-smartypants', 'unist-util-visit']));
    // Type-only imports do not change the output.
    expect(packages).not.toContain('hast');
  });

  it('skips type-only imports and reads multi-line ones', () => {
    const entry = writeTree(mkdtempSync(path.join(os.tmpdir(), 'render-version-')));
    const { files, packages } = renderSources(entry);
    expect(files.map((file) => path.basename(file))).toEqual(['a.ts', 'entry.ts']);
    expect(packages).toEqual(['pkg']);
  });
});

describe('renderVersion', () => {
  it('is stable, and the same for a copy of the checkout in another folder', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'render-version-'));
    const entry = writeTree(root);
    const version = renderVersion(config([rehypeOne]), entry);
    expect(version).toMatch(/^[0-9a-f]{16}$/);
    expect(renderVersion(config([rehypeOne]), entry)).toBe(version);
    const copy = mkdtempSync(path.join(os.tmpdir(), 'render-version-copy-'));
    cpSync(root, copy, { recursive: true });
    expect(renderVersion(config([rehypeOne]), path.join(copy, 'src/markdown/entry.ts'))).toBe(version);
    // A file the plugins do not import changes nothing.
    writeFileSync(path.join(root, 'src/lib/unrelated.ts'), 'export const u = 2;\n');
    expect(renderVersion(config([rehypeOne]), entry)).toBe(version);
  });

  it('changes with the plugin list, a module the plugins import, or a package version', () => {
    const root = mkdtempSync(path.join(os.tmpdir(), 'render-version-'));
    const entry = writeTree(root);
    const versions = [renderVersion(config([rehypeOne]), entry)];
    versions.push(renderVersion(config([rehypeOne, rehypeTwo]), entry));
    versions.push(renderVersion(config([[rehypeOne, { reserved: ['main'] }]]), entry));
    writeFileSync(path.join(root, 'src/lib/a.ts'), "import { visit } from 'pkg/sub';\nexport const a = () => visit;\n");
    versions.push(renderVersion(config([rehypeOne]), entry));
    writeFileSync(path.join(root, 'node_modules/pkg/package.json'), '{"name":"pkg","version":"1.0.1"}');
    versions.push(renderVersion(config([rehypeOne]), entry));
    expect(new Set(versions).size).toBe(versions.length);
  });

  it('covers the real plugin list', () => {
    expect(PLUGINS_FILE).toBe(path.join(projectRoot, 'src/markdown/plugins.ts'));
    expect(renderVersion(config([]))).toMatch(/^[0-9a-f]{16}$/);
  });
});
