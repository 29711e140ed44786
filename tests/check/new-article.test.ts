/** `npm run new`: the real script on a fixture content folder, clock fixed. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFixture } from '../helpers/fixture.ts';
import { runCheck, runScript } from './run.ts';

// 17:30 UTC on 31 December is 00:30 on 1 January in Asia/Ho_Chi_Minh.
const NOW = { NEWSROOM_NOW: '2024-12-31T17:30:00Z' };
const TITLE = 'Đại hội Đảng bộ thành phố lần thứ XVII';
const SHOWN = 'content/articles/2025/01/dai-hoi-dang-bo-thanh-pho-lan-thu-xvii.md';

const runNew = (root: string, args: string[]) => runScript('scripts/new-article.ts', root, args, NOW);

describe('npm run new', () => {
  it('creates the article at articles/<yyyy>/<mm>/<slug>.md in the site time zone, and prints the path', async () => {
    const root = writeFixture({ articles: [] });
    const result = await runNew(root, [TITLE, '--category', 'chinh-tri', '--author', 'Lê Oanh']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.lines[0]).toBe(`Created ${SHOWN}`);
    const text = readFileSync(path.join(root, SHOWN), 'utf8');
    expect(text).toMatch(/^---\ntitle: "Đại hội Đảng bộ thành phố lần thứ XVII"\ncategory: chinh-tri\ndate: 2025-01-01 00:30\nauthor: "Lê Oanh"\nlead: ""\ntags: \[\]\n/);
  });

  it('writes a file that passes npm run check, apart from the text still to write', async () => {
    const root = writeFixture({ articles: [] });
    await runNew(root, [TITLE, '--category', 'chinh-tri', '--author', 'Lê Oanh']);
    const check = await runCheck(root, [], NOW);
    expect(check.code).toBe(0);
    const problems = check.lines.filter((line) => line.startsWith('content/'));
    expect(problems).toEqual([`${SHOWN}:13: warning: the article has no text yet (write it below the second "---" line)`]);
  });

  it('without --author, the check asks for the author (and nothing else)', async () => {
    const root = writeFixture({ articles: [] });
    await runNew(root, [TITLE, '--category', 'chinh-tri']);
    const check = await runCheck(root, [], NOW);
    expect(check.code).toBe(1);
    const errors = check.lines.filter((line) => line.startsWith('content/') && !line.includes(': warning: '));
    expect(errors).toEqual([`${SHOWN}:5: author: is empty (write a value after the colon)`]);
  });

  it('refuses to overwrite an existing file', async () => {
    const root = writeFixture({ articles: [] });
    await runNew(root, [TITLE, '--category', 'chinh-tri', '--author', 'Lê Oanh']);
    const file = path.join(root, SHOWN);
    writeFileSync(file, 'đã viết');
    const again = await runNew(root, [TITLE, '--category', 'kinh-te', '--author', 'Trần Minh']);
    expect(again.code).toBe(1);
    expect(again.stderr).toContain(`${SHOWN} already exists`);
    expect(readFileSync(file, 'utf8')).toBe('đã viết');
  });

  it('refuses an address another article already has', async () => {
    const root = writeFixture({
      articles: [
        {
          path: '2024/03/bai-cu.md',
          frontMatter: 'title: Bài cũ\ncategory: chinh-tri\ndate: 2024-03-01\nauthor: Lê Oanh\nslug: dai-hoi-dang-bo-thanh-pho-lan-thu-xvii',
        },
      ],
    });
    const result = await runNew(root, [TITLE, '--category', 'chinh-tri']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('/chinh-tri/dai-hoi-dang-bo-thanh-pho-lan-thu-xvii/ already exists: content/articles/2024/03/bai-cu.md');
    expect(existsSync(path.join(root, SHOWN))).toBe(false);
  });

  it('rejects an unknown category, listing the valid ones', async () => {
    const root = writeFixture({ articles: [] });
    const result = await runNew(root, [TITLE, '--category', 'chinh-tr']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('"chinh-tr" is not a category (did you mean "chinh-tri"?); the categories are: chinh-tri, kinh-te, xa-hoi');
    expect(existsSync(path.join(root, 'content/articles/2025'))).toBe(false);
  });

  it('without a terminal, missing arguments give a usage error', async () => {
    const root = writeFixture({ articles: [] });
    const noCategory = await runNew(root, [TITLE]);
    expect(noCategory.code).toBe(2);
    expect(noCategory.stderr).toContain('the category is missing (add --category with one of: chinh-tri, kinh-te, xa-hoi)');
    expect(noCategory.stderr).toContain('Usage: npm run new --');
    const nothing = await runNew(root, []);
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toContain('the title is missing');
  });

  it('a title without letters or digits is refused', async () => {
    const root = writeFixture({ articles: [] });
    const result = await runNew(root, ['!!!', '--category', 'xa-hoi']);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no letters or digits');
  });
});
