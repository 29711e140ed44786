import { describe, expect, it } from 'vitest';
import { slugFromFileName, slugify } from '../../src/lib/slug.ts';

describe('slugify', () => {
  it('removes Vietnamese diacritics and maps đ to d', () => {
    expect(slugify('Đại hội Đảng bộ quận Lê Chân')).toBe('dai-hoi-dang-bo-quan-le-chan');
    expect(slugify('Chuyển đổi số ở Hải Phòng')).toBe('chuyen-doi-so-o-hai-phong');
    expect(slugify('Ưu tiên ngư dân, Ổn định đời sống')).toBe('uu-tien-ngu-dan-on-dinh-doi-song');
  });

  it('gives the same slug for NFC and NFD input', () => {
    const title = 'Nghị quyết về đầu tư công năm 2024';
    expect(slugify(title.normalize('NFD'))).toBe(slugify(title.normalize('NFC')));
    expect(slugify(title.normalize('NFD'))).toBe('nghi-quyet-ve-dau-tu-cong-nam-2024');
  });

  it('turns runs of other characters into one dash and lower-cases', () => {
    expect(slugify('  GDP tăng 7,5% — "kỷ lục"!  ')).toBe('gdp-tang-7-5-ky-luc');
    expect(slugify('HĐND TP.Hải Phòng')).toBe('hdnd-tp-hai-phong');
  });

  it('does not split camel case words', () => {
    expect(slugify('VinFast ra mắt')).toBe('vinfast-ra-mat');
  });
});

describe('slugFromFileName', () => {
  it('drops the extension and folders', () => {
    expect(slugFromFileName('2024/08/Đại-hội-Đảng-bộ-quận.md')).toBe('dai-hoi-dang-bo-quan');
    expect(slugFromFileName('bai-viet.mdx')).toBe('bai-viet');
  });

  it('treats a decomposed (macOS) file name like the composed one', () => {
    expect(slugFromFileName('Đại-hội-Đảng.md'.normalize('NFD'))).toBe('dai-hoi-dang');
  });
});
