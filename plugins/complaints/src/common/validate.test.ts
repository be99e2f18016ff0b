import { describe, expect, it } from 'vitest';
import { dispatchTargets, unitName, within } from './divisions.js';
import { checkSubmission, photoType } from './validate.js';

describe('checkSubmission', () => {
  it('names the field and the code of each problem', () => {
    expect(checkSubmission({ category: 'roads', text: '路灯坏了' })).toBeNull();
    expect(checkSubmission({ category: 'ufo', text: 'x' })).toMatchObject({
      code: 'COMPLAINTS_ERR_CATEGORY',
      field: 'category',
    });
    expect(checkSubmission({ category: 'toString', text: 'x' })?.code).toBe('COMPLAINTS_ERR_CATEGORY');
    expect(checkSubmission({ category: 'roads', text: '   ' })).toMatchObject({
      code: 'COMPLAINTS_ERR_TEXT_REQUIRED',
      field: 'text',
    });
    expect(checkSubmission({ category: 'roads', text: '字'.repeat(2000) })).toBeNull();
    expect(checkSubmission({ category: 'roads', text: '字'.repeat(2001) })).toMatchObject({
      code: 'COMPLAINTS_ERR_TEXT_TOO_LONG',
      field: 'text',
    });
    expect(checkSubmission({ category: 'roads', text: 'x', photos: [1, 2, 3, 4, 5, 6] })).toBeNull();
    expect(checkSubmission({ category: 'roads', text: 'x', photos: [1, 2, 3, 4, 5, 6, 7] })).toMatchObject({
      code: 'COMPLAINTS_ERR_TOO_MANY_PHOTOS',
      field: 'photos',
    });
  });
});

describe('photoType', () => {
  it('recognises JPEG, PNG and WebP by their magic bytes only', () => {
    expect(photoType(new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0]))).toBe('image/jpeg');
    expect(photoType(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe('image/png');
    expect(photoType(new TextEncoder().encode('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(photoType(new TextEncoder().encode('GIF89a......'))).toBeNull();
    expect(photoType(new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>'))).toBeNull();
    expect(photoType(new Uint8Array([0xff, 0xd8]))).toBeNull();
  });
});

describe('divisions', () => {
  it('applies the prefix rule and names units', () => {
    expect(within('330521107', '330521107201')).toBe(true);
    expect(within('330521003', '330521107201')).toBe(false);
    expect(within('330000', '330521107201')).toBe(true);
    expect(within('370000', '330521107201')).toBe(false);
    expect(dispatchTargets('330521107201')).toEqual(['330521107201', '330521107', '330521']);
    expect(unitName('village', '仙潭村')).toBe('仙潭村村民委员会');
    expect(unitName('township', '莫干山镇')).toBe('莫干山镇人民政府');
    expect(unitName('township', '阜溪街道')).toBe('阜溪街道办事处');
    expect(unitName('county', '德清县', '水利局')).toBe('德清县水利局');
    expect(unitName('county', '德清县', '德清县交通运输局')).toBe('德清县交通运输局');
    expect(unitName('county', '德清县')).toBe('德清县人民政府');
  });
});
