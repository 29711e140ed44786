/**
 * Turns a paragraph that holds only an image into a captioned figure, the way
 * news photos are shown. The image title becomes the caption.
 *
 *   <p><img src="./a.jpg" alt="Cầu" title="Cầu mới. Ảnh: H.P."></p>
 *   ->
 *   <figure class="article-figure"><img src="./a.jpg" alt="Cầu" loading="lazy" ...>
 *   <figcaption>Cầu mới. Ảnh: H.P.</figcaption></figure>
 *
 * Responsive sizes are attached here and honoured by Astro's image pipeline.
 */
import type { Element, ElementContent, Root } from 'hast';
import { SKIP, visit } from 'unist-util-visit';

export interface RehypeFigureOptions {
  /** Widths offered in srcset. */
  widths: number[];
  /** The sizes attribute: how wide the image is shown. */
  sizes: string;
}

const isBlank = (node: ElementContent) => node.type === 'text' && node.value.trim() === '';

export function rehypeFigure(options: RehypeFigureOptions) {
  return (tree: Root) => {
    let imageCount = 0;
    visit(tree, 'element', (node: Element, index, parent) => {
      if (node.tagName === 'img') {
        imageCount += 1;
        node.properties.loading = imageCount === 1 ? 'eager' : 'lazy';
        node.properties.decoding = 'async';
        // Astro's image pipeline reads these props (they are not HTML attributes).
        node.properties.widths = options.widths as unknown as string;
        node.properties.sizes = options.sizes;
        return;
      }
      if (node.tagName !== 'p' || !parent || index === undefined) return;
      const content = node.children.filter((child) => !isBlank(child));
      const image = content[0];
      if (content.length !== 1 || image?.type !== 'element' || image.tagName !== 'img') return;
      const caption = typeof image.properties.title === 'string' ? image.properties.title.trim() : '';
      delete image.properties.title;
      const figure: Element = {
        type: 'element',
        tagName: 'figure',
        properties: { className: ['article-figure'] },
        children: [image],
      };
      if (caption) {
        figure.children.push({ type: 'element', tagName: 'figcaption', properties: {}, children: [{ type: 'text', value: caption }] });
      }
      parent.children[index] = figure;
      // Skip the old paragraph and visit the figure (and its image, once) next.
      return [SKIP, index];
    });
  };
}
