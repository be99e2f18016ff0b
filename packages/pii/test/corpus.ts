/**
 * Test data built the long way round, independent of the package's own checks: ID-card numbers with
 * their real check characters, Luhn-complete card numbers, a GBK encoder, a seeded random source.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11643: sum of digit × 2^(17-i) mod 11, mapped 0→1, 1→0, 2→X, 3→9 … 10→2. */
export function checkChar(first17: string): string {
  const sum = [...first17].reduce((s, d, i) => s + Number(d) * (WEIGHTS[i] ?? 0), 0);
  return '10X98765432'.charAt(sum % 11);
}

/** A valid 18-character ID number: area (6 digits), birth date YYYYMMDD, sequence (3 digits). */
export function id18(area: string, birth: string, seq: string): string {
  const first17 = `${area}${birth}${seq}`;
  return first17 + checkChar(first17);
}

/** The same number with a wrong check character. */
export function wrongCheck(id: string): string {
  const right = id.charAt(17);
  const wrong = right === '0' ? '1' : '0';
  return id.slice(0, 17) + wrong;
}

/** A valid ID number whose check character is X (the first sequence from `seqFrom` that gives one). */
export function id18WithX(area: string, birth: string): string {
  for (let seq = 100; seq < 1000; seq++) {
    const id = id18(area, birth, String(seq));
    if (id.endsWith('X')) return id;
  }
  throw new Error('no X check character');
}

export function luhnCheckDigit(body: string): string {
  let sum = 0;
  // The check digit will be rightmost, so the body's last digit is doubled.
  for (let i = body.length - 1, double = true; i >= 0; i--, double = !double) {
    let d = Number(body[i]);
    if (double) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** `body` plus its Luhn check digit. */
export function luhnCard(body: string): string {
  return body + luhnCheckDigit(body);
}

/** `body` plus a check digit that fails Luhn. */
export function notLuhnCard(body: string): string {
  return body + String((Number(luhnCheckDigit(body)) + 1) % 10);
}

export function toFullWidth(s: string): string {
  return s.replace(/[0-9Xx]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}

let gbkTable: Map<string, number[]> | undefined;

/** GBK bytes of `s`: ASCII as is, everything else by the two-byte GBK code TextDecoder('gb18030') maps to it. */
export function gbkEncode(s: string): Uint8Array {
  if (!gbkTable) {
    gbkTable = new Map();
    const decoder = new TextDecoder('gb18030');
    for (let lead = 0x81; lead <= 0xfe; lead++) {
      for (let trail = 0x40; trail <= 0xfe; trail++) {
        if (trail === 0x7f) continue;
        const c = decoder.decode(new Uint8Array([lead, trail]));
        if (c.length === 1 && c !== '\ufffd' && !gbkTable.has(c)) gbkTable.set(c, [lead, trail]);
      }
    }
  }
  const out: number[] = [];
  for (const c of s) {
    const code = c.charCodeAt(0);
    if (code < 0x80) out.push(code);
    else {
      const bytes = gbkTable.get(c);
      if (!bytes) throw new Error(`not in GBK: ${c}`);
      out.push(...bytes);
    }
  }
  return new Uint8Array(out);
}

/** mulberry32: the same cases on every run, so a failure can be reproduced. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A few real-looking areas: 德清 330521, 东城 110101, 天河 440106, 武侯 510107, 乌鲁木齐天山 650102.
export const AREAS = ['330521', '110101', '440106', '510107', '650102', '320582', '130102'];

export const ZHANG_ID = id18('330521', '19900307', '123');
export const LI_ID = id18('110101', '19651231', '042');
