/**
 * Rules of the content check that depend on the site configuration or on
 * several files, through `checkContent` itself; and the ways of choosing
 * files (`--staged`, a file list, the pre-commit hook).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent, formatProblem, type CheckOptions } from '../../scripts/lib/check.ts';
import { projectRoot } from '../../scripts/lib/paths.ts';
import { siteConfig } from '../../src/config/index.ts';
import { writeFixture } from '../helpers/fixture.ts';
import { discoveryCorpus, NOW as DISCOVERY_NOW } from '../discovery/corpus.ts';
import { frontMatter, runCheck, writeRaw } from './run.ts';

const NOW = new Date('2025-01-01T00:00:00Z');
const fm = (title: string, extra = '', category = 'chinh-tri') => `---\n${frontMatter(title, extra, category)}---\n\nNội dung.\n`;

async function check(root: string, options: Partial<CheckOptions> = {}): Promise<string[]> {
  const report = await checkContent({ contentDir: path.join(root, 'content'), config: siteConfig, now: NOW, cwd: projectRoot, ...options });
  return report.problems.map(formatProblem);
}

describe('rules that depend on the configuration', () => {
  it('.mdx files are refused when the site switches MDX off', async () => {
    const root = writeFixture({ articles: [] });
    writeRaw(root, 'articles/2024/09/bai.mdx', fm('Bài MDX'));
    const lines = await check(root, { config: { ...siteConfig, allowMdx: false } });
    expect(lines).toContain('content/articles/2024/09/bai.mdx:1: MDX files are switched off for this site (rename the file to .md)');
  });

  it('a lead longer than leadWarnLength is a warning', async () => {
    const root = writeFixture({ articles: [] });
    writeRaw(root, 'articles/2024/09/bai.md', fm('Bài', `lead: ${'a'.repeat(81)}\n`));
    const lines = await check(root, { config: { ...siteConfig, leadWarnLength: 80 } });
    expect(lines).toEqual([
      'content/articles/2024/09/bai.md:6: lead: warning: the lead is 81 characters, much longer than usual (keep it under 80: one or two sentences)',
    ]);
  });

  it('a slug that is a number collides with a page of its category list', async () => {
    const root = writeFixture({ articles: [] });
    for (let i = 0; i < 3; i += 1) writeRaw(root, `articles/2024/09/bai-${i}.md`, fm(`Bài ${i}`));
    writeRaw(root, 'articles/2024/09/2.md', fm('Bài số hai'));
    const lines = await check(root, { config: { ...siteConfig, pageSize: 2 } });
    expect(lines).toEqual([
      'content/articles/2024/09/2.md:1: slug: the address /chinh-tri/2/ is also page 2 of the category list (give the article a "slug:" that is not just a number)',
    ]);
  });

  it('the future date is shown in the site time zone', async () => {
    const root = writeFixture({ articles: [] });
    writeRaw(root, 'articles/2024/09/bai.md', '---\ntitle: A\ncategory: chinh-tri\ndate: 2031-09-18T01:00:00Z\nauthor: B\n---\nx\n');
    expect(await check(root)).toEqual([
      'content/articles/2024/09/bai.md:4: date: warning: the date is in the future: the article stays unpublished until 18/09/2031 08:00 (Asia/Ho_Chi_Minh time; nothing to do if this is an embargo)',
    ]);
  });
});

describe('rules across files', () => {
  it('drafts never collide; future articles do', async () => {
    const root = writeFixture({ articles: [] });
    writeRaw(root, 'articles/2024/09/trung.md', fm('Một'));
    writeRaw(root, 'articles/2024/10/trung.md', fm('Nháp', 'draft: true\n'));
    writeRaw(root, 'articles/2024/11/trung.md', '---\ntitle: Sau\ncategory: chinh-tri\ndate: 2030-01-01\nauthor: B\n---\nx\n');
    const errors = (await check(root)).filter((line) => !line.includes(': warning: '));
    expect(errors).toEqual([
      'content/articles/2024/09/trung.md:1: slug: has the same address /chinh-tri/trung/ as content/articles/2024/11/trung.md (change the "slug" or the file name of one of them)',
      'content/articles/2024/11/trung.md:1: slug: has the same address /chinh-tri/trung/ as content/articles/2024/09/trung.md (change the "slug" or the file name of one of them)',
    ]);
  });

  it('one alias on two articles, and an alias that is the article itself', async () => {
    const root = writeFixture({ articles: [] });
    writeRaw(root, 'articles/2024/09/mot.md', fm('Một', 'aliases: [/tin-cu/a/, /chinh-tri/mot/]\n'));
    writeRaw(root, 'articles/2024/09/hai.md', fm('Hai', 'aliases: [/tin-cu/a]\n'));
    expect(await check(root)).toEqual([
      'content/articles/2024/09/hai.md:6: aliases.0: alias /tin-cu/a/ is also an alias of content/articles/2024/09/mot.md (an old address can lead to only one article: remove one of them)',
      'content/articles/2024/09/mot.md:6: aliases.0: alias /tin-cu/a/ is also an alias of content/articles/2024/09/hai.md (an old address can lead to only one article: remove one of them)',
      "content/articles/2024/09/mot.md:6: aliases.1: alias /chinh-tri/mot/ is this article's own address (remove the alias)",
    ]);
  });

  it('symlinks that stay inside content/ are fine; an image named in the other Unicode form is explained', async () => {
    const root = writeFixture({ articles: [] });
    mkdirSync(path.join(root, 'content/shared'), { recursive: true });
    writeFileSync(path.join(root, 'content/shared/ảnh.jpg'.normalize('NFD')), 'jpg');
    symlinkSync(path.join(root, 'content/shared'), path.join(root, 'content/articles/images'));
    writeRaw(root, 'articles/bai.md', `---\n${frontMatter('Bài')}---\n![Ảnh](./images/${'ảnh.jpg'.normalize('NFD')})\n![Ảnh](./images/${'ảnh.jpg'.normalize('NFC')})\n`);
    expect(await check(root)).toEqual([
      `content/articles/bai.md:8: image "./images/ảnh.jpg" does not exist as written: the file's name encodes its accents differently (rename the photo, e.g. without accents, and update the link)`,
    ]);
  });

  it('a control character in a field the schema does not inspect (cover.alt)', async () => {
    const root = writeFixture({ articles: [] });
    mkdirSync(path.join(root, 'content/articles/images'), { recursive: true });
    writeFileSync(path.join(root, 'content/articles/images/a.jpg'), 'jpg');
    writeRaw(root, 'articles/bai.md', fm('Bài', 'cover:\n  src: ./images/a.jpg\n  alt: "Ả\\u0000nh"\n'));
    expect(await check(root)).toEqual([
      'content/articles/bai.md:8: cover.alt: contains invisible control characters (retype the text or paste it as plain text)',
    ]);
  });

  it('a very large article is checked without trouble', async () => {
    const root = writeFixture({ articles: [] });
    writeRaw(root, 'articles/lon.md', `---\n${frontMatter('Bài rất dài')}---\n${'Một đoạn văn khá dài về thành phố cảng. '.repeat(200_000)}\n![](./khong-co.jpg)\n`);
    expect(await check(root)).toEqual([
      'content/articles/lon.md:8: image "./khong-co.jpg" does not exist (check the file name and folder)',
      'content/articles/lon.md:8: warning: image "./khong-co.jpg" has no alt text (write a short description between the brackets: ![description](...))',
    ]);
  });
});

describe('tags and authors filed on a page that shows them spelt otherwise', () => {
  it('warns on each name spelt otherwise, at its line and field, in three wordings', async () => {
    const root = writeFixture({ articles: [] });
    writeRaw(root, 'articles/2024/09/a.md', fm('A', 'tags: [Bão, Hải Phòng, TP.HCM]\n'));
    writeRaw(root, 'articles/2024/09/b.md', fm('B', 'tags: [Bão, Hải Phòng, TP.HCM]\n'));
    writeRaw(root, 'articles/2024/09/c.md', fm('C', 'tags:\n  - Báo\n  - Hai Phong\n  - TP HCM\n'));
    writeRaw(root, 'articles/2024/09/d.md', '---\ntitle: D\ncategory: kinh-te\ndate: 2024-09-18\nauthor: Lê Oánh\n---\nx\n');
    expect(await check(root)).toEqual([
      'content/articles/2024/09/c.md:7: tags.0: warning: "Báo" here and "Bão" on the page /chu-de/bao/ (used by 2 articles) differ only in their accents, so both are filed on that one page (if they are the same tag, write it the same way; if not, choose a name that differs in its letters, e.g. with one more word)',
      'content/articles/2024/09/c.md:8: tags.1: warning: "Hai Phong" has no accents, unlike "Hải Phòng" on the page /chu-de/hai-phong/ (write it with its accents, "Hải Phòng", as in 2 articles)',
      'content/articles/2024/09/c.md:9: tags.2: warning: "TP HCM" here and "TP.HCM" on the page /chu-de/tp-hcm/ (used by 2 articles) give the same address, so both are filed on that one page (if they are the same tag, write it the same way; if not, choose a name that differs in its letters)',
      'content/articles/2024/09/d.md:5: author: warning: "Lê Oánh" here and "Lê Oanh" on the page /tac-gia/le-oanh/ (used by 3 articles) differ only in their accents, so both are filed on that one page (if they are the same person, write the name the same way; if not, make the names differ in their letters, e.g. with a middle name)',
    ]);
  });

  it('uses the tag and author paths of the site configuration', async () => {
    const root = writeFixture({ articles: [] });
    writeRaw(root, 'articles/a.md', fm('A', 'tags: [Bão]\n'));
    writeRaw(root, 'articles/b.md', fm('B', 'tags: [Bão]\n'));
    writeRaw(root, 'articles/c.md', fm('C', 'tags: [Báo]\n'));
    const config = { ...siteConfig, paths: { ...siteConfig.paths, tag: 'tags' } };
    expect(await check(root, { config })).toEqual([expect.stringContaining('content/articles/c.md:6: tags.0: warning: "Báo" here and "Bão" on the page /tags/bao/ ')]);
  });

  it('leaves drafts out, and warns embargoed articles, as for addresses', async () => {
    const root = writeFixture({ articles: [] });
    writeRaw(root, 'articles/2024/09/a.md', fm('A', 'tags: [Bão]\n'));
    writeRaw(root, 'articles/2024/09/b.md', fm('B', 'tags: [Bão]\n'));
    writeRaw(root, 'articles/2024/09/nhap.md', fm('Nháp', 'tags: [Báo]\ndraft: true\n'));
    writeRaw(root, 'articles/2030/01/sau.md', '---\ntitle: Sau\ncategory: chinh-tri\ndate: 2030-01-01\nauthor: Lê Oanh\ntags: [Bao]\n---\nx\n');
    const lines = (await check(root)).filter((line) => line.includes(' on the page '));
    expect(lines).toEqual([expect.stringMatching(/^content\/articles\/2030\/01\/sau\.md:6: tags\.0: warning: "Bao" has no accents, unlike "Bão" .* as in 2 articles\)$/)]);
  });

  it('says nothing of spellings that differ only in case, Unicode form or whitespace (the discovery corpus)', async () => {
    const root = writeFixture(discoveryCorpus());
    const report = await checkContent({ contentDir: path.join(root, 'content'), config: siteConfig, now: new Date(DISCOVERY_NOW), cwd: projectRoot });
    // The corpus writes "lê oanh", "PHÓNG VIÊN" and a decomposed "chuyển đổi số" next to "Lê Oanh", "Phóng Viên" and "Chuyển đổi số".
    expect(report.problems.map(formatProblem)).toEqual([
      expect.stringContaining('phuong-an-nhan-su-ban-nhap.md:6: draft: warning: the article is a draft'),
      expect.stringContaining('bao-cao-quy-iv.md:4: date: warning: the date is in the future'),
    ]);
  });

  it('a named file is warned of spellings in files not named; those files are not reported', async () => {
    const root = writeFixture({ articles: [] });
    writeRaw(root, 'articles/2024/09/a.md', fm('A', 'tags: [Bão]\n'));
    writeRaw(root, 'articles/2024/09/b.md', fm('B', 'tags: [Bão]\n'));
    writeRaw(root, 'articles/2024/09/c.md', fm('C', 'tags: [Báo]\n'));
    writeRaw(root, 'articles/2024/09/d.md', fm('D', 'tags: [bao]\n'));
    const only = (name: string) => ({ only: [path.join(root, 'content/articles/2024/09', name)] });
    expect(await check(root, only('c.md'))).toEqual([expect.stringMatching(/^content\/articles\/2024\/09\/c\.md:6: tags\.0: warning: "Báo" here and "Bão" /)]);
    expect(await check(root, only('a.md'))).toEqual([]);
  });
});

describe('a large folder', () => {
  it('is checked on worker threads, with every problem and collision across threads', async () => {
    const root = writeFixture({ articles: [] });
    for (let i = 0; i < 1600; i += 1) writeRaw(root, `articles/2024/${String(1 + (i % 12)).padStart(2, '0')}/bai-${i}.md`, fm(`Bài ${i}`));
    writeRaw(root, 'articles/2024/01/aaa-trung.md', fm('Đầu'));
    writeRaw(root, 'articles/2024/12/zzz.md', fm('Cuối', 'slug: aaa-trung\n'));
    writeRaw(root, 'articles/2024/06/loi.md', fm('Lỗi', '', 'chinh-tr'));
    // Spellings of one tag in files far apart, checked on different threads.
    writeRaw(root, 'articles/2024/02/bao-1.md', fm('Bão một', 'tags: [Bão]\n'));
    writeRaw(root, 'articles/2024/11/bao-2.md', fm('Bão hai', 'tags: [Bão]\n'));
    writeRaw(root, 'articles/2024/07/bao-3.md', fm('Báo ba', 'tags: [Báo]\n'));
    const started = performance.now();
    const lines = await check(root);
    console.log(`checked 1606 articles in ${Math.round(performance.now() - started)} ms`);
    expect(lines).toEqual([
      'content/articles/2024/01/aaa-trung.md:1: slug: has the same address /chinh-tri/aaa-trung/ as content/articles/2024/12/zzz.md (change the "slug" or the file name of one of them)',
      'content/articles/2024/06/loi.md:3: category: "chinh-tr" is not a category (did you mean "chinh-tri"?)',
      expect.stringMatching(/^content\/articles\/2024\/07\/bao-3\.md:6: tags\.0: warning: "Báo" here and "Bão" on the page \/chu-de\/bao\/ \(used by 2 articles\)/),
      'content/articles/2024/12/zzz.md:6: slug: has the same address /chinh-tri/aaa-trung/ as content/articles/2024/01/aaa-trung.md (change the "slug" or the file name of one of them)',
    ]);
  });
});

describe('choosing files', () => {
  /** A git repository whose content folder has one broken and one good staged article. */
  function repository(): string {
    const root = writeFixture({ articles: [] });
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, stdio: 'pipe' });
    git('init', '-q');
    git('config', 'user.email', 'pv@example.org');
    git('config', 'user.name', 'Phóng viên');
    writeRaw(root, 'articles/2024/09/da-co.md', fm('Đã có', '', 'chinh-tr'));
    git('add', '.');
    git('commit', '-q', '--no-verify', '-m', 'Bài cũ có lỗi');
    writeRaw(root, 'articles/2024/09/moi.md', fm('Mới', '', 'kinh-tee'));
    writeRaw(root, 'articles/2024/09/tot.md', fm('Tốt'));
    writeRaw(root, 'articles/2024/09/chua-them.md', fm('Chưa thêm', '', 'xa-hoii'));
    git('add', 'content/articles/2024/09/moi.md', 'content/articles/2024/09/tot.md');
    return root;
  }

  it('--staged reports the staged files only', async () => {
    const root = repository();
    const result = await runCheck(root, ['--staged'], {}, root);
    expect(result.code).toBe(1);
    const problems = result.lines.filter((line) => line.startsWith('content/'));
    expect(problems).toEqual(['content/articles/2024/09/moi.md:3: category: "kinh-tee" is not a category (did you mean "kinh-te"?)']);
    expect(result.stdout).toContain('(2 articles checked)');
  });

  it('--staged still finds a staged article that takes the address of one not staged', async () => {
    const root = repository();
    writeRaw(root, 'articles/2024/10/tot.md', fm('Tốt nữa'));
    execFileSync('git', ['add', 'content/articles/2024/10/tot.md'], { cwd: root });
    execFileSync('git', ['reset', '-q', 'content/articles/2024/09/tot.md'], { cwd: root });
    const result = await runCheck(root, ['--staged'], {}, root);
    expect(result.lines).toContain(
      'content/articles/2024/10/tot.md:1: slug: has the same address /chinh-tri/tot/ as content/articles/2024/09/tot.md (change the "slug" or the file name of one of them)',
    );
  });

  it('a file list reports those files, relative to where the command was typed', async () => {
    const root = repository();
    const result = await runCheck(root, ['09/chua-them.md', '09/tot.md'], {}, path.join(root, 'content/articles/2024'));
    expect(result.code).toBe(1);
    expect(result.lines.filter((line) => line.startsWith('content/'))).toEqual([
      'content/articles/2024/09/chua-them.md:3: category: "xa-hoii" is not a category (did you mean "xa-hoi"?)',
    ]);
  });

  it('the pre-commit hook stops a commit with errors and lets a good one through', async () => {
    const root = repository();
    // The hook runs this repository's check: give the fixture repository its scripts and tools.
    for (const name of ['node_modules', 'scripts', 'src', 'package.json', 'tsconfig.json']) {
      symlinkSync(path.join(projectRoot, name), path.join(root, name));
    }
    const git = (...args: string[]) => {
      const result = spawnSync('git', args, { cwd: root, encoding: 'utf8', env: { ...process.env, NEWSROOM_NOW: '2025-01-01T00:00:00Z' } });
      return { code: result.status, output: `${result.stdout}${result.stderr}` };
    };
    git('config', 'core.hooksPath', 'scripts/git-hooks');
    const refused = git('commit', '-m', 'Bài mới');
    expect(refused.code).toBe(1);
    expect(refused.output).toContain('content/articles/2024/09/moi.md:3: category: "kinh-tee" is not a category (did you mean "kinh-te"?)');
    expect(refused.output).toContain('Commit stopped');
    writeRaw(root, 'articles/2024/09/moi.md', fm('Mới', '', 'kinh-te'));
    git('add', 'content/articles/2024/09/moi.md');
    const accepted = git('commit', '-m', 'Bài mới');
    expect(accepted.output).toContain('no problems found');
    expect(accepted.code).toBe(0);
  });
});
