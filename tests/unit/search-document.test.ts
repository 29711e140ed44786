import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { extractSearchDocument, planSearchShards, standInPage, standInWords } from '../../src/lib/search-document.ts';
import { searchKeys } from '../../src/lib/search.ts';

const page = (body: string, head = '<title>Trang &amp; tin</title><meta name="description" content="Tóm tắt &quot;bài&quot;">') =>
  `<!doctype html><html lang="vi"><head>${head}</head><body><header data-pagefind-ignore="all"><nav>Chính trị Kinh tế</nav></header>${body}<footer data-pagefind-ignore="all">Bản quyền</footer></body></html>`;

const article = `
<article class="article" data-pagefind-body>
  <header data-search-exact>
    <a href="/chinh-tri/" data-pagefind-filter="category">Chính trị</a>
    <h1 data-pagefind-meta="title">Đại hội <em>Đảng bộ</em> thành phố</h1>
    <p><time datetime="2024-09-25">25/09/2024</time></p>
    <span hidden data-pagefind-meta="date">2024-09-25T01:30:00.000Z</span>
    <p class="lead">Sáng 25/9, đại hội khai mạc &amp; bế mạc.</p>
  </header>
  <div class="body">
    <p>Đoạn một có <strong>chữ đậm</strong> và <a href="/x/">liên kết</a>.<br>Dòng hai.</p>
    <h2 id="muc">Mục tiêu</h2>
    <figure><img src="/a.jpg" alt="Ảnh"><figcaption>Chú thích ảnh</figcaption></figure>
    <script>var secret = "không index";</script>
    <p data-pagefind-weight="3">Đoạn nặng</p>
    <div data-pagefind-ignore>Bỏ qua</div>
  </div>
  <footer><p>Tin: Lê Oanh; Ảnh: Hoàng Phước</p><p data-pagefind-ignore="all">Thẻ: a, b</p></footer>
</article>
<section data-pagefind-ignore="all"><h2>Tin khác</h2><p>Không index</p></section>`;

describe('extractSearchDocument', () => {
  it('skips pages without an indexed body', () => {
    expect(extractSearchDocument(page('<main><p>Trang chủ</p></main>'), '/')).toBeUndefined();
  });

  it('reads metadata and the weighted text blocks of the body only', () => {
    const doc = extractSearchDocument(page(article), '/chinh-tri/dai-hoi/');
    expect(doc).toEqual({
      url: '/chinh-tri/dai-hoi/',
      title: 'Đại hội Đảng bộ thành phố',
      excerpt: 'Tóm tắt "bài"',
      category: 'Chính trị',
      date: '2024-09-25T01:30:00.000Z',
      blocks: [
        { text: 'Chính trị', weight: 1, exact: true },
        { text: 'Đại hội Đảng bộ thành phố', weight: 7, exact: true },
        { text: '25/09/2024', weight: 1, exact: true },
        { text: 'Sáng 25/9, đại hội khai mạc & bế mạc.', weight: 1, exact: true },
        { text: 'Đoạn một có chữ đậm và liên kết.', weight: 1, exact: false },
        { text: 'Dòng hai.', weight: 1, exact: false },
        { text: 'Mục tiêu', weight: 6, exact: true },
        { text: 'Chú thích ảnh', weight: 1, exact: false },
        { text: 'Đoạn nặng', weight: 3, exact: false },
        { text: 'Tin: Lê Oanh; Ảnh: Hoàng Phước', weight: 1, exact: false },
      ],
    });
  });

  it('falls back to the h1, then the document title, for the title', () => {
    const noMeta = article.replace(' data-pagefind-meta="title"', '');
    expect(extractSearchDocument(page(noMeta), '/a/')?.title).toBe('Đại hội Đảng bộ thành phố');
    const noHeading = '<div data-pagefind-body><p>Chỉ có đoạn văn</p></div>';
    expect(extractSearchDocument(page(noHeading), '/b/')?.title).toBe('Trang & tin');
    expect(extractSearchDocument(page(noHeading, ''), '/c/')?.title).toBe('/c/');
  });
});

describe('standInPage', () => {
  const options = { language: 'vi', timeZone: 'Asia/Ho_Chi_Minh', dateFormat: 'dd/MM/yyyy' };

  it('holds the keys of every block with its weight, the metadata, the filter and the sort key', () => {
    const doc = extractSearchDocument(page(article), '/chinh-tri/dai-hoi/')!;
    const { document } = parseHTML(standInPage(doc, options));
    expect(document.documentElement.getAttribute('lang')).toBe('vi');
    const blocks = [...document.querySelectorAll('[data-pagefind-body] p')].map((p) => [p.getAttribute('data-pagefind-weight'), p.textContent]);
    expect(blocks).toEqual(doc.blocks.map((block) => [String(block.weight), searchKeys(block.text, block.exact)]));
    // Exact keys (marks as written) for the header and headings only.
    expect(blocks[1]![1]).toContain(' x ed9a5iþ eho56iþ ed9a3ngþ');
    expect(blocks[4]![1]).toBe('udoanþ umotþ ucoþ uchuþ udamþ uvaþ ulienþ uketþ');
    const meta = (key: string) => document.querySelector(`[data-pagefind-meta="${key}"]`)?.textContent;
    expect(meta('title')).toBe('Đại hội Đảng bộ thành phố');
    expect(meta('excerpt')).toBe('Tóm tắt "bài"');
    expect(meta('dateText')).toBe('25/09/2024');
    expect(meta('date')).toBe('2024-09-25T01:30:00.000Z');
    expect(document.querySelector('[data-pagefind-filter="category"]')?.textContent).toBe('Chính trị');
    expect(document.querySelector('[data-pagefind-sort="date"]')?.textContent).toBe('2024-09-25T01:30:00.000Z');
    expect(document.querySelector('[data-pagefind-body]')?.textContent).not.toContain('Đại hội');
  });

  it('escapes what it writes', () => {
    const html = standInPage({ url: '/x/', title: '<script>a</script>', excerpt: '"&', blocks: [{ text: 'a < b', weight: 1, exact: true }] }, options);
    expect(html).not.toContain('<script>');
    const { document } = parseHTML(html);
    expect(document.querySelector('[data-pagefind-meta="title"]')?.textContent).toBe('<script>a</script>');
    expect(document.querySelector('[data-pagefind-meta="date"]')).toBeNull();
  });
});

describe('standInWords', () => {
  const options = { language: 'vi', timeZone: 'Asia/Ho_Chi_Minh', dateFormat: 'dd/MM/yyyy' };

  it('lists the folded words of a stand-in once each, not its exact keys, separators or metadata', () => {
    const doc = extractSearchDocument(page(article), '/chinh-tri/dai-hoi/')!;
    const words = standInWords(standInPage(doc, options));
    expect(words).toEqual(expect.arrayContaining(['dai', 'hoi', 'dang', 'bo', 'doan', 'nang', 'le', 'oanh']));
    expect(new Set(words).size).toBe(words.length);
    // "Đại hội" is in the title metadata too, and the exact stream: neither adds a word.
    expect(words.filter((word) => word === 'dai')).toHaveLength(1);
    expect(words.some((word) => /[^a-z0-9]/.test(word))).toBe(false);
    // Ignored text, and the excerpt (metadata only), are not there.
    for (const word of ['qua', 'khong', 'index', 'tom']) expect(words).not.toContain(word);
    expect(standInWords('<html><body><p>uxyz_</p></body></html>')).toEqual([]);
  });
});

describe('planSearchShards', () => {
  const days = new Map([
    ['2024-03-02', 2],
    ['2023-11-30', 3],
    ['2024-01-15', 1],
    ['2023-12-01', 2],
    ['2024-02-10', 9],
  ]);

  it('groups consecutive days, oldest first, into indexes of at most the size', () => {
    expect(planSearchShards(days, 6).map((shard) => [shard.first, shard.last, shard.articles])).toEqual([
      ['2023-11-30', '2024-01-15', 6],
      ['2024-02-10', '2024-02-10', 9],
      ['2024-03-02', '2024-03-02', 2],
    ]);
    expect(planSearchShards(days, 6)[0]!.days).toEqual(['2023-11-30', '2023-12-01', '2024-01-15']);
  });

  it('is one index when the archive fits, and none when it is empty', () => {
    expect(planSearchShards(days, 17)).toHaveLength(1);
    expect(planSearchShards(new Map(), 5)).toEqual([]);
  });

  it('keeps old boundaries when new articles arrive', () => {
    const before = planSearchShards(days, 6).slice(0, 2);
    const grown = new Map([...days, ['2024-03-02', 5], ['2024-04-01', 7]]);
    expect(planSearchShards(grown, 6).slice(0, 2)).toEqual(before);
  });
});
