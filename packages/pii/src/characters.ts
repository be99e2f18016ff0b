/**
 * The character classes the detector works with, by UTF-16 code unit. Every class is a single unit, so
 * masking a character never changes the length of the text and findings' offsets stay valid.
 */

/** The digit's value for ASCII 0-9 and full-width ０-９, else -1. */
export function digitValue(code: number): number {
  if (code >= 0x30 && code <= 0x39) return code - 0x30;
  if (code >= 0xff10 && code <= 0xff19) return code - 0xff10;
  return -1;
}

/** X, x and full-width Ｘ, ｘ: the ID-card check character 10. */
export function isCheckX(code: number): boolean {
  return code === 0x58 || code === 0x78 || code === 0xff38 || code === 0xff58;
}

/**
 * What may stand between the groups of one number: spaces (ASCII, no-break, ideographic, the U+2000
 * family, narrow no-break) and dashes (hyphen-minus, hyphen, non-breaking hyphen, figure dash, en and em
 * dash, minus, full-width hyphen-minus). Dots and commas are not: they belong to amounts and dates.
 */
export function isSeparator(code: number): boolean {
  return (
    code === 0x20 ||
    code === 0xa0 ||
    code === 0x3000 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x2d ||
    (code >= 0x2010 && code <= 0x2014) ||
    code === 0x2212 ||
    code === 0xff0d
  );
}

/**
 * Letters that glue to a number and make it part of a code (`DD13812345678`, a hash, a file name):
 * ASCII and full-width Latin letters. Han characters and punctuation are boundaries, so
 * `电话13812345678` is a phone number.
 */
export function isGlue(code: number): boolean {
  return (
    (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x61 && code <= 0x7a) ||
    (code >= 0xff21 && code <= 0xff3a) ||
    (code >= 0xff41 && code <= 0xff5a)
  );
}

/** `s` with full-width digits and X made ASCII (x upper-cased) and every separator removed. */
export function compactNumber(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    const d = digitValue(code);
    if (d >= 0) out += String(d);
    else if (isCheckX(code)) out += 'X';
    else if (!isSeparator(code)) out += s.charAt(i);
  }
  return out;
}
