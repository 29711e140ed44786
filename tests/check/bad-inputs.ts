/**
 * The catalogue of bad inputs: each case writes one broken file (or a pair)
 * into a fixture and names the report line it must produce. All cases share
 * one content folder, so one `npm run check` run shows every problem at once,
 * as a reporter's commit would.
 */
import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SAMPLE_IMAGE } from '../helpers/fixture.ts';
import { frontMatter, writeRaw } from './run.ts';

export interface Expected {
  /** As shown in the report: content/articles/... */
  file: string;
  line: number;
  field: string;
  /** A part of the message. */
  text: string;
}

export interface BadInput {
  name: string;
  /** Writes the case's files into the fixture at `root`. */
  write: (root: string) => void;
  expect: Expected[];
}

const A = 'content/articles/2024/09';

/** A case made of one article file under articles/2024/09/. */
function article(name: string, fileName: string, contents: string | Uint8Array, expect: Omit<Expected, 'file'>[]): BadInput {
  return {
    name,
    write: (root) => writeRaw(root, `articles/2024/09/${fileName}`, contents),
    expect: expect.map((e) => ({ file: `${A}/${fileName}`, ...e })),
  };
}

const fm = (title: string, extra = '', category = 'chinh-tri') => `---\n${frontMatter(title, extra, category)}---\n\nNội dung bài viết.\n`;

/** Errors: each makes `npm run check` and the build exit 1. */
export const ERROR_CASES: BadInput[] = [
  article('no front matter', 'khong-front-matter.md', 'Chỉ có nội dung, không có phần đầu.\n', [
    { line: 1, field: '', text: 'has no front matter' },
  ]),
  article('unclosed front matter', 'chua-dong.md', '---\ntitle: Bài chưa đóng\ncategory: chinh-tri\n\nNội dung.\n', [
    { line: 1, field: '', text: 'never closed' },
  ]),
  article('YAML syntax error (colon in a plain value)', 'loi-yaml.md', '---\ntitle: Bài: hai dấu: hai chấm\ncategory: chinh-tri\n---\nx\n', [
    { line: 2, field: 'title', text: 'YAML syntax error' },
  ]),
  article(
    'YAML syntax error (bad indentation) on its own line',
    'thut-dau-dong.md',
    '---\ntitle: Bài thụt lề sai\ncategory: chinh-tri\ndate: 2024-09-18\n author: Lê Oanh\n---\nx\n',
    [{ line: 5, field: 'author', text: 'starts with spaces' }],
  ),
  article('duplicate key', 'trung-khoa.md', fm('Bài trùng khóa', 'title: Lần hai\n'), [
    { line: 6, field: 'title', text: 'appears twice' },
  ]),
  article('missing title', 'thieu-tieu-de.md', '---\ncategory: chinh-tri\ndate: 2024-09-18\nauthor: Lê Oanh\n---\nx\n', [
    { line: 1, field: 'title', text: 'is missing' },
  ]),
  article('empty title', 'tieu-de-rong.md', '---\ntitle:\ncategory: chinh-tri\ndate: 2024-09-18\nauthor: Lê Oanh\n---\nx\n', [
    { line: 2, field: 'title', text: 'is empty' },
  ]),
  article('empty author', 'tac-gia-rong.md', '---\ntitle: Bài không tác giả\ncategory: chinh-tri\ndate: 2024-09-18\nauthor: ""\n---\nx\n', [
    { line: 5, field: 'author', text: 'is empty' },
  ]),
  article('empty author list', 'danh-sach-rong.md', '---\ntitle: Bài danh sách rỗng\ncategory: chinh-tri\ndate: 2024-09-18\nauthor: []\n---\nx\n', [
    { line: 5, field: 'author', text: 'empty list' },
  ]),
  article('author is a number', 'tac-gia-so.md', '---\ntitle: Bài tác giả số\ncategory: chinh-tri\ndate: 2024-09-18\nauthor: 42\n---\nx\n', [
    { line: 5, field: 'author', text: 'must be a name or a list of names' },
  ]),
  article('title is a number', 'tieu-de-so.md', '---\ntitle: 2024\ncategory: chinh-tri\ndate: 2024-09-18\nauthor: Lê Oanh\n---\nx\n', [
    { line: 2, field: 'title', text: 'must be text' },
  ]),
  article('draft is not true/false', 'nhap-sai.md', fm('Bài nháp sai', 'draft: có\n'), [
    { line: 6, field: 'draft', text: 'must be true or false' },
  ]),
  article('tags is not a list', 'the-sai.md', fm('Bài thẻ sai', 'tags: giao thông\n'), [
    { line: 6, field: 'tags', text: 'must be a list' },
  ]),
  article('category typo, with did you mean', 'chuyen-muc-go-sai.md', fm('Bài chuyên mục gõ sai', '', 'chinh-tr'), [
    { line: 3, field: 'category', text: '"chinh-tr" is not a category (did you mean "chinh-tri"?)' },
  ]),
  article('category written as its name', 'chuyen-muc-ten.md', fm('Bài chuyên mục tên', '', 'Kinh tế'), [
    { line: 3, field: 'category', text: 'did you mean "kinh-te"?' },
  ]),
  article('unknown category, with the list', 'chuyen-muc-la.md', fm('Bài chuyên mục lạ', '', 'giai-tri'), [
    { line: 3, field: 'category', text: 'use one of: chinh-tri, kinh-te, xa-hoi' },
  ]),
  article('impossible date', 'ngay-sai.md', '---\ntitle: Bài ngày sai\ncategory: chinh-tri\ndate: 2024-13-45\nauthor: Lê Oanh\n---\nx\n', [
    { line: 4, field: 'date', text: 'month 13 does not exist' },
  ]),
  article('30 February', 'ba-muoi-thang-hai.md', '---\ntitle: Bài 30/2\ncategory: chinh-tri\ndate: 2024-02-30\nauthor: Lê Oanh\n---\nx\n', [
    { line: 4, field: 'date', text: 'day 30 does not exist' },
  ]),
  article('date in dd/mm/yyyy', 'ngay-kieu-viet.md', '---\ntitle: Bài ngày kiểu Việt\ncategory: chinh-tri\ndate: 18/09/2024\nauthor: Lê Oanh\n---\nx\n', [
    { line: 4, field: 'date', text: 'is not in the form 2024-09-18' },
  ]),
  article('empty date', 'ngay-rong.md', '---\ntitle: Bài ngày rỗng\ncategory: chinh-tri\ndate:\nauthor: Lê Oanh\n---\nx\n', [
    { line: 4, field: 'date', text: 'is empty' },
  ]),
  article('impossible updated date', 'cap-nhat-sai.md', fm('Bài cập nhật sai', 'updated: 2024-09-31 10:00\n'), [
    { line: 6, field: 'updated', text: 'day 31 does not exist' },
  ]),
  article('source url is not a web address', 'nguon-sai.md', fm('Bài nguồn sai', 'source:\n  name: Báo Hải Phòng\n  url: baohaiphong\n'), [
    { line: 8, field: 'source.url', text: 'is not a web address' },
  ]),
  article('cover without alt', 'anh-bia-thieu-alt.md', fm('Bài ảnh bìa thiếu alt', 'cover:\n  src: ./images/anh.jpg\n'), [
    { line: 6, field: 'cover.alt', text: 'cover needs alt text' },
  ]),
  article('cover image missing', 'anh-bia-khong-co.md', fm('Bài ảnh bìa không có', 'cover:\n  src: ./images/khong-co.jpg\n  alt: Ảnh\n'), [
    { line: 7, field: 'cover.src', text: 'does not exist' },
  ]),
  article('cover image outside content/', 'anh-bia-ngoai.md', fm('Bài ảnh bìa ngoài', 'cover:\n  src: ../../../../../etc/anh.jpg\n  alt: Ảnh\n'), [
    { line: 7, field: 'cover.src', text: 'points outside the content folder' },
  ]),
  article('body image missing', 'anh-than-bai.md', `---\n${frontMatter('Bài ảnh thiếu')}---\n\nĐoạn một.\n\n![Ảnh cảng](./images/khong-co.jpg "Chú thích")\n`, [
    { line: 10, field: '', text: 'image "./images/khong-co.jpg" does not exist' },
  ]),
  article('body image outside content/ (../../)', 'anh-ra-ngoai.md', `---\n${frontMatter('Bài ảnh ra ngoài')}---\n![Ảnh](../../../../package.json)\n`, [
    { line: 7, field: '', text: 'points outside the content folder' },
  ]),
  article('remote body image', 'anh-tu-xa.md', `---\n${frontMatter('Bài ảnh từ xa')}---\nx\n\n![Ảnh](https://example.com/anh.jpg)\n`, [
    { line: 9, field: '', text: 'is on another site' },
  ]),
  article('control character in the title', 'ky-tu-dieu-khien.md', fm('"Bài có chuông\\a ở giữa"'), [
    { line: 2, field: 'title', text: 'invisible control characters' },
  ]),
  article('control character in the slug', 'ky-tu-dieu-khien-slug.md', fm('Bài slug điều khiển', 'slug: "slug\\x01la"\n'), [
    { line: 6, field: 'slug', text: 'invisible control characters' },
  ]),
  article('YAML anchor and alias', 'neo-yaml.md', fm('Bài neo', 'tags: &t [a, b]\nphotographer: *t\n'), [
    { line: 6, field: '', text: 'anchor or alias' },
  ]),
  article('front matter is not key: value', 'danh-sach.md', '---\n- title\n- category\n---\nx\n', [
    { line: 2, field: '', text: 'must be "key: value" lines' },
  ]),
  article('slug without letters or digits', 'slug-rong.md', fm('Bài slug rỗng', 'slug: "!!!"\n'), [
    { line: 6, field: 'slug', text: 'gives an empty address' },
  ]),
  article('aliases not a list', 'bi-danh-sai.md', fm('Bài bí danh sai', 'aliases: /tin-cu/\n'), [
    { line: 6, field: 'aliases', text: 'must be a list of paths' },
  ]),
  article('alias that is the address of a live article', 'bi-danh-trung.md', fm('Bài bí danh trùng', 'aliases:\n  - /tin-cu/\n  - /chinh-tri/bai-hop-le/\n'), [
    { line: 8, field: 'aliases.1', text: 'is the address of content/articles/2024/09/bai-hop-le.md' },
  ]),
  article('alias that is a category page', 'bi-danh-chuyen-muc.md', fm('Bài bí danh chuyên mục', 'aliases: ["/kinh-te/"]\n'), [
    { line: 6, field: 'aliases.0', text: 'the category page of "kinh-te"' },
  ]),
  article('not UTF-8 (Windows-1258 bytes)', 'khong-phai-utf8.md', Buffer.concat([Buffer.from('---\ntitle: B'), Buffer.from([0xe0, 0xec]), Buffer.from('\ncategory: chinh-tri\n---\n')]), [
    { line: 2, field: '', text: 'not UTF-8' },
  ]),
  article('empty file', 'rong.md', '', [{ line: 1, field: '', text: 'the file is empty' }]),
  article('file of blank lines', 'toan-dong-trong.md', '\n\n  \n', [{ line: 1, field: '', text: 'the file is empty' }]),
  article(
    'BOM, CRLF and tab indentation: the error keeps its line',
    'bom-crlf-tab.md',
    '\uFEFF---\r\ntitle: Bài BOM\r\ncategory: chinh-tri\r\ndate: 2024-09-18\r\nauthor: Lê Oanh\r\ncover:\r\n\tsrc: ./images/anh.jpg\r\n\talt: Ảnh\r\nslugg: bom\r\ntags: giao thông\r\n---\r\nx\r\n',
    [{ line: 10, field: 'tags', text: 'must be a list' }],
  ),
  article('NFD category value gets a suggestion', 'chuyen-muc-nfd.md', fm('Bài NFD', '', 'chính-trị'.normalize('NFD')), [
    { line: 3, field: 'category', text: 'did you mean "chinh-tri"?' },
  ]),
  article('MDX syntax error, at its line in the file', 'mdx-loi.mdx', `---\n${frontMatter('Bài MDX lỗi')}---\n\nĐoạn một.\n\n{ 1 + \n`, [
    { line: 10, field: '', text: 'MDX syntax error: Unexpected end of file in expression' },
  ]),
  article('MDX mismatched tag, at its line in the file', 'mdx-the-sai.mdx', `---\n${frontMatter('Bài MDX thẻ sai')}---\n\n<b>đậm</i>\n`, [
    { line: 8, field: '', text: 'Unexpected closing tag `</i>`, expected corresponding closing tag for `<b>` (8:1-8:4)' },
  ]),
  article('MDX importing a file that does not exist', 'mdx-import.mdx', `---\n${frontMatter('Bài MDX import')}---\nimport Hop from './khong-co.astro';\n\n<Hop />\n`, [
    { line: 7, field: '', text: 'imports "./khong-co.astro", which does not exist' },
  ]),
  {
    name: 'two articles at one URL name each other',
    write: (root) => {
      writeRaw(root, 'articles/2024/09/trung-dia-chi.md', fm('Bài trùng địa chỉ một'));
      writeRaw(root, 'articles/2024/10/trung-dia-chi.md', fm('Bài trùng địa chỉ hai'));
    },
    expect: [
      { file: `${A}/trung-dia-chi.md`, line: 1, field: 'slug', text: 'same address /chinh-tri/trung-dia-chi/ as content/articles/2024/10/trung-dia-chi.md' },
      { file: 'content/articles/2024/10/trung-dia-chi.md', line: 1, field: 'slug', text: 'as content/articles/2024/09/trung-dia-chi.md' },
    ],
  },
  {
    name: 'a slug override that lands on another article',
    write: (root) => {
      writeRaw(root, 'articles/2024/09/ten-khac.md', fm('Bài tên khác', 'slug: Bài Hợp Lệ\n'));
    },
    expect: [{ file: `${A}/ten-khac.md`, line: 6, field: 'slug', text: 'same address /chinh-tri/bai-hop-le/ as content/articles/2024/09/bai-hop-le.md' }],
  },
  {
    name: 'file names differing only in Unicode normalisation',
    write: (root) => {
      writeRaw(root, 'articles/2024/09/Bầu-cử.md'.normalize('NFC'), fm('Bầu cử NFC'));
      writeRaw(root, 'articles/2024/09/Bầu-cử.md'.normalize('NFD'), fm('Bầu cử NFD'));
    },
    expect: [
      { file: `${A}/Bầu-cử.md`.normalize('NFC'), line: 1, field: 'slug', text: 'differ only in how their accents are encoded' },
      { file: `${A}/Bầu-cử.md`.normalize('NFD'), line: 1, field: 'slug', text: 'differ only in how their accents are encoded' },
    ],
  },
  {
    name: 'a symlinked article that leaves content/',
    write: (root) => {
      writeFileSync(path.join(root, 'outside.md'), fm('Bài bên ngoài'));
      symlinkSync(path.join(root, 'outside.md'), path.join(root, 'content/articles/2024/09/lien-ket.md'));
    },
    expect: [{ file: `${A}/lien-ket.md`, line: 1, field: '', text: 'outside the content folder' }],
  },
  {
    name: 'a symlinked folder that leaves content/',
    write: (root) => {
      mkdirSync(path.join(root, 'outside-folder'), { recursive: true });
      symlinkSync(path.join(root, 'outside-folder'), path.join(root, 'content/articles/2024/thu-muc-ngoai'));
    },
    expect: [{ file: 'content/articles/2024/thu-muc-ngoai', line: 1, field: '', text: 'outside the content folder' }],
  },
  {
    name: 'an image symlink that leaves content/',
    write: (root) => {
      symlinkSync(SAMPLE_IMAGE, path.join(root, 'content/articles/2024/09/images/lien-ket.jpg'));
      writeRaw(root, 'articles/2024/09/anh-lien-ket.md', `---\n${frontMatter('Bài ảnh liên kết')}---\n![Ảnh](./images/lien-ket.jpg)\n`);
    },
    expect: [
      { file: `${A}/images/lien-ket.jpg`, line: 1, field: '', text: 'outside the content folder' },
      { file: `${A}/anh-lien-ket.md`, line: 7, field: '', text: 'points outside the content folder' },
    ],
  },
];

/** Warnings: reported, but `npm run check` exits 0 and the build goes on. */
export const WARNING_CASES: BadInput[] = [
  article('unknown key, with did you mean', 'khoa-la.md', fm('Bài khóa lạ', 'photograper: Hoàng Phước\n'), [
    { line: 6, field: 'photograper', text: 'did you mean "photographer"?' },
  ]),
  article('unknown key in Vietnamese', 'khoa-tieng-viet.md', fm('Bài khóa tiếng Việt', 'sapo: Một câu mở đầu.\n'), [
    { line: 6, field: 'sapo', text: 'did you mean "lead"?' },
  ]),
  article('unknown key inside cover', 'khoa-trong-anh-bia.md', fm('Bài khóa trong ảnh bìa', 'cover:\n  src: ./images/anh.jpg\n  alt: Ảnh cảng\n  capton: Cảng\n'), [
    { line: 9, field: 'cover.capton', text: 'did you mean "caption"?' },
  ]),
  article('lead much longer than usual', 'sapo-dai.md', fm('Bài sapo dài', `lead: ${'Một câu rất dài. '.repeat(30)}\n`), [
    { line: 6, field: 'lead', text: 'much longer than usual' },
  ]),
  article('body image without alt text', 'anh-thieu-alt.md', `---\n${frontMatter('Bài ảnh thiếu alt')}---\nx\n\n![](./images/anh.jpg)\n`, [
    { line: 9, field: '', text: 'has no alt text' },
  ]),
  article('future date', 'tuong-lai.md', '---\ntitle: Bài tương lai\ncategory: chinh-tri\ndate: 2031-09-18 08:00\nauthor: Lê Oanh\n---\nx\n', [
    { line: 4, field: 'date', text: 'stays unpublished until 18/09/2031 08:00' },
  ]),
  article('draft', 'ban-nhap.md', fm('Bài nháp', 'draft: true\n'), [{ line: 6, field: 'draft', text: 'is a draft' }]),
  article('an article without text', 'chua-viet.md', `---\n${frontMatter('Bài chưa viết')}---\n`, [
    { line: 6, field: '', text: 'has no text yet' },
  ]),
  article('.MD extension is not read', 'viet-hoa.MD', fm('Bài đuôi viết hoa'), [{ line: 1, field: '', text: 'must end in .md or .mdx' }]),
  {
    name: 'a tag that differs from the page it is filed on only in its accents',
    write: (root) => {
      writeRaw(root, 'articles/2024/09/tin-bao-1.md', fm('Bão số 3', 'tags: [Bão, lũ lụt]\n'));
      writeRaw(root, 'articles/2024/09/tin-bao-2.md', fm('Bão số 4', 'tags: [Bão]\n'));
      writeRaw(root, 'articles/2024/09/bao-chi.md', fm('Ngày báo chí', 'tags: [Báo]\n'));
    },
    expect: [{ file: `${A}/bao-chi.md`, line: 6, field: 'tags.0', text: '"Báo" here and "Bão" on the page /chu-de/bao/ (used by 2 articles) differ only in their accents' }],
  },
  {
    name: 'a tag written without accents, as a list item on its own line',
    write: (root) => {
      writeRaw(root, 'articles/2024/09/cang-hai-phong.md', fm('Cảng Hải Phòng', 'tags: [Hải Phòng]\n'));
      writeRaw(root, 'articles/2024/09/pho-hai-phong.md', fm('Phố Hải Phòng', 'tags: [hải phòng]\n'));
      writeRaw(root, 'articles/2024/09/khong-dau.md', fm('Bài không dấu', 'tags:\n  - cảng biển\n  - Hai Phong\n'));
    },
    expect: [{ file: `${A}/khong-dau.md`, line: 8, field: 'tags.1', text: '"Hai Phong" has no accents, unlike "Hải Phòng" on the page /chu-de/hai-phong/ (write it with its accents' }],
  },
  article(
    'an author whose name differs from another only in its accents',
    'tac-gia-khac-dau.md',
    '---\ntitle: Bài của hai tác giả\ncategory: chinh-tri\ndate: 2024-09-18 16:00\nauthor: [Trần Minh, Lê Oánh]\n---\n\nNội dung.\n',
    [{ line: 5, field: 'author.1', text: '"Lê Oánh" here and "Lê Oanh" on the page /tac-gia/le-oanh/' }],
  ),
];

/** Writes the valid articles the cases refer to, and the shared photo. */
export function writeBase(root: string): void {
  writeRaw(root, 'articles/2024/09/bai-hop-le.md', fm('Bài hợp lệ'));
  mkdirSync(path.join(root, 'content/articles/2024/09/images'), { recursive: true });
  copyFileSync(SAMPLE_IMAGE, path.join(root, 'content/articles/2024/09/images/anh.jpg'));
}

export interface CategoriesCase {
  name: string;
  categories: string | Uint8Array;
  expect: Omit<Expected, 'file'>[];
}

/**
 * Broken categories.yaml files. Each needs its own fixture: a file that is
 * not YAML cannot also show its schema problems.
 */
export const CATEGORY_CASES: CategoriesCase[] = [
  {
    name: 'duplicate slug, missing name, bad slug',
    categories: '- slug: chinh-tri\n  name: Chính trị\n- slug: kinh-te\n- slug: chinh-tri\n  name: Chính trị 2\n- slug: Văn Hóa\n  name: Văn hóa\n',
    expect: [
      { line: 3, field: '[2].name', text: 'is missing (add "name:" to this category)' },
      { line: 4, field: '[3].slug', text: '"chinh-tri" is listed twice' },
      { line: 6, field: '[4].slug', text: 'must be lower-case ASCII words' },
    ],
  },
  {
    name: 'slugs the site uses for its own pages',
    categories: '- slug: chinh-tri\n  name: Chính trị\n- slug: tac-gia\n  name: Tác giả\n- slug: chu-de\n  name: Chủ đề\n- slug: tim-kiem\n  name: Tìm kiếm\n',
    expect: [
      { line: 3, field: '[2].slug', text: '"tac-gia" is an address the site uses' },
      { line: 5, field: '[3].slug', text: '"chu-de" is an address the site uses' },
      { line: 7, field: '[4].slug', text: '"tim-kiem" is an address the site uses' },
    ],
  },
  {
    name: 'YAML syntax error',
    categories: '- slug: chinh-tri\n  name: "Chính trị\n- slug: kinh-te\n  name: Kinh tế\n',
    expect: [{ line: 2, field: '', text: 'YAML syntax error' }],
  },
  {
    name: 'YAML anchor',
    categories: '- &c\n  slug: chinh-tri\n  name: Chính trị\n- *c\n',
    expect: [{ line: 1, field: '', text: 'anchor or alias' }],
  },
  {
    name: 'not a list',
    categories: 'chinh-tri: Chính trị\n',
    expect: [{ line: 1, field: '', text: 'must be a list of categories' }],
  },
  {
    name: 'not UTF-8',
    categories: Buffer.concat([Buffer.from('- slug: chinh-tri\n  name: Ch'), Buffer.from([0xed, 0x6e]), Buffer.from('h\n')]),
    expect: [{ line: 2, field: '', text: 'not UTF-8' }],
  },
];
