/**
 * Heading ids through the real Markdown processor with our plugin lists: a
 * subheading never takes an id of the page chrome (`PAGE_IDS`), and every
 * other heading keeps its plain rehype-slug id.
 */
import { fromHtml } from 'hast-util-from-html';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { createSiteProcessor, renderBody, type SiteProcessor } from '../helpers/markdown.ts';
import { RESERVED_IDS } from '../../src/lib/page-ids.ts';
import { rehypeReservedIds } from '../../src/markdown/rehype-reserved-ids.ts';

let processor: SiteProcessor;

beforeAll(async () => {
  processor = await createSiteProcessor({ url: 'https://tin.example.org', embedHosts: [] });
});

async function render(markdown: string) {
  const result = await renderBody(processor, markdown);
  const doc = parseHTML(`<!doctype html><html><body>${result.code}</body></html>`).document as unknown as Document;
  const ids = [...doc.querySelectorAll('[id]')].map((element) => element.id);
  const headings = [...doc.querySelectorAll('h1, h2, h3, h4, h5, h6')].map((heading) => [heading.textContent, heading.id]);
  return { ids, headings, collected: result.metadata.headings.map((heading) => heading.slug) };
}

describe('heading ids in article bodies', () => {
  it('rename a heading whose id the page chrome uses, and only that heading', async () => {
    const { headings } = await render(
      ['## Main', '## Kết quả', '## Ket qua', '## Tin khac', '## Tin khác', '### Cookie notice', '#### Search q', '## Tin lien quan'].join('\n\n'),
    );
    expect(headings).toEqual([
      ['Main', 'main-1'],
      ['Kết quả', 'kết-quả'],
      ['Ket qua', 'ket-qua'],
      ['Tin khac', 'tin-khac-1'],
      // rehype-slug keeps the diacritics: no clash with the chrome's `tin-khac`.
      ['Tin khác', 'tin-khác'],
      ['Cookie notice', 'cookie-notice-1'],
      ['Search q', 'search-q-1'],
      ['Tin lien quan', 'tin-lien-quan-1'],
    ]);
  });

  it('never make a duplicate when renaming: numbers the body already uses are skipped', async () => {
    const { ids, headings } = await render('## Main\n\n## Main 1\n\n## Main\n\n## Main 3\n\n## Share status\n\n## Share status 1');
    expect(headings).toEqual([
      ['Main', 'main-4'],
      ['Main 1', 'main-1'],
      ['Main', 'main-2'],
      ['Main 3', 'main-3'],
      ['Share status', 'share-status-2'],
      ['Share status 1', 'share-status-1'],
    ]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('apply to headings written as raw HTML, and leave prefixed author ids alone', async () => {
    const { headings } = await render('<h2>Main</h2>\n\n<h3 id="main">Mục chính</h3>\n\n<h2>Tin khac</h2>');
    expect(headings).toEqual([
      ['Main', 'main-1'],
      ['Mục chính', 'user-content-main'],
      ['Tin khac', 'tin-khac-1'],
    ]);
  });

  it('give Astro the renamed ids for its list of headings', async () => {
    const { collected } = await render('## Main\n\n## Kết quả');
    expect(collected).toEqual(['main-1', 'kết-quả']);
  });

  it('leave no reserved id anywhere in a body, footnotes included', async () => {
    const reserved = RESERVED_IDS.map((id) => `## ${id.replaceAll('-', ' ')}`).join('\n\n');
    const { ids } = await render(`${reserved}\n\nCâu có chú thích[^1].\n\n[^1]: Chú thích.`);
    expect(ids.length).toBeGreaterThan(RESERVED_IDS.length);
    expect(ids.filter((id) => RESERVED_IDS.includes(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('rehypeReservedIds on its own', () => {
  it('renames any element with a reserved id, in document order', () => {
    const tree = fromHtml('<h2 id="a">A</h2><p id="a-1">x</p><div id="b">y</div><h3 id="a">A</h3>', { fragment: true });
    rehypeReservedIds({ reserved: ['a', 'a-2'] })(tree);
    const ids = tree.children.map((node) => (node.type === 'element' ? node.properties.id : undefined));
    // a-1 is taken and a-2 is reserved: the first rename is a-3, the next a-4.
    expect(ids).toEqual(['a-3', 'a-1', 'b', 'a-4']);
  });

  it('changes nothing when no id is reserved', () => {
    const tree = fromHtml('<h2 id="main">Main</h2>', { fragment: true });
    rehypeReservedIds({ reserved: [] })(tree);
    expect(tree.children[0]).toMatchObject({ properties: { id: 'main' } });
  });
});
