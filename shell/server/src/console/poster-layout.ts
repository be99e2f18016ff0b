/**
 * The QR poster's layout, in millimetres on an A4 page, drawn the same by the PNG (poster-png.ts) and
 * the PDF (poster-pdf.ts) renderers: a band with the village's name, the QR code of its resident portal,
 * three numbered lines for residents in large type, and the address to type for those who cannot scan.
 * Pure: it measures text by an estimate (a CJK glyph is one em, anything else at most 0.6 em) and shrinks
 * a line that would not fit rather than let a long village name run off the page.
 */
import QRCode from 'qrcode';

export const A4_MM = { width: 210, height: 297 } as const;

/** The UI kit's primary blue and text colours (packages/ui tokens): the poster looks like the portal. */
const BLUE = '#0b57d0';
const TEXT = '#1f2329';
const SECONDARY = '#575d66';
const WHITE = '#ffffff';

export interface PosterText {
  text: string;
  /** Left end (anchor `start`) or centre (`middle`) of the baseline. */
  x: number;
  y: number;
  size: number;
  bold: boolean;
  color: string;
  anchor: 'start' | 'middle';
}

export interface PosterShape {
  kind: 'rect' | 'circle';
  /** A rect's top left corner, a circle's centre. */
  x: number;
  y: number;
  /** A rect's width and height; a circle's radius is `width / 2`. */
  width: number;
  height: number;
  color: string;
}

export interface PosterQr {
  /** Top left of the code's dark area (the quiet zone lies around it, inside `quiet`). */
  x: number;
  y: number;
  /** One module's side. */
  module: number;
  /** Modules per side. */
  count: number;
  dark(row: number, column: number): boolean;
}

export interface PosterLayout {
  width: number;
  height: number;
  shapes: PosterShape[];
  texts: PosterText[];
  qr: PosterQr;
}

export interface PosterInput {
  /** The village's name, e.g. 仙潭村. */
  village: string;
  /** Where it is, e.g. 浙江省 德清县 莫干山镇 (empty when unknown). */
  place: string;
  /** The resident portal's URL the QR code holds. */
  url: string;
}

/** What the resident sees as the portal's name (the portal's page title, shell/web `portal.portalOf`). */
export function portalTitle(village: string): string {
  return `${village} 村门`;
}

/** The three lines residents read under the code. */
export function posterLines(village: string): [string, string, string] {
  return ['用微信“扫一扫”扫上面的二维码', `打开“${portalTitle(village)}”`, '点右上角“长辈版”，字更大'];
}

/** Estimated advance of `text` in ems: CJK ideographs, kana, full-width forms and CJK quotes are one em. */
export function emWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    width += cp >= 0x2e80 || cp === 0x201c || cp === 0x201d || cp === 0x2018 || cp === 0x2019 ? 1 : 0.6;
  }
  return width;
}

/** The largest size up to `max` at which `text` fits in `room` millimetres. */
export function fitSize(text: string, max: number, room: number): number {
  const em = emWidth(text);
  return em === 0 ? max : Math.min(max, room / em);
}

/**
 * The dark modules as SVG path data in module units (both renderers draw it): one rectangle per run of
 * dark modules in a row, so the code is one filled path with no seams between neighbouring modules.
 */
export function qrPathData(qr: PosterQr): string {
  let d = '';
  for (let row = 0; row < qr.count; row++) {
    let column = 0;
    while (column < qr.count) {
      if (!qr.dark(row, column)) {
        column++;
        continue;
      }
      const start = column;
      while (column < qr.count && qr.dark(row, column)) column++;
      d += `M${start} ${row}h${column - start}v1h-${column - start}z`;
    }
  }
  return d;
}

const MARGIN = 15;
const BAND = 60;
const QR_TOP = 70;
const QR_SIDE = 124;
const LINES_TOP = QR_TOP + QR_SIDE + 20;
const LINE_GAP = 17;
const NUMBER_X = MARGIN + 9;
const LINE_X = NUMBER_X + 11;

/** The poster for one village, its QR code at error correction M (a print on a notice board smudges). */
export function posterLayout(input: PosterInput): PosterLayout {
  const { width, height } = A4_MM;
  const code = QRCode.create(input.url, { errorCorrectionLevel: 'M' });
  const count = code.modules.size;
  // Four modules of quiet zone on each side, inside the square the code is given.
  const module = QR_SIDE / (count + 8);
  const shapes: PosterShape[] = [{ kind: 'rect', x: 0, y: 0, width, height: BAND, color: BLUE }];
  const texts: PosterText[] = [
    {
      text: input.village,
      x: width / 2,
      y: 34,
      size: fitSize(input.village, 24, width - 2 * MARGIN),
      bold: true,
      color: WHITE,
      anchor: 'middle',
    },
    {
      text: '村门 · 本村的网上服务',
      x: width / 2,
      y: 50,
      size: 9,
      bold: false,
      color: WHITE,
      anchor: 'middle',
    },
  ];
  posterLines(input.village).forEach((line, i) => {
    const baseline = LINES_TOP + i * LINE_GAP;
    const size = fitSize(line, 10, width - MARGIN - LINE_X);
    shapes.push({ kind: 'circle', x: NUMBER_X, y: baseline - 3.6, width: 12, height: 12, color: BLUE });
    texts.push(
      { text: String(i + 1), x: NUMBER_X, y: baseline, size: 9, bold: true, color: WHITE, anchor: 'middle' },
      { text: line, x: LINE_X, y: baseline, size, bold: false, color: TEXT, anchor: 'start' },
    );
  });
  const typed = `没有微信也能用：用手机浏览器打开 ${input.url}`;
  texts.push({
    text: typed,
    x: width / 2,
    y: 268,
    size: fitSize(typed, 5, width - 2 * MARGIN),
    bold: false,
    color: TEXT,
    anchor: 'middle',
  });
  const footer = [input.place, portalTitle(input.village)].filter(Boolean).join(' · ');
  texts.push({
    text: footer,
    x: width / 2,
    y: 284,
    size: fitSize(footer, 4.5, width - 2 * MARGIN),
    bold: false,
    color: SECONDARY,
    anchor: 'middle',
  });
  return {
    width,
    height,
    shapes,
    texts,
    qr: {
      x: (width - QR_SIDE) / 2 + 4 * module,
      y: QR_TOP + 4 * module,
      module,
      count,
      dark: (row, column) => Boolean(code.modules.get(row, column)),
    },
  };
}
