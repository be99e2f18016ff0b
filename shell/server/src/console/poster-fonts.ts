/**
 * The Chinese font the poster is set in: Noto Sans CJK SC, regular and bold, from the machine's fonts
 * (Debian's `fonts-noto-cjk`, which `npm test` installs when missing). Found through fontconfig, which
 * also gives each face's PostScript name — the PDF renderer needs it to pick the SC face out of the
 * `.ttc` collection — with Debian's path as the fallback where `fc-list` is absent. No font is bundled:
 * a CJK face is 20 MB and every village name needs the full set.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { shellError } from '../errors.js';

export const POSTER_FAMILY = 'Noto Sans CJK SC';

export interface FontFace {
  file: string;
  postscriptName: string;
}

export interface PosterFonts {
  family: string;
  regular: FontFace;
  bold: FontFace;
}

const DEBIAN_DIR = '/usr/share/fonts/opentype/noto';

/** The faces of `fc-list -f '%{file}\t%{postscriptname}\n' 'Noto Sans CJK SC'` output, regular and bold. */
export function parseFcList(output: string): PosterFonts | null {
  const faces = output
    .split('\n')
    .map((line) => line.split('\t'))
    .filter((parts): parts is [string, string] => parts.length === 2 && parts[0] !== '' && parts[1] !== '')
    .map(([file, postscriptName]) => ({ file, postscriptName }));
  const face = (weight: string) => faces.find((f) => f.postscriptName.endsWith(`-${weight}`));
  const regular = face('Regular');
  if (!regular) return null;
  // Without the bold face the name is set in the regular one: still a poster.
  return { family: POSTER_FAMILY, regular, bold: face('Bold') ?? regular };
}

function fromFontconfig(): PosterFonts | null {
  const listed = spawnSync('fc-list', ['-f', '%{file}\t%{postscriptname}\n', POSTER_FAMILY], {
    encoding: 'utf8',
    timeout: 10_000,
  });
  return listed.status === 0 ? parseFcList(listed.stdout) : null;
}

function fromDebianPath(): PosterFonts | null {
  const regular = `${DEBIAN_DIR}/NotoSansCJK-Regular.ttc`;
  const bold = `${DEBIAN_DIR}/NotoSansCJK-Bold.ttc`;
  if (!existsSync(regular)) return null;
  return {
    family: POSTER_FAMILY,
    regular: { file: regular, postscriptName: 'NotoSansCJKsc-Regular' },
    bold: existsSync(bold)
      ? { file: bold, postscriptName: 'NotoSansCJKsc-Bold' }
      : {
          file: regular,
          postscriptName: 'NotoSansCJKsc-Regular',
        },
  };
}

let found: PosterFonts | null = null;

/** The poster's fonts, looked up once found; a 503 naming the package to install when there are none. */
export function posterFonts(): PosterFonts {
  found ??= fromFontconfig() ?? fromDebianPath();
  if (!found) {
    throw shellError(
      'SHELL_ERR_POSTER_NO_FONT',
      `no ${POSTER_FAMILY} font on this server: install fonts-noto-cjk (Debian) to print posters`,
    );
  }
  return found;
}
