import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { describe, expect, it } from 'vitest';
import { rehypeFigure } from '../../src/markdown/rehype-figure.ts';

function run(html: string): Root {
  const tree = fromHtml(html, { fragment: true });
  rehypeFigure({ widths: [400, 800], sizes: '100vw' })(tree);
  return tree;
}

const images = (tree: Root): Element[] => {
  const out: Element[] = [];
  const walk = (node: Root | Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'img') out.push(child);
      walk(child);
    }
  };
  walk(tree);
  return out;
};

describe('rehypeFigure', () => {
  it('wraps a lone image in a figure with its title as caption', () => {
    const tree = run('<p><img src="./a.jpg" alt="Cầu" title="Cầu mới. Ảnh: H.P."></p>');
    const figure = tree.children[0] as Element;
    expect(figure.tagName).toBe('figure');
    const caption = figure.children[1] as Element;
    expect(caption.tagName).toBe('figcaption');
    expect(caption.children[0]).toMatchObject({ type: 'text', value: 'Cầu mới. Ảnh: H.P.' });
    expect((figure.children[0] as Element).properties.title).toBeUndefined();
  });

  it('loads the first image eagerly and the others lazily, counting each image once', () => {
    const tree = run('<p><img src="./a.jpg" alt="a" title="A"></p><p>Văn bản</p><p><img src="./b.jpg" alt="b"></p><p>x <img src="./c.jpg" alt="c"> y</p>');
    expect(images(tree).map((img) => img.properties.loading)).toEqual(['eager', 'lazy', 'lazy']);
  });

  it('leaves an image inside running text where it is', () => {
    const tree = run('<p>x <img src="./c.jpg" alt="c"> y</p>');
    expect((tree.children[0] as Element).tagName).toBe('p');
  });
});
