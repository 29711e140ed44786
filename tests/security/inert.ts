/**
 * Finds markup that could run script or pull in foreign content, in a parsed
 * article body or a whole built page. Shared by the Markdown-pipeline tests,
 * the XSS catalogue and the output checks. Returns readable problems, empty
 * when the document is inert.
 */

export interface InertOptions {
  /** Hosts whose https iframes are allowed. */
  embedHosts: readonly string[];
  /**
   * A whole page rather than an article body: then the page's own external
   * same-origin scripts and stylesheets, JSON-LD data blocks, same-origin
   * forms, `<link>`s and a same-origin meta refresh are expected.
   */
  page?: boolean;
}

const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'data', 'background', 'cite', 'longdesc', 'srcset', 'ping'];
const ALWAYS_FORBIDDEN = ['style', 'object', 'embed', 'applet', 'base', 'frame', 'frameset', 'portal', 'template', 'noscript'];
const BODY_FORBIDDEN = ['script', 'link', 'meta', 'form', 'input:not([type="checkbox"])', 'button', 'textarea', 'select', 'svg', 'math'];

/** Lower case without whitespace or control characters, as a browser reads a URL scheme. */
function normaliseUrl(value: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what browsers strip.
  return value.replace(/[\u0000-\u0020\u007f]/g, '').toLowerCase();
}

function isDangerousUrl(value: string): boolean {
  const url = normaliseUrl(value);
  return url.startsWith('javascript:') || url.startsWith('vbscript:') || url.startsWith('data:');
}

/** A same-origin path: "/x", not "//host" nor "scheme:". */
function isOwnPath(value: string | null): boolean {
  if (value === null) return false;
  const url = normaliseUrl(value);
  return url.startsWith('/') && !url.startsWith('//');
}

function describe(element: Element): string {
  const html = element.outerHTML;
  return html.length > 160 ? `${html.slice(0, 160)}…` : html;
}

export function findActiveContent(doc: Document, options: InertOptions): string[] {
  const problems: string[] = [];
  const root = doc.documentElement ?? doc;
  const all = [...root.querySelectorAll('*')];
  const forbidden = options.page ? ALWAYS_FORBIDDEN : [...ALWAYS_FORBIDDEN, ...BODY_FORBIDDEN];
  for (const element of root.querySelectorAll(forbidden.join(', '))) problems.push(`forbidden element ${describe(element)}`);

  for (const element of all) {
    const tag = element.tagName.toLowerCase();
    for (const attribute of [...element.attributes]) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith('on')) problems.push(`event handler ${name} on ${describe(element)}`);
      if (name === 'style') problems.push(`style attribute on ${describe(element)}`);
      if (name === 'srcdoc') problems.push(`srcdoc on ${describe(element)}`);
      if (URL_ATTRIBUTES.includes(name) && isDangerousUrl(attribute.value)) {
        // A data: image is harmless in an <img> only; the body never needs one.
        problems.push(`dangerous URL in ${name} of ${describe(element)}`);
      }
    }
    if (tag === 'iframe') {
      const src = element.getAttribute('src') ?? '';
      const ok = URL.canParse(src) && new URL(src).protocol === 'https:' && options.embedHosts.includes(new URL(src).hostname);
      if (!ok) problems.push(`iframe not from an embed host: ${describe(element)}`);
    }
    if (tag === 'img') {
      const src = element.getAttribute('src') ?? '';
      if (/^([a-z][a-z0-9+.-]*:|\/\/)/i.test(src.trim())) problems.push(`foreign image ${describe(element)}`);
    }
    if (options.page) problems.push(...pageElementProblems(element, tag));
  }
  return problems;
}

function pageElementProblems(element: Element, tag: string): string[] {
  const problems: string[] = [];
  if (tag === 'script') {
    const type = (element.getAttribute('type') ?? '').toLowerCase();
    if (type === 'application/ld+json') {
      if (element.hasAttribute('src')) problems.push(`JSON-LD with src ${describe(element)}`);
      try {
        JSON.parse(element.textContent ?? '');
      } catch {
        problems.push(`JSON-LD that does not parse (broken out of?) ${describe(element)}`);
      }
    } else if (!isOwnPath(element.getAttribute('src')) || (element.textContent ?? '').trim() !== '') {
      problems.push(`inline or foreign script ${describe(element)}`);
    }
  }
  if (tag === 'link' && /\b(stylesheet|preload|modulepreload|import)\b/i.test(element.getAttribute('rel') ?? '')) {
    if (!isOwnPath(element.getAttribute('href'))) problems.push(`foreign stylesheet or preload ${describe(element)}`);
  }
  if (tag === 'form' && !isOwnPath(element.getAttribute('action'))) problems.push(`form posting elsewhere ${describe(element)}`);
  if (tag === 'meta' && (element.getAttribute('http-equiv') ?? '').toLowerCase() === 'refresh') {
    const target = (element.getAttribute('content') ?? '').replace(/^\s*\d+\s*;\s*url\s*=\s*/i, '');
    if (!isOwnPath(target)) problems.push(`meta refresh leaving the site ${describe(element)}`);
  }
  return problems;
}
