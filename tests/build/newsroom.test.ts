/**
 * Build-output tests for the newsroom core: a fixture corpus built through the
 * real production build, its HTML parsed with a real parser.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { categorySectionId, PAGE_IDS, RESERVED_IDS } from '../../src/lib/page-ids.ts';
import { buildFixture, listFiles, page, SAMPLE_IMAGE, text, writeFixture, type FixtureArticle, type BuildOutcome } from '../helpers/fixture.ts';

const NOW = '2024-10-01T08:00:00+07:00';

function article(file: string, fields: Record<string, string>, body?: string): FixtureArticle {
  const frontMatter = Object.entries(fields)
    .map(([key, value]) => `${key}: ${value}`)
    .join('\n');
  return { path: file, frontMatter, body };
}

const economy: FixtureArticle[] = Array.from({ length: 45 }, (_, i) =>
  article(`2024/08/kinh-te-${String(i + 1).padStart(2, '0')}.md`, {
    title: `Tin kinh tế số ${i + 1}`,
    category: 'kinh-te',
    // One article a day from 2024-08-01, so number 45 is the newest.
    date: `2024-08-01 08:00`.replace('08-01', `0${8 + Math.floor(i / 31)}-${String((i % 31) + 1).padStart(2, '0')}`),
    author: 'Phạm Quang Huy',
  }),
);

const articles: FixtureArticle[] = [
  article(
    '2024/09/Đại-hội-Đảng-bộ.md'.normalize('NFD'),
    {
      title: '"Đại hội Đảng bộ quận Lê Chân lần thứ XXV"',
      category: 'chinh-tri',
      date: '2024-09-24 23:30',
      author: 'Lê Oanh',
      photographer: 'Hoàng Phước',
      source: 'Báo Hải Phòng',
      lead: '"Đại hội diễn ra trong hai ngày với sự tham dự của 300 đại biểu."',
      tags: '[Đại hội Đảng, Chuyển Đổi Số]',
      cover: '{src: ./images/anh.jpg, alt: "Toàn cảnh đại hội", caption: "Toàn cảnh phiên khai mạc"}',
    },
    // The last subheadings would take ids of the page chrome (`main`, `tin-khac`...) but for rehype-reserved-ids.
    'Đoạn mở đầu.\n\n## Nhiệm kỳ mới\n\n![Đại biểu biểu quyết](./images/anh.jpg "Đại biểu biểu quyết. Ảnh: Hoàng Phước")\n\nĐoạn cuối.' +
      '\n\n## Main\n\nĐoạn.\n\n## Tin khac\n\n## Tin lien quan\n\n### Share label\n\n## Main 1',
  ),
  article('2024/09/chuyen-doi-so.md', {
    title: 'Chuyển đổi số trong cải cách hành chính',
    category: 'chinh-tri',
    date: '2024-09-18',
    author: '[Trần Minh Đức, Nguyễn Thu Hà]',
    source: '{name: Cổng thông tin thành phố, url: "https://example.org/tin"}',
    lead: 'Thành phố đẩy mạnh chuyển đổi số.',
    tags: '[chuyển đổi số]',
  }),
  article(
    '2024/09/hop-bao.md',
    {
      title: 'Họp báo thường kỳ quý III',
      category: 'chinh-tri',
      date: '2024-09-10T09:00:00+07:00',
      author: 'Vũ Lan Anh',
      lead: 'Thông tin về kinh tế - xã hội.',
    },
    'Nội dung họp báo.\n\n## Main\n\n## Kết quả\n\nĐoạn.',
  ),
  article('2024/09/sau-nua-dem.md', {
    title: 'Tin đăng sau nửa đêm giờ UTC',
    category: 'chinh-tri',
    date: '2024-09-18T23:30:00+00:00',
    author: 'Vũ Lan Anh',
    slug: 'tin-ghi-de-slug',
  }),
  article(
    'sau/mot/thu-muc/khong-sapo.md',
    { title: 'Bài không có sapo', category: 'xa-hoi', date: '2024-09-05 07:15', author: 'Lê Oanh', tags: '[giáo dục]' },
    'Năm học mới bắt đầu với hơn ba trăm tám mươi nghìn học sinh đến trường trong không khí phấn khởi, các trường đã sẵn sàng cơ sở vật chất từ nhiều tuần trước, giáo viên được tập huấn phương pháp mới.',
  ),
  article('2024/09/mdx-bai.mdx', { title: 'Bài MDX', category: 'xa-hoi', date: '2024-09-06', author: 'Lê Oanh' }, 'Kỷ niệm {2024 - 1954} năm.'),
  article(
    '2024/09/mdx-muc-luc.mdx',
    { title: 'Bài MDX có mục lục', category: 'xa-hoi', date: '2024-09-07', author: 'Lê Oanh' },
    'Năm {2024} có các mục sau.\n\n## Main\n\n## Tin khac\n\n## Tin khác',
  ),
  article(
    '2024/09/ban-nhap.md',
    {
      title: 'Bản nháp không được đăng',
      category: 'chinh-tri',
      date: '2024-09-01',
      author: 'Lê Oanh',
      draft: 'true',
      tags: '[Đại hội Đảng]',
      cover: '{src: ./images/nhap.jpg, alt: "Ảnh nháp"}',
    },
    'DRAFTMARKER-7731',
  ),
  // Published exactly at the build clock: visible.
  article('2024/10/dung-gio.md', { title: 'Đăng đúng giờ', category: 'xa-hoi', date: '2024-10-01 08:00', author: 'Lê Oanh' }),
  // One minute after the build clock: embargoed.
  article(
    '2024/10/cam-dang.md',
    { title: 'Tin cấm đăng', category: 'xa-hoi', date: '2024-10-01 08:01', author: 'Lê Oanh', tags: '[chuyển đổi số]', cover: '{src: ./images/cam.jpg, alt: "Ảnh cấm"}' },
    'EMBARGOMARKER-5512',
  ),
  ...economy,
];

let build: BuildOutcome;

beforeAll(async () => {
  const root = writeFixture({
    articles,
    files: {
      'articles/2024/09/images/anh.jpg': SAMPLE_IMAGE,
      'articles/2024/09/images/nhap.jpg': path.join(path.dirname(SAMPLE_IMAGE), 'sample.jpg'),
      'articles/2024/10/images/cam.jpg': SAMPLE_IMAGE,
    },
  });
  build = await buildFixture(root, { NEWSROOM_NOW: NOW, TZ: 'America/Los_Angeles' }, ['--quiet']);
  if (build.code !== 0) throw new Error(`fixture build failed:\n${build.stdout}\n${build.stderr}`);
});

describe('article pages', () => {
  it('derive URLs from the category and the file name, the slug field, or an NFD file name', () => {
    const files = listFiles(build.outDir);
    expect(files).toContain('chinh-tri/dai-hoi-dang-bo/index.html');
    expect(files).toContain('chinh-tri/chuyen-doi-so/index.html');
    expect(files).toContain('chinh-tri/tin-ghi-de-slug/index.html');
    expect(files).toContain('xa-hoi/khong-sapo/index.html');
    expect(files).toContain('xa-hoi/mdx-bai/index.html');
    expect(files).not.toContain('chinh-tri/sau-nua-dem/index.html');
  });

  it('show category, title, date in the site zone, lead, figures, byline, source and tags', () => {
    const doc = page(build.outDir, '/chinh-tri/dai-hoi-dang-bo/');
    const category = doc.querySelector('.article__category');
    expect(text(category)).toBe('Chính trị');
    expect(category?.getAttribute('href')).toBe('/chinh-tri/');
    expect(doc.querySelectorAll('h1')).toHaveLength(1);
    expect(text(doc.querySelector('h1'))).toBe('Đại hội Đảng bộ quận Lê Chân lần thứ XXV');
    const time = doc.querySelector('.article__meta time');
    expect(text(time)).toBe('24/09/2024 23:30');
    expect(time?.getAttribute('datetime')).toBe('2024-09-24T23:30:00+07:00');
    expect(text(doc.querySelector('.article__lead'))).toBe('Đại hội diễn ra trong hai ngày với sự tham dự của 300 đại biểu.');
    expect(text(doc.querySelector('.byline'))).toBe('Tin: Lê Oanh; Ảnh: Hoàng Phước');
    expect(doc.querySelector('.byline a')?.getAttribute('href')).toBe('/tac-gia/le-oanh/');
    expect(text(doc.querySelector('.article__source'))).toBe('Nguồn tin: Báo Hải Phòng');
    expect(doc.querySelector('.article__source a')).toBeNull();
    const tags = [...doc.querySelectorAll('.article__tags a')].map((a) => [text(a), a.getAttribute('href')]);
    expect(tags).toEqual([
      ['Đại hội Đảng', '/chu-de/dai-hoi-dang/'],
      // Two articles spell it in lower case, one in title case: the most used spelling wins.
      ['chuyển đổi số', '/chu-de/chuyen-doi-so/'],
    ]);
  });

  it('turn images with a title into figures with captions, and process them', () => {
    const doc = page(build.outDir, '/chinh-tri/dai-hoi-dang-bo/');
    const figures = [...doc.querySelectorAll('figure')];
    const captions = figures.map((figure) => text(figure.querySelector('figcaption')));
    expect(captions).toEqual(['Toàn cảnh phiên khai mạc', 'Đại biểu biểu quyết. Ảnh: Hoàng Phước']);
    for (const figure of figures) {
      const img = figure.querySelector('img');
      expect(img?.getAttribute('src')).toMatch(/^\/_astro\//);
      expect(img?.getAttribute('width')).toBeTruthy();
      expect(img?.getAttribute('height')).toBeTruthy();
      expect(img?.getAttribute('alt')).toBeTruthy();
    }
    expect(doc.querySelector('.article__body h2')?.getAttribute('id')).toBe('nhiệm-kỳ-mới');
  });

  it('list several names, link a source with a url, and leave out the photo credit when there is none', () => {
    const doc = page(build.outDir, '/chinh-tri/chuyen-doi-so/');
    expect(text(doc.querySelector('.byline'))).toBe('Tin: Trần Minh Đức, Nguyễn Thu Hà');
    const source = doc.querySelector('.article__source a');
    expect(text(source)).toBe('Cổng thông tin thành phố');
    expect(source?.getAttribute('href')).toBe('https://example.org/tin');
    expect(text(doc.querySelector('.article__meta time'))).toBe('18/09/2024');
    expect(doc.querySelector('.article__meta time')?.getAttribute('datetime')).toBe('2024-09-18T00:00:00+07:00');
  });

  it('convert explicit offsets into the site zone', () => {
    const doc = page(build.outDir, '/chinh-tri/tin-ghi-de-slug/');
    expect(text(doc.querySelector('.article__meta time'))).toBe('19/09/2024 06:30');
  });

  it('render MDX articles', () => {
    const doc = page(build.outDir, '/xa-hoi/mdx-bai/');
    expect(text(doc.querySelector('.article__body'))).toBe('Kỷ niệm 70 năm.');
  });
});

describe('ids', () => {
  const ids = (doc: Document) => [...doc.querySelectorAll('[id]')].map((element) => element.id);
  const duplicates = (list: string[]) => list.filter((id, index) => list.indexOf(id) !== index);
  const bodyHeadings = (doc: Document) => [...doc.querySelectorAll('.article__body :is(h2, h3)')].map((h) => [text(h), h.id]);
  const htmlPages = () => listFiles(build.outDir).filter((file) => file.endsWith('.html') && !file.startsWith('pagefind/'));

  it('are unique on every page, whatever the subheadings of the article', () => {
    const pages = htmlPages();
    expect(pages.length).toBeGreaterThan(60);
    for (const file of pages) expect(duplicates(ids(page(build.outDir, `/${file}`))), file).toEqual([]);
  });

  it('of subheadings that would repeat an id of the page chrome are renamed, the others kept', () => {
    const doc = page(build.outDir, '/chinh-tri/dai-hoi-dang-bo/');
    expect(bodyHeadings(doc)).toEqual([
      ['Nhiệm kỳ mới', 'nhiệm-kỳ-mới'],
      ['Main', 'main-2'],
      ['Tin khac', 'tin-khac-1'],
      ['Tin lien quan', 'tin-lien-quan-1'],
      ['Share label', 'share-label-1'],
      ['Main 1', 'main-1'],
    ]);
    // The chrome keeps its ids: skip link, lists and share group point where they should.
    expect(doc.querySelector('.skip-link')?.getAttribute('href')).toBe(`#${PAGE_IDS.main}`);
    expect(doc.getElementById(PAGE_IDS.main)?.tagName).toBe('MAIN');
    for (const id of [PAGE_IDS.related, PAGE_IDS.otherNews]) {
      expect(doc.getElementById(id)?.closest('section')?.getAttribute('aria-labelledby'), id).toBe(id);
    }
    expect(doc.getElementById(PAGE_IDS.shareLabel)?.closest('.share')?.getAttribute('aria-labelledby')).toBe(PAGE_IDS.shareLabel);

    // A body without photos (rendered to a cache file) and an MDX body (compiled by Vite) alike.
    expect(bodyHeadings(page(build.outDir, '/chinh-tri/hop-bao/'))).toEqual([
      ['Main', 'main-1'],
      ['Kết quả', 'kết-quả'],
    ]);
    expect(bodyHeadings(page(build.outDir, '/xa-hoi/mdx-muc-luc/'))).toEqual([
      ['Main', 'main-1'],
      ['Tin khac', 'tin-khac-1'],
      ['Tin khác', 'tin-khác'],
    ]);
  });

  it('outside article bodies are all in PAGE_IDS (or name a home category block), so the reserved list is complete', () => {
    const allowed = new Set([...RESERVED_IDS, ...['chinh-tri', 'kinh-te', 'xa-hoi'].map(categorySectionId)]);
    const seen = new Set<string>();
    for (const file of htmlPages()) {
      const doc = page(build.outDir, `/${file}`);
      for (const element of doc.querySelectorAll('[id]')) {
        if (element.closest('.article__body')) continue;
        expect(allowed.has(element.id), `${file}: id="${element.id}"`).toBe(true);
        seen.add(element.id);
      }
    }
    // The pages built use every reserved id.
    expect([...RESERVED_IDS].filter((id) => !seen.has(id))).toEqual([]);
  });
});

describe('Tin liên quan and Tin khác', () => {
  it('rank related articles by shared tags and leave out what relates to nothing', () => {
    const doc = page(build.outDir, '/chinh-tri/dai-hoi-dang-bo/');
    const related = doc.querySelector('#tin-lien-quan')?.closest('section');
    expect(text(related?.querySelector('h2'))).toBe('Tin liên quan');
    const links = [...(related?.querySelectorAll('.article-list a') ?? [])].map((a) => a.getAttribute('href'));
    expect(links[0]).toBe('/chinh-tri/chuyen-doi-so/');
    const lonely = page(build.outDir, '/kinh-te/kinh-te-01/');
    expect(lonely.querySelector('#tin-lien-quan')).toBeNull();
  });

  it('show the newest of the category, without the article itself or its related ones, with dates and excerpts', () => {
    const doc = page(build.outDir, '/chinh-tri/dai-hoi-dang-bo/');
    const other = doc.querySelector('#tin-khac')?.closest('section');
    expect(text(other?.querySelector('h2'))).toBe('Tin khác');
    const items = [...(other?.querySelectorAll('.article-list__item') ?? [])];
    const hrefs = items.map((item) => item.querySelector('a')?.getAttribute('href'));
    expect(hrefs).toEqual(['/chinh-tri/tin-ghi-de-slug/', '/chinh-tri/hop-bao/']);
    expect(items.map((item) => text(item.querySelector('time')))).toEqual(['19/09/2024', '10/09/2024']);
    for (const item of items) expect(item.querySelector('time')?.getAttribute('datetime')).toMatch(/\+07:00$/);
    expect(text(items[1]?.querySelector('.article-list__excerpt'))).toBe('Thông tin về kinh tế - xã hội.');

    const economyPage = page(build.outDir, '/kinh-te/kinh-te-10/');
    const economyOther = [...economyPage.querySelectorAll('#tin-khac ~ .article-list a, section:has(#tin-khac) .article-list__title a')].map((a) => a.getAttribute('href'));
    expect(economyOther).toEqual(['/kinh-te/kinh-te-45/', '/kinh-te/kinh-te-44/', '/kinh-te/kinh-te-43/', '/kinh-te/kinh-te-42/', '/kinh-te/kinh-te-41/']);
  });

  it('cut body excerpts at a word boundary with …', () => {
    const doc = page(build.outDir, '/xa-hoi/dung-gio/');
    const excerpts = [...doc.querySelectorAll('.article-list__excerpt')].map((p) => text(p));
    const cut = excerpts.find((e) => e.startsWith('Năm học mới'));
    expect(cut).toMatch(/…$/);
    expect(Array.from(cut!).length).toBeLessThanOrEqual(161);
    expect(cut?.replace('…', '')).toMatch(/[^\s]$/);
    expect('Năm học mới bắt đầu với hơn ba trăm tám mươi nghìn học sinh đến trường trong không khí phấn khởi, các trường đã sẵn sàng cơ sở vật chất từ nhiều tuần trước, giáo viên được tập huấn phương pháp mới.').toContain(cut!.replace('…', ''));
  });
});

describe('category pages', () => {
  it('paginate 20 a page, newest first, with no empty last page', () => {
    const files = listFiles(build.outDir);
    expect(files).toContain('kinh-te/index.html');
    expect(files).toContain('kinh-te/2/index.html');
    expect(files).toContain('kinh-te/3/index.html');
    expect(files).not.toContain('kinh-te/4/index.html');
    const titles = (p: string) => [...page(build.outDir, p).querySelectorAll('.article-list__title a')].map((a) => text(a));
    const first = titles('/kinh-te/');
    const third = titles('/kinh-te/3/');
    expect(first).toHaveLength(20);
    expect(titles('/kinh-te/2/')).toHaveLength(20);
    expect(third).toHaveLength(5);
    expect(first[0]).toBe('Tin kinh tế số 45');
    expect(third.at(-1)).toBe('Tin kinh tế số 1');
  });

  it('link the pages', () => {
    const doc = page(build.outDir, '/kinh-te/2/');
    const nav = doc.querySelector('nav.pagination');
    expect(nav?.querySelector('a[rel="prev"]')?.getAttribute('href')).toBe('/kinh-te/');
    expect(nav?.querySelector('a[rel="next"]')?.getAttribute('href')).toBe('/kinh-te/3/');
    expect(nav?.querySelector('[aria-current="page"]')?.textContent).toBe('2');
    expect(page(build.outDir, '/chinh-tri/').querySelector('nav.pagination')).toBeNull();
  });
});

describe('home and 404', () => {
  it('show the latest news and a block per category', () => {
    const doc = page(build.outDir, '/');
    const latest = [...doc.querySelectorAll('.home-latest .article-list__title a')].map((a) => a.getAttribute('href'));
    expect(latest[0]).toBe('/xa-hoi/dung-gio/');
    const blocks = [...doc.querySelectorAll('.home-category h2')].map((h) => text(h));
    expect(blocks).toEqual(['Chính trị', 'Kinh tế', 'Xã hội']);
  });

  it('write a 404 page', () => {
    expect(text(page(build.outDir, '/404.html').querySelector('h1'))).toBe('Không tìm thấy trang');
  });
});

describe('drafts and embargoed articles', () => {
  it('appear in no output file, and none of their images are emitted', () => {
    const files = listFiles(build.outDir);
    for (const file of files) {
      const content = readFileSync(path.join(build.outDir, file));
      expect(content.includes('DRAFTMARKER-7731'), file).toBe(false);
      expect(content.includes('EMBARGOMARKER-5512'), file).toBe(false);
      expect(content.includes('Bản nháp không được đăng'), file).toBe(false);
      expect(content.includes('Tin cấm đăng'), file).toBe(false);
      expect(content.includes('cam-dang'), file).toBe(false);
    }
    expect(files.filter((f) => /nhap|cam\./.test(f))).toEqual([]);
    // Only the published article's photo is processed.
    expect(files.filter((f) => f.startsWith('_astro/') && /\.(webp|avif|jpe?g|png)$/.test(f)).every((f) => f.includes('anh'))).toBe(true);
  });

  it('are published once the build clock passes their date', async () => {
    const later = await buildFixture(build.root, { NEWSROOM_NOW: '2024-10-01T08:01:00+07:00' }, ['--quiet', '--out', path.join(build.root, 'later')]);
    expect(later.code).toBe(0);
    expect(text(page(path.join(build.root, 'later'), '/xa-hoi/cam-dang/').querySelector('h1'))).toBe('Tin cấm đăng');
  }, 600_000);
});
