/**
 * The poster's layout and its pieces, without drawing: every text stays on the page whatever the
 * village's name, the QR path covers exactly the dark modules, names are escaped in the SVG, and the
 * fonts are read from fontconfig's answer.
 */
import { describe, expect, it } from 'vitest';
import { parseFcList } from './poster-fonts.js';
import { A4_MM, emWidth, fitSize, posterLayout, qrPathData } from './poster-layout.js';
import { posterSvg } from './poster-png.js';

const XIANTAN = {
  village: '仙潭村',
  place: '浙江省 德清县 莫干山镇',
  url: 'http://127.0.0.1:8080/v/330521107201/',
};
const LONG = {
  village: '新疆生产建设兵团第八师石河子市北泉镇红旗村',
  place: '新疆维吾尔自治区 石河子市 北泉镇',
  url: 'https://cunmen.example.gov.cn/v/659001101201/',
};

describe('text on the page', () => {
  it.each([
    ['仙潭村', 3],
    ['“扫一扫”', 5],
    ['http://a/', 9 * 0.6],
    ['1. 用', 3 * 0.6 + 1],
  ])('estimates %s at %d em', (text, em) => {
    expect(emWidth(text)).toBeCloseTo(em, 5);
  });

  it('keeps the size that fits and shrinks what does not', () => {
    expect(fitSize('仙潭村', 24, 180)).toBe(24);
    expect(fitSize('一二三四五六七八九十', 24, 180)).toBe(18);
  });

  it.each([
    ['a short name', XIANTAN],
    ['a long name and URL', LONG],
  ])('keeps every line of %s inside the margins', (_what, input) => {
    const layout = posterLayout(input);
    expect(layout.texts.map((t) => t.text)).toContain(input.village);
    for (const t of layout.texts) {
      const width = emWidth(t.text) * t.size;
      const left = t.anchor === 'middle' ? t.x - width / 2 : t.x;
      expect(left, t.text).toBeGreaterThanOrEqual(14.9);
      expect(left + width, t.text).toBeLessThanOrEqual(A4_MM.width - 14.9);
      expect(t.y).toBeLessThan(A4_MM.height);
    }
  });

  it('sets the three lines for residents large (at least 8 mm) even for a long name', () => {
    const lines = posterLayout(LONG).texts.filter((t) => t.anchor === 'start');
    expect(lines).toHaveLength(3);
    expect(lines[1]?.text).toBe(`打开“${LONG.village} 村门”`);
    for (const line of lines) expect(line.size, line.text).toBeGreaterThanOrEqual(4);
    expect(lines[0]?.size).toBeGreaterThanOrEqual(8);
    expect(lines[2]?.size).toBeGreaterThanOrEqual(8);
  });
});

describe('the QR code', () => {
  it('draws exactly the dark modules, each once', () => {
    const { qr } = posterLayout(XIANTAN);
    const painted = new Set<string>();
    for (const m of qrPathData(qr).matchAll(/M(\d+) (\d+)h(\d+)v1h-\3z/g)) {
      const [column, row, run] = [Number(m[1]), Number(m[2]), Number(m[3])];
      for (let c = column; c < column + run; c++) {
        expect(painted.has(`${row},${c}`)).toBe(false);
        painted.add(`${row},${c}`);
      }
    }
    let dark = 0;
    for (let row = 0; row < qr.count; row++) {
      for (let column = 0; column < qr.count; column++) {
        if (qr.dark(row, column)) {
          dark++;
          expect(painted.has(`${row},${column}`)).toBe(true);
        }
      }
    }
    expect(painted.size).toBe(dark);
  });

  it('leaves four modules of quiet zone inside its square, centred on the page', () => {
    const { qr, width } = posterLayout(XIANTAN);
    const quietLeft = qr.x - 4 * qr.module;
    const side = (qr.count + 8) * qr.module;
    expect(quietLeft + side / 2).toBeCloseTo(width / 2, 5);
  });
});

describe('the SVG', () => {
  it('escapes the name and sizes the image for 300 dpi', () => {
    const svg = posterSvg(posterLayout({ ...XIANTAN, village: '<村>&"' }), 'Noto Sans CJK SC');
    expect(svg).toContain('&#60;村&#62;&#38;&#34;');
    expect(svg).not.toContain('<村>');
    expect(svg).toMatch(/^<svg [^>]*width="2480" height="3508" viewBox="0 0 210 297"/);
  });
});

describe('the fonts', () => {
  it('reads the regular and bold faces out of fontconfig', () => {
    const out =
      '/f/NotoSansCJK-Bold.ttc\tNotoSansCJKsc-Bold\n/f/NotoSansCJK-Regular.ttc\tNotoSansCJKsc-Regular\n';
    expect(parseFcList(out)).toEqual({
      family: 'Noto Sans CJK SC',
      regular: { file: '/f/NotoSansCJK-Regular.ttc', postscriptName: 'NotoSansCJKsc-Regular' },
      bold: { file: '/f/NotoSansCJK-Bold.ttc', postscriptName: 'NotoSansCJKsc-Bold' },
    });
  });

  it('sets the name in the regular face when there is no bold one, and gives up without either', () => {
    const regularOnly = parseFcList('/f/R.otf\tNotoSansCJKsc-Regular\n');
    expect(regularOnly?.bold).toEqual(regularOnly?.regular);
    expect(parseFcList('')).toBeNull();
    expect(parseFcList('/f/B.otf\tNotoSansCJKsc-Bold\n')).toBeNull();
  });
});
