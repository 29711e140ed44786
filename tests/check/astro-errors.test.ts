/** How an error thrown by Astro is shown: it must name the source file. */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeAstroError } from '../../scripts/lib/pipeline.ts';
import { projectRoot } from '../../scripts/lib/paths.ts';

describe('describeAstroError', () => {
  it('a page that failed to render is traced back to its article', () => {
    const error = Object.assign(new ReferenceError('foo is not defined'), {
      id: 'src/pages/[...path].astro',
      hint: 'This issue often occurs when your MDX component encounters runtime errors.',
    });
    const urls = new Map([['/chinh-tri/bai-hai/', 'content/articles/2024/09/bai-hai.mdx']]);
    expect(describeAstroError(error, { renderedPath: '/chinh-tri/bai-hai', urls })).toBe(
      'content/articles/2024/09/bai-hai.mdx: the page /chinh-tri/bai-hai/ could not be made: foo is not defined\n' +
        '  This issue often occurs when your MDX component encounters runtime errors.',
    );
  });

  it('a page that is not an article names the template', () => {
    const error = Object.assign(new TypeError('x is undefined'), { id: 'src/pages/[...path].astro' });
    expect(describeAstroError(error, { renderedPath: '/chinh-tri/2/', urls: new Map() })).toBe(
      'src/pages/[...path].astro: the page /chinh-tri/2/ could not be made: x is undefined',
    );
  });

  it('an error with a location names the file and line, relative to the project', () => {
    const error = Object.assign(new Error('\u001b[31mUnexpected token\u001b[39m'), {
      loc: { file: path.join(projectRoot, 'content/articles/2024/09/bai.mdx'), line: 12, column: 3 },
    });
    expect(describeAstroError(error)).toBe('content/articles/2024/09/bai.mdx:12: Unexpected token');
  });

  it("the loader's ContentError already names the file and is shown as it is", () => {
    const error = Object.assign(new Error('content/articles/a.md:3: category: "x" is not a category'), { name: 'ContentError' });
    expect(describeAstroError(error)).toBe('content/articles/a.md:3: category: "x" is not a category');
  });
});
