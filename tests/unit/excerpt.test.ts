import { describe, expect, it } from 'vitest';
import { makeExcerpt, markdownToPlainText, truncateWords } from '../../src/lib/excerpt.ts';

describe('truncateWords', () => {
  it('keeps short text whole, without an ellipsis', () => {
    expect(truncateWords('Ngắn gọn.', 50)).toBe('Ngắn gọn.');
  });

  it('cuts at a word boundary and ends with …', () => {
    const result = truncateWords('Thành phố khởi công cầu vượt nút giao Nguyễn Văn Linh', 20);
    expect(result).toBe('Thành phố khởi công…');
    expect(Array.from(result).length).toBeLessThanOrEqual(21);
  });

  it('never cuts inside a word', () => {
    const result = truncateWords('Chuyển đổi số trong cải cách hành chính', 12);
    expect(result).toBe('Chuyển đổi…');
  });

  it('drops trailing punctuation before the ellipsis', () => {
    expect(truncateWords('Hải Phòng, Quảng Ninh, Thái Bình', 12)).toBe('Hải Phòng…');
  });

  it('counts characters, not UTF-16 units, and handles NFD text', () => {
    const nfd = 'Đường Lạch Tray được mở rộng'.normalize('NFD');
    expect(truncateWords(nfd, 200)).toBe(nfd);
  });
});

describe('markdownToPlainText', () => {
  it('drops headings, images, HTML and MDX; keeps link and emphasis text', () => {
    const md = [
      '## Tiêu đề phụ',
      '',
      '![Ảnh](./images/a.jpg "Chú thích")',
      '',
      'Đoạn có **chữ đậm**, _nghiêng_ và [liên kết](https://example.org).',
      '',
      '<div class="x">',
      '',
      'import X from "./x"',
      '',
      '> Trích dẫn quan trọng.',
    ].join('\n');
    expect(markdownToPlainText(md)).toBe('Đoạn có chữ đậm, nghiêng và liên kết. Trích dẫn quan trọng.');
  });

  it('skips fenced code', () => {
    expect(markdownToPlainText('```\ncode\n```\nVăn bản.')).toBe('Văn bản.');
  });
});

describe('makeExcerpt', () => {
  it('uses the lead when there is one', () => {
    expect(makeExcerpt('Sapo của bài.', 'Thân bài.', 100)).toBe('Sapo của bài.');
  });

  it('falls back to the body', () => {
    expect(makeExcerpt(undefined, '## H\n\nĐoạn đầu tiên của thân bài rất dài.', 20)).toBe('Đoạn đầu tiên của…');
  });
});
