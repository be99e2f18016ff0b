/**
 * The poster as a one-page A4 PDF drawn with pdfkit from the same layout as the PNG: vector shapes, the
 * QR code as one vector path and real text in the embedded (subset) Noto Sans CJK face, so it prints
 * sharp at any size and stays small; its text can be searched and copied.
 */
import PDFDocument from 'pdfkit';
import type { PosterFonts } from './poster-fonts.js';
import { type PosterLayout, portalTitle, qrPathData } from './poster-layout.js';

/** PDF points per millimetre. */
const PT = 72 / 25.4;

export async function posterPdf(layout: PosterLayout, fonts: PosterFonts, village: string): Promise<Buffer> {
  const doc = new PDFDocument({
    size: [layout.width * PT, layout.height * PT],
    margin: 0,
    info: { Title: `${portalTitle(village)} 二维码海报`, Author: '村门', Creator: '村门工作台' },
    lang: 'zh-CN',
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', fonts.regular.file, fonts.regular.postscriptName);
  doc.registerFont('bold', fonts.bold.file, fonts.bold.postscriptName);

  for (const s of layout.shapes) {
    if (s.kind === 'rect') doc.rect(s.x * PT, s.y * PT, s.width * PT, s.height * PT).fill(s.color);
    else doc.circle(s.x * PT, s.y * PT, (s.width / 2) * PT).fill(s.color);
  }
  const { qr } = layout;
  doc
    .save()
    .translate(qr.x * PT, qr.y * PT)
    .scale(qr.module * PT)
    .path(qrPathData(qr))
    .fill('#000000')
    .restore();
  for (const t of layout.texts) {
    doc
      .font(t.bold ? 'bold' : 'regular')
      .fontSize(t.size * PT)
      .fillColor(t.color);
    const x = t.anchor === 'middle' ? t.x * PT - doc.widthOfString(t.text) / 2 : t.x * PT;
    doc.text(t.text, x, t.y * PT, { baseline: 'alphabetic', lineBreak: false });
  }
  doc.end();
  return done;
}
