/**
 * Excerpts for lists: the lead when there is one, else the first words of the
 * body, cut at a word boundary and ended with "…".
 */
import { nfc, squashWhitespace } from './text.ts';

/**
 * Plain text of the opening paragraphs of a Markdown body: headings, images,
 * HTML, code and MDX syntax dropped; links and emphasis reduced to their text.
 * Reads only as far as it needs (`maxChars`), so it stays cheap on long articles.
 */
export function markdownToPlainText(markdown: string, maxChars = 2000): string {
  const out: string[] = [];
  let length = 0;
  let fence: string | null = null;
  for (const rawLine of markdown.split('\n')) {
    const line = rawLine.trim();
    const fenceMatch = /^(```|~~~)/.exec(line);
    if (fenceMatch) {
      fence = fence ? null : fenceMatch[1]!;
      continue;
    }
    if (fence) continue;
    if (
      line === '' ||
      /^#{1,6}\s/.test(line) ||
      /^(import|export)\s/.test(line) ||
      /^<\/?[A-Za-z][^>]*>$/.test(line) ||
      /^\|/.test(line) ||
      /^[-*_]{3,}$/.test(line) ||
      /^!\[[^\]]*\]\([^)]*\)$/.test(line)
    ) {
      continue;
    }
    const text = line
      .replace(/^>\s?/, '')
      .replace(/^([-*+]|\d+\.)\s+/, '')
      .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
      .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
      .replace(/<[^>]+>/g, '')
      .replace(/\{[^}]*\}/g, '')
      .replace(/(\*\*|__|\*|_|`|~~)/g, '');
    if (text.trim() === '') continue;
    out.push(text);
    length += text.length;
    if (length >= maxChars) break;
  }
  return squashWhitespace(nfc(out.join(' ')));
}

/** Cuts text to at most `maxLength` characters at a word boundary, adding "…" when cut. */
export function truncateWords(text: string, maxLength: number): string {
  const clean = squashWhitespace(text);
  const chars = Array.from(clean);
  if (chars.length <= maxLength) return clean;
  const slice = chars.slice(0, maxLength).join('');
  const nextChar = chars[maxLength] ?? ' ';
  let cut = slice;
  if (!/\s/.test(nextChar)) {
    const lastSpace = slice.lastIndexOf(' ');
    if (lastSpace > 0) cut = slice.slice(0, lastSpace);
  }
  return `${cut.replace(/[\s,;:.\-–—(]+$/u, '')}…`;
}

/** The excerpt of an article: its lead, or the start of its body. */
export function makeExcerpt(lead: string | undefined, body: string, maxLength: number): string {
  const source = lead?.trim() ? lead : markdownToPlainText(body, maxLength * 2);
  return truncateWords(source, maxLength);
}
