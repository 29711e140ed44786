/**
 * The fast path of the front matter's YAML (`parseSimpleYaml`) must give
 * exactly what the full `yaml` parser gives (data and key lines), and leave
 * everything else to it.
 */
import { describe, expect, it } from 'vitest';
import { parseArticleSource, parseSimpleYaml, parseYaml } from '../../src/lib/front-matter.ts';

/** Data, key lines and problems through the full parser only. */
function full(source: string) {
  const keyLines = new Map<string, number>();
  const problems: unknown[] = [];
  const data = parseYaml(source, ['---', ...source.split('\n').slice(1)], keyLines, problems as never[], false);
  return { data, keyLines, problems };
}

const SIMPLE = [
  'title: "Khởi công cầu vượt"\ncategory: do-thi\ndate: 2024-09-18 15:30\nauthor: Lê Oanh',
  'tags: ["giao thông", "đầu tư"]\nauthor: [Lê Oanh, Trần Minh]\ntags2: []\ntags3: [ ]',
  'cover:\n  src: ./images/cau-vuot.jpg\n  alt: "Công nhân"\n  caption:\nsource:\n    name: Báo Hải Phòng\n    url: https://example.org/a?b=c&d=e',
  'draft: true\nlead:\nslug: ""\nx: false',
  'title: Ông nói "được", rồi đi\nlead: a:b, c{d}[e] \\ f',
  'title:   spaced   \n\n\ncategory: x  ',
  'items: ["x, y" , z, "" ]\nk: [true, false]',
  'a: 1a\nb: 2024-09-18T15:30:00+07:00\nconstructor: c',
];

const NOT_SIMPLE = [
  'title: a # comment',
  '# comment\ntitle: a',
  'title: a\ntitle: b',
  'cover:\n  src: a\n  src: b',
  'title: multi\n  line',
  'cover:\n  src:\n    deep: 1',
  'tags:\n  - a\n  - b',
  'tags:\n- a',
  'n: 5',
  'n: 1.5',
  'n: .inf',
  'n: ~',
  'n: null',
  'n: True',
  'null: x',
  'title: a: b',
  'title: a:',
  "title: 'single'",
  'title: "esc\\"aped"',
  'title: "a" b',
  'tags: [a, ]',
  'tags: [a, [b]]',
  'tags: [null]',
  'tags: [a: b]',
  'tags: [a',
  'title: &x a',
  'title: *x',
  'title: !tag a',
  'title: |\n  block',
  'title: >\n  folded',
  '  title: indented',
  'title: x\ty',
  'title: a\u00a0b',
  'cover:\n   src: a\n  alt: b',
  'tiêu-đề: a',
  '? complex\n: value',
  'title : a',
];

describe('the fast path of the front matter YAML', () => {
  it.each(SIMPLE)('reads %j as the yaml package does', (yaml) => {
    const source = `\n${yaml}`;
    const simple = parseSimpleYaml(source);
    expect(simple).toBeDefined();
    const expected = full(source);
    expect(expected.problems).toEqual([]);
    expect(simple!.data).toStrictEqual(expected.data);
    expect([...simple!.keyLines]).toEqual([...expected.keyLines]);
  });

  it.each(NOT_SIMPLE)('leaves %j to the yaml package', (yaml) => {
    expect(parseSimpleYaml(`\n${yaml}`)).toBeUndefined();
  });

  it('gives the same results as the full parser on generated front matters', () => {
    let seed = 20240918;
    const random = () => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed / 0x7fffffff;
    };
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const keys = ['title', 'category', 'tags', 'cover', 'src', 'lead', 'draft', 'a-b', 'K1', 'null', 'True', 'e1'];
    // Values the fast path takes, and values it must leave to the full parser (or get right).
    const simpleValues = ['', 'abc', 'Đà Nẵng', 'a, b', 'a:b', '"q"', '"q" ', 'true', '2024-09-18 15:30', 'https://x.org/?a=b', '[]', '[a, b]', '["a" , "b"]', '["x, y", z]', 'a  b', 'a\\b', 'Ông "A"', '1a'];
    const otherValues = ['a: b', 'a:', '"a\\"b"', "'s'", '-a', '-5', '5', '.5', '1e3', '0x1F', '~', 'null', 'False', 'a #b', '[a, ]', '[1]', '{a: 1}', '&a', '*a', '|', '>'];
    const pickValue = () => (random() < 0.85 ? pick(simpleValues) : pick(otherValues));
    let simpleCount = 0;
    for (let round = 0; round < 3000; round += 1) {
      const lines: string[] = [];
      // Mostly distinct keys: a repeated key is an error, left to the full parser.
      const key = (used: Set<string>) => {
        let name = pick(keys);
        if (used.has(name) && random() < 0.9) name = keys.find((other) => !used.has(other)) ?? name;
        used.add(name);
        return name;
      };
      const used = new Set<string>();
      for (let count = 1 + Math.floor(random() * 6); count > 0; count -= 1) {
        const value = pickValue();
        lines.push(`${key(used)}:${pick([' ', ' ', '  ', ''])}${value}${pick(['', '', ' '])}`);
        if (value === '' && random() < 0.7) {
          const indent = pick(['  ', '  ', '    ', ' ']);
          const usedInside = new Set<string>();
          for (let inner = 1 + Math.floor(random() * 3); inner > 0; inner -= 1) {
            lines.push(`${random() < 0.05 ? '   ' : indent}${key(usedInside)}: ${pickValue()}`);
          }
        }
        if (random() < 0.05) lines.push(pick(['', '  ', '  more']));
      }
      const text = `---\n${lines.join('\n')}\n---\nBody.\n`;
      const source = `\n${lines.join('\n')}`;
      if (parseSimpleYaml(source)) simpleCount += 1;
      const parsed = parseArticleSource(text);
      const expected = full(source);
      const context = JSON.stringify(text);
      expect(parsed.problems.length > 0 ? {} : parsed.data, context).toStrictEqual(expected.problems.length > 0 ? {} : expected.data);
      if (parsed.problems.length === 0) expect([...parsed.keyLines], context).toEqual([...expected.keyLines]);
    }
    // The generated cases must exercise the fast path, not only the fallback.
    expect(simpleCount).toBeGreaterThan(300);
  });
});
