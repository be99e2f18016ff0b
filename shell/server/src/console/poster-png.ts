/**
 * The poster as a PNG: the layout written as SVG (millimetre user units on an A4 view box) and rendered
 * by resvg (Rust, prebuilt in its npm package: no canvas, no Cairo, no system library beyond the font
 * files it is given). `renderAsync` runs on libuv's thread pool, so a poster being drawn does not hold up
 * the shell's other requests.
 */
import { crc32 } from 'node:zlib';
import { renderAsync } from '@resvg/resvg-js';
import type { PosterFonts } from './poster-fonts.js';
import { type PosterLayout, qrPathData } from './poster-layout.js';

/** Print resolution: 300 dpi makes an A4 page 2480 × 3508 pixels. */
export const POSTER_DPI = 300;

export function pixelsOf(mm: number, dpi = POSTER_DPI): number {
  return Math.round((mm / 25.4) * dpi);
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function posterSvg(layout: PosterLayout, family: string, dpi = POSTER_DPI): string {
  const { width, height, qr } = layout;
  const shapes = layout.shapes.map((s) =>
    s.kind === 'rect'
      ? `<rect x="${s.x}" y="${s.y}" width="${s.width}" height="${s.height}" fill="${s.color}"/>`
      : `<circle cx="${s.x}" cy="${s.y}" r="${s.width / 2}" fill="${s.color}"/>`,
  );
  const texts = layout.texts.map(
    (t) =>
      `<text x="${t.x}" y="${t.y}" font-size="${t.size.toFixed(3)}" font-weight="${t.bold ? 700 : 400}" fill="${t.color}" text-anchor="${t.anchor}">${escapeXml(t.text)}</text>`,
  );
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${pixelsOf(width, dpi)}" height="${pixelsOf(height, dpi)}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    ...shapes,
    `<path transform="translate(${qr.x} ${qr.y}) scale(${qr.module})" d="${qrPathData(qr)}" fill="#000000" shape-rendering="crispEdges"/>`,
    `<g font-family="${escapeXml(family)}">`,
    ...texts,
    '</g>',
    '</svg>',
  ].join('\n');
}

/**
 * `png` with a pHYs chunk saying `dpi` (as pixels per metre) after its header, so that an image viewer
 * or a print dialog that honours it prints the poster at A4 size rather than at its pixel count.
 */
export function withResolution(png: Buffer, dpi: number): Buffer {
  const perMetre = Math.round(dpi / 0.0254);
  const chunk = Buffer.alloc(4 + 4 + 9 + 4);
  chunk.writeUInt32BE(9, 0);
  chunk.write('pHYs', 4, 'latin1');
  chunk.writeUInt32BE(perMetre, 8);
  chunk.writeUInt32BE(perMetre, 12);
  chunk.writeUInt8(1, 16); // unit: metre
  chunk.writeUInt32BE(crc32(chunk.subarray(4, 17)), 17);
  // Signature (8 bytes) and IHDR (4 length + 4 type + 13 data + 4 CRC) come first.
  const afterHeader = 8 + 25;
  return Buffer.concat([png.subarray(0, afterHeader), chunk, png.subarray(afterHeader)]);
}

export async function posterPng(layout: PosterLayout, fonts: PosterFonts, dpi = POSTER_DPI): Promise<Buffer> {
  const files = [...new Set([fonts.regular.file, fonts.bold.file])];
  const image = await renderAsync(posterSvg(layout, fonts.family, dpi), {
    font: { loadSystemFonts: false, fontFiles: files, defaultFontFamily: fonts.family },
    fitTo: { mode: 'original' },
  });
  return withResolution(image.asPng(), dpi);
}
