/**
 * The Markdown pipeline with our plugin lists, run through the real processor
 * of @astrojs/markdown-remark (the one Astro uses for `markdown.processor`):
 * raw HTML and link payloads come out inert, and what news needs survives.
 */
import { markdownConfigDefaults, unified } from '@astrojs/markdown-remark';
import { parseHTML } from 'linkedom';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRehypePlugins, createRemarkPlugins } from '../../src/markdown/plugins.ts';
import { createSiteProcessor, renderBody, type SiteProcessor } from '../helpers/markdown.ts';
import { findActiveContent } from '../security/inert.ts';

const config = { url: 'https://tin.example.org', embedHosts: ['www.youtube-nocookie.com', 'player.vimeo.com'] };
let processor: SiteProcessor;

beforeAll(async () => {
  processor = await createSiteProcessor(config);
});

async function render(markdown: string): Promise<string> {
  const result = await renderBody(processor, markdown);
  return result.code;
}

function parse(html: string): Document {
  return parseHTML(`<!doctype html><html><body>${html}</body></html>`).document as unknown as Document;
}

/** Raw HTML and Markdown payloads, each of which would run script or load foreign content if passed through. */
const PAYLOADS: [string, string][] = [
  ['script element', '<script>alert(1)</script>'],
  ['script split over lines', '<script>\nalert(1)\n</script>'],
  ['img onerror', '<img src=x onerror=alert(1)>'],
  ['img onerror, quoted alt breakout', '<img src="x" alt="&quot; onerror=&quot;alert(1)">'],
  ['iframe javascript:', '<iframe src=javascript:alert(1)></iframe>'],
  ['iframe srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>'],
  ['iframe from a host not allowed', '<iframe src="https://evil.example/embed"></iframe>'],
  ['iframe over http from an allowed host', '<iframe src="http://www.youtube-nocookie.com/embed/x"></iframe>'],
  ['iframe from a look-alike host', '<iframe src="https://www.youtube-nocookie.com.evil.example/embed/x"></iframe>'],
  ['iframe with credentials', '<iframe src="https://evil.example@www.youtube-nocookie.com:8443/embed/x"></iframe>'],
  ['svg onload', '<svg onload=alert(1)><circle r="1"/></svg>'],
  ['script inside svg', '<svg><script>alert(1)</script></svg>'],
  ['math/style mutation', '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>'],
  ['noscript mutation', '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>'],
  ['anchor javascript:', '<a href="javascript:alert(1)">a</a>'],
  ['anchor mixed case', '<a href="JaVaScRiPt:alert(1)">a</a>'],
  ['anchor with tab in scheme', '<a href="jav&#x09;ascript:alert(1)">a</a>'],
  ['anchor with entity scheme', '<a href="&#106;avascript:alert(1)">a</a>'],
  ['anchor with leading space', '<a href=" javascript:alert(1)">a</a>'],
  ['anchor vbscript:', '<a href="vbscript:msgbox(1)">a</a>'],
  ['anchor data:', '<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">a</a>'],
  ['anchor onclick', '<a href="/x/" onclick="alert(1)">a</a>'],
  ['markdown link javascript:', '[x](javascript:alert(1))'],
  ['markdown link upper case', '[x](JAVASCRIPT:alert(1))'],
  ['markdown link with entity', '[x](javascript&#58;alert(1))'],
  ['markdown link in angle brackets', '[x](<javascript:alert(1)>)'],
  ['markdown reference link', '[x][r]\n\n[r]: javascript:alert(1)'],
  ['autolink javascript:', '<javascript:alert(1)>'],
  ['markdown image data:', '![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)'],
  ['remote image', '![x](https://tracker.example/pixel.gif)'],
  ['protocol-relative image', '<img src="//tracker.example/pixel.gif">'],
  ['style element', '<style>body{display:none}</style>'],
  ['style attribute', '<p style="position:fixed;inset:0;background:url(javascript:alert(1))">x</p>'],
  ['stylesheet link', '<link rel="stylesheet" href="https://evil.example/x.css">'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example/">'],
  ['base element', '<base href="https://evil.example/">'],
  ['form', '<form action="https://evil.example/"><input name="password"><button>Gửi</button></form>'],
  ['object', '<object data="https://evil.example/x.swf"></object>'],
  ['embed', '<embed src="https://evil.example/x.swf">'],
  ['details ontoggle', '<details open ontoggle=alert(1)><summary>x</summary></details>'],
  ['input autofocus', '<input autofocus onfocus=alert(1)>'],
  ['video with source onerror', '<video><source onerror="alert(1)"></video>'],
  ['template', '<template><script>alert(1)</script></template>'],
  ['comment', '<!--<img src=x onerror=alert(1)>-->'],
  ['page chrome spoofing', '<div class="cookie-notice" id="cookie-notice" data-pagefind-meta="title:Giả">x</div>'],
];

describe('raw HTML and links in an article body', () => {
  it.each(PAYLOADS)('%s comes out inert', async (_name, payload) => {
    const html = await render(`Đoạn đầu.\n\n${payload}\n\nĐoạn cuối.`);
    const problems = findActiveContent(parse(html), { embedHosts: config.embedHosts });
    expect(problems, html).toEqual([]);
    expect(html).toContain('Đoạn cuối.');
  });

  it('keeps the text of unwrapped elements but drops script and style bodies', async () => {
    const html = await render('<form><p>Ý kiến bạn đọc</p></form>\n\n<script>var secret = 1</script><style>.x{}</style>');
    expect(html).toContain('Ý kiến bạn đọc');
    expect(html).not.toContain('secret');
    expect(html).not.toContain('.x{}');
  });

  it('prefixes author-written ids and names so they cannot clobber the page', async () => {
    const doc = parse(await render('<div id="cookie-notice">x</div>\n\n<a name="main">y</a>'));
    expect(doc.querySelector('#cookie-notice')).toBeNull();
    expect(doc.querySelector('#user-content-cookie-notice')).not.toBeNull();
    expect(doc.querySelector('a')?.getAttribute('name')).toBe('user-content-main');
  });

  it('drops style, class and data attributes', async () => {
    const doc = parse(await render('<p class="visually-hidden" style="color:red" data-pagefind-ignore="all">x</p>'));
    const p = doc.querySelector('p')!;
    expect([...p.attributes].map((a) => a.name)).toEqual([]);
  });
});

describe('what news needs survives', () => {
  it('keeps figures, tables, quotes and inline semantics', async () => {
    const doc = parse(
      await render(
        [
          '<figure><blockquote cite="https://example.org/speech"><p>Trích dẫn</p></blockquote><figcaption>Ông A</figcaption></figure>',
          '<table><caption>Số liệu</caption><thead><tr><th scope="col">Năm</th></tr></thead><tbody><tr><td colspan="2">2024</td></tr></tbody></table>',
          '<details><summary>Chi tiết</summary>Nội dung</details>',
          '<p>H<sub>2</sub>O, x<sup>2</sup>, <abbr title="Hội đồng nhân dân">HĐND</abbr>, <cite>Báo A</cite>, <time datetime="2024-09-18">18/9</time>, <mark>nổi bật</mark>, <small>ghi chú</small></p>',
        ].join('\n\n'),
      ),
    );
    expect(doc.querySelector('figure > blockquote')?.getAttribute('cite')).toBe('https://example.org/speech');
    expect(doc.querySelector('figure > figcaption')?.textContent).toBe('Ông A');
    expect(doc.querySelector('table > caption')?.textContent).toBe('Số liệu');
    expect(doc.querySelector('th')?.getAttribute('scope')).toBe('col');
    expect(doc.querySelector('td')?.getAttribute('colspan')).toBe('2');
    expect(doc.querySelector('details > summary')?.textContent).toBe('Chi tiết');
    for (const tag of ['sub', 'sup', 'abbr', 'cite', 'mark', 'small']) expect(doc.querySelector(tag), tag).not.toBeNull();
    expect(doc.querySelector('abbr')?.getAttribute('title')).toBe('Hội đồng nhân dân');
    expect(doc.querySelector('time')?.getAttribute('datetime')).toBe('2024-09-18');
  });

  it('gives headings rehype-slug ids and keeps Markdown tables and task lists', async () => {
    const doc = parse(await render('## Từ bến cảng xưa\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n- [x] xong\n- [ ] chưa'));
    expect(doc.querySelector('h2')?.id).toBe('từ-bến-cảng-xưa');
    expect(doc.querySelectorAll('td')).toHaveLength(2);
    expect(doc.querySelectorAll('li input[type="checkbox"][disabled]')).toHaveLength(2);
  });

  it('keeps footnote links pointing at their targets', async () => {
    const doc = parse(await render('Có chú thích[^1].\n\n[^1]: Nguồn: Sở Tài chính.'));
    const ref = doc.querySelector('a[data-footnote-ref]');
    const target = ref?.getAttribute('href')?.slice(1);
    expect(target).toBeTruthy();
    expect(doc.getElementById(target!)).not.toBeNull();
    const back = doc.querySelector('a[data-footnote-backref]')?.getAttribute('href')?.slice(1);
    expect(doc.getElementById(back!)).not.toBeNull();
  });

  it('keeps iframes from the embed hosts, sandboxed and lazy', async () => {
    const doc = parse(
      await render('<iframe src="https://www.youtube-nocookie.com/embed/abc" title="Clip" width="560" height="315" allowfullscreen onload="alert(1)"></iframe>'),
    );
    const iframe = doc.querySelector('iframe');
    expect(iframe?.getAttribute('src')).toBe('https://www.youtube-nocookie.com/embed/abc');
    expect(iframe?.getAttribute('title')).toBe('Clip');
    expect(iframe?.getAttribute('loading')).toBe('lazy');
    expect(iframe?.getAttribute('sandbox')).toBe('allow-scripts allow-same-origin allow-presentation allow-popups');
    expect(iframe?.getAttribute('referrerpolicy')).toBe('strict-origin-when-cross-origin');
    expect(iframe?.hasAttribute('onload')).toBe(false);
  });

  it('hands local images to Astro with the responsive properties rehype-figure adds', async () => {
    const html = await render('![Cầu mới](./images/cau.jpg "Cầu mới khánh thành. Ảnh: H.P.")\n\n![Cảng](./images/cang.jpg)');
    const doc = parse(html);
    const figures = doc.querySelectorAll('figure.article-figure');
    expect(figures).toHaveLength(2);
    expect(figures[0]?.querySelector('figcaption')?.textContent).toBe('Cầu mới khánh thành. Ảnh: H.P.');
    const props = [...doc.querySelectorAll('img')].map((img) => JSON.parse(img.getAttribute('__ASTRO_IMAGE_') ?? '{}'));
    expect(props[0]).toMatchObject({ src: './images/cau.jpg', alt: 'Cầu mới', decoding: 'async', widths: [480, 800, 1200] });
    expect(props[0].sizes).toBe('(min-width: 760px) 720px, 100vw');
    expect(['eager', 'lazy']).toContain(props[0].loading);
    expect(props[1]).toMatchObject({ src: './images/cang.jpg', loading: 'lazy' });
  });

  it('marks external links and leaves the site’s own alone', async () => {
    const doc = parse(
      await render('[a](https://example.org/bao-cao) [b](//example.org/x) [c](/kinh-te/) [d](https://tin.example.org/xa-hoi/) [e](#muc) [f](mailto:toasoan@example.org)'),
    );
    const rel = (text: string) => [...doc.querySelectorAll('a')].find((a) => a.textContent === text)?.getAttribute('rel') ?? null;
    expect(rel('a')).toBe('noopener noreferrer');
    expect(rel('b')).toBe('noopener noreferrer');
    expect(rel('c')).toBeNull();
    expect(rel('d')).toBeNull();
    expect(rel('e')).toBeNull();
    expect(rel('f')).toBeNull();
  });

  it('leaves text that merely looks like HTML as text', async () => {
    const doc = parse(await render('Cú pháp `<script>` và &lt;b&gt; là chữ.'));
    expect(doc.querySelector('code')?.textContent).toBe('<script>');
    expect(doc.querySelector('script, b')).toBeNull();
    expect(doc.body.textContent).toContain('<b>');
  });
});

describe('MDX', () => {
  it('keeps JSX and expressions (trusted code) but checks Markdown link URLs', async () => {
    const renderer = await unified({ remarkPlugins: createRemarkPlugins(), rehypePlugins: createRehypePlugins(config), smartypants: false }).createMdxRenderer!(
      { ...markdownConfigDefaults, syntaxHighlight: false } as never,
      { optimize: false, srcDir: new URL('file:///tmp/') } as never,
    );
    const { code } = await renderer.process(
      'export const n = 70;\n\n# Kỷ niệm {n} năm\n\n[x](javascript:alert(1)) [y](https://example.org)\n\n<div className="hop">JSX {n}</div>\n',
      '/tmp/a.mdx',
      {},
    );
    expect(code).toContain('children: ["Kỷ niệm ", n, " năm"]');
    expect(code).toContain('className: "hop"');
    expect(code).not.toContain('javascript:');
    expect(code).toContain('rel: "noopener noreferrer"');
  });
});
