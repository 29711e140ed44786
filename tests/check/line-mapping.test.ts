/**
 * Line numbers: front-matter keys, YAML errors, body lines and MDX errors
 * must point at the line of the file, whatever the encoding details.
 */
import { describe, expect, it } from 'vitest';
import { compile } from '@mdx-js/mdx';
import { parseArticleSource } from '../../src/lib/front-matter.ts';
import { findBodyImages, mapMdxPositions, mdxErrorLine } from '../../scripts/lib/check.ts';

const FILE = ['---', 'title: Bài', 'category: chinh-tri', 'cover:', '  src: ./a.jpg', '  alt: Ảnh', 'tags:', '  - một', '  - hai', '---', '', 'Thân bài.'];

describe('front-matter key lines', () => {
  const expected = { title: 2, category: 3, cover: 4, 'cover.src': 5, 'cover.alt': 6, tags: 7, 'tags.0': 8, 'tags.1': 9 };

  it.each([
    ['LF', FILE.join('\n')],
    ['CRLF', FILE.join('\r\n')],
    ['CR', FILE.join('\r')],
    ['BOM + CRLF', `\uFEFF${FILE.join('\r\n')}`],
    ['tab indentation', FILE.join('\n').replace(/\n {2}/g, '\n\t')],
  ])('%s', (_name, text) => {
    const source = parseArticleSource(text);
    expect(source.problems).toEqual([]);
    expect(Object.fromEntries(source.keyLines)).toEqual(expected);
    expect(source.bodyLine).toBe(11);
    expect(source.body.split('\n')[1]).toBe('Thân bài.');
  });

  it('NFD text keeps its lines', () => {
    const source = parseArticleSource(FILE.join('\n').normalize('NFD'));
    expect(source.keyLines.get('cover.alt')).toBe(6);
  });

  it('the body starts right after the closing ---, blank lines included', () => {
    expect(parseArticleSource('---\ntitle: A\n---\nX').body).toBe('X');
    expect(parseArticleSource('---\ntitle: A\n---\n\n\nX').body).toBe('\n\nX');
    expect(parseArticleSource('---\ntitle: A\n---\n\n\nX').bodyLine).toBe(4);
  });
});

describe('YAML error lines', () => {
  it.each([
    ['a colon inside a plain value', '---\ntitle: A\ncategory: Bài: một\n---\n', 3, 'category', 'YAML syntax error'],
    ['an unclosed quote', '---\ntitle: "Bài\ncategory: a\nauthor: b\n---\n', 2, 'title', 'Missing closing "quote'],
    ['an unclosed bracket', '---\ntitle: A\ntags: [a, b\nauthor: b\n---\n', 3, 'tags', 'YAML syntax error'],
    ['a stray indented line', '---\ntitle: A\ndate: 2024-01-01\n  author: B\n---\n', 4, 'author', 'starts with spaces'],
    ['a duplicate key', '---\ntitle: A\nauthor: B\ntitle: C\n---\n', 4, 'title', 'appears twice'],
    ['an anchor', '---\ntitle: A\ntags: &t [a]\nauthor: *t\n---\n', 3, '', 'anchor or alias'],
  ])('%s', (_name, text, line, field, message) => {
    const [problem, ...rest] = parseArticleSource(text).problems;
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ line, field });
    expect(problem!.message).toContain(message);
  });
});

describe('MDX error lines', () => {
  async function errorOf(body: string) {
    try {
      await compile(body);
    } catch (error) {
      return error as { line?: number; ruleId?: string; reason: string };
    }
    throw new Error('compiled');
  }

  it('maps the body line to the file line', async () => {
    const body = '\nĐoạn một.\n\n<b>x</i>\n';
    const error = await errorOf(body);
    expect(error.line).toBe(4);
    expect(mdxErrorLine(error, body, 20)).toBe(23);
    expect(mapMdxPositions(error.reason, 20)).toContain('(23:1-23:4)');
  });

  it('an unclosed brace points at the line that opened it, not the end of the file', async () => {
    const body = 'a\n\nb {x +\n\nc\n\nd\n';
    const error = await errorOf(body);
    expect(mdxErrorLine(error, body, 10)).toBe(12);
  });
});

describe('body images', () => {
  it('finds inline, titled, reference and HTML images with their lines, not those in code', () => {
    const body = [
      '![Ảnh một](./images/a.jpg)',
      'Text ![](<./images/b c.jpg> "Chú thích") text',
      '```',
      '![code](./not-an-image.jpg)',
      '```',
      '`![inline code](./no.jpg)`',
      '<!-- ![comment](./no.jpg) -->',
      '![Ảnh ba][ba]',
      '<img src="./images/d.jpg">',
      '',
      '[ba]: ./images/c.jpg',
    ].join('\n');
    expect(findBodyImages(body)).toEqual([
      { src: './images/a.jpg', alt: 'Ảnh một', line: 0 },
      { src: './images/b c.jpg', alt: '', line: 1 },
      { src: './images/d.jpg', alt: '', line: 8 },
      { src: './images/c.jpg', alt: 'Ảnh ba', line: 7 },
    ]);
  });
});
