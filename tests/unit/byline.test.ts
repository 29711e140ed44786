import { describe, expect, it } from 'vitest';
import { bylineParts, formatByline } from '../../src/lib/byline.ts';

const labels = { reporter: 'Tin', photographer: 'Ảnh' };

describe('byline', () => {
  it('joins reporter and photographer', () => {
    expect(formatByline(['Lê Oanh'], ['Hoàng Phước'], labels)).toBe('Tin: Lê Oanh; Ảnh: Hoàng Phước');
  });

  it('joins several names with commas', () => {
    expect(formatByline(['Lê Oanh', 'Trần Minh'], ['Hoàng Phước', 'Vũ Lan'], labels)).toBe(
      'Tin: Lê Oanh, Trần Minh; Ảnh: Hoàng Phước, Vũ Lan',
    );
  });

  it('has no photo part without a photographer', () => {
    expect(formatByline(['Lê Oanh'], undefined, labels)).toBe('Tin: Lê Oanh');
    expect(formatByline(['Lê Oanh'], [], labels)).toBe('Tin: Lê Oanh');
    expect(bylineParts(['Lê Oanh'], [], labels)).toHaveLength(1);
  });

  it('uses the configured labels', () => {
    expect(formatByline(['A'], ['B'], { reporter: 'Text', photographer: 'Photos' })).toBe('Text: A; Photos: B');
  });
});
