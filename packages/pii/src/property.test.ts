/**
 * Random valid ID-card, mobile and bank-card numbers, written in random ways, embedded in random text
 * with random neighbours: none may survive masking. Seeded, so a failure names a reproducible case.
 */
import { describe, expect, it } from 'vitest';
import { AREAS, id18, luhnCard, seededRandom, toFullWidth } from '../test/corpus.js';
import { findPersonalData } from './detect.js';
import { maskPersonalData } from './mask.js';
import { maskTable } from './table.js';

const CASES = 3000;
const FILLER = [...'村务公开低保名单户主姓名电话身份证号码发放金额备注，。：；、（）「」 \n\t'];
const SEPARATORS = [' ', '-', '\u3000', '\u00a0', '\u2009', '\u2013', '\u2014', '\uff0d', '\u2010'];
/** Numbers that may stand next to a personal number, joined by one separator. */
const NEIGHBOURS = ['65', '1', '2026', '12,345.00', '3', '0572', '100', '2026-11-30'];

type Kind = 'id-card' | 'mobile' | 'bank-card';

interface Secret {
  kind: Kind;
  digits: string;
  /** Indexes (into `digits`) that must never show: birth date and sequence, a mobile's middle, a card's body. */
  hidden: number[];
}

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

function makeSecret(random: () => number): Secret {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const digits = (n: number) => Array.from({ length: n }, () => Math.floor(random() * 10)).join('');
  const kind = pick<Kind>(['id-card', 'mobile', 'bank-card']);
  if (kind === 'id-card') {
    const year = 1900 + Math.floor(random() * 120);
    const month = 1 + Math.floor(random() * 12);
    const day = 1 + Math.floor(random() * 28);
    const birth = `${year}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}`;
    return { kind, digits: id18(pick(AREAS), birth, digits(3)), hidden: range(6, 17) };
  }
  if (kind === 'mobile') return { kind, digits: `1${pick([...'3456789'])}${digits(9)}`, hidden: range(3, 7) };
  const length = 16 + Math.floor(random() * 4);
  const card = luhnCard(`${pick(['62', '4', '5', '9558', '35'])}${digits(19)}`.slice(0, length - 1));
  return { kind, digits: card, hidden: range(0, card.length - 4) };
}

/** The number as a person might type it: grouped with one separator, full-width, +86. Returns the offsets of its characters. */
function writeSecret(secret: Secret, random: () => number): { text: string; at: number[] } {
  let chars = [...secret.digits];
  if (random() < 0.2) chars = [...toFullWidth(secret.digits)];
  if (secret.kind === 'id-card' && chars[17] === 'X' && random() < 0.3) chars[17] = 'x';
  const sep = SEPARATORS[Math.floor(random() * SEPARATORS.length)] ?? ' ';
  const style = random();
  const breaks = new Set<number>();
  if (style < 0.3) {
    // Groups as on the card or ID: 6-8-4 / 3-4-4 / fours.
    const sizes = secret.kind === 'id-card' ? [6, 8] : secret.kind === 'mobile' ? [3, 4] : [4, 4, 4, 4];
    let p = 0;
    for (const s of sizes) {
      p += s;
      breaks.add(p);
    }
  } else if (style < 0.5) {
    for (let p = 1; p < chars.length; p++) if (random() < 0.25) breaks.add(p);
  }
  let text = '';
  const at: number[] = [];
  if (secret.kind === 'mobile' && random() < 0.25) text += random() < 0.5 ? `+86${sep}` : '0086';
  chars.forEach((c, i) => {
    if (breaks.has(i) && i < chars.length) text += sep;
    at.push(text.length);
    text += c;
  });
  return { text, at };
}

function makeCase(seed: number) {
  const random = seededRandom(seed);
  const filler = () =>
    Array.from(
      { length: 1 + Math.floor(random() * 6) },
      () => FILLER[Math.floor(random() * FILLER.length)],
    ).join('');
  const secrets: { secret: Secret; at: number[] }[] = [];
  let text = filler();
  const count = 1 + Math.floor(random() * 3);
  for (let n = 0; n < count; n++) {
    if (random() < 0.3) {
      const neighbour = NEIGHBOURS[Math.floor(random() * NEIGHBOURS.length)] ?? '';
      text += `${neighbour}${random() < 0.5 ? ' ' : '-'}`;
    }
    const secret = makeSecret(random);
    const written = writeSecret(secret, random);
    secrets.push({ secret, at: written.at.map((p) => p + text.length) });
    text += written.text;
    if (random() < 0.3) text += ` ${NEIGHBOURS[Math.floor(random() * NEIGHBOURS.length)]}`;
    text += filler();
  }
  return { text, secrets };
}

describe('random numbers in random text', () => {
  it(`never survive masking (${CASES} seeded cases)`, () => {
    for (let seed = 1; seed <= CASES; seed++) {
      const { text, secrets } = makeCase(seed);
      const masked = maskPersonalData(text);
      const where = `seed ${seed}: ${JSON.stringify(text)} → ${JSON.stringify(masked)}`;
      expect(findPersonalData(masked), where).toEqual([]);
      const found = findPersonalData(text);
      for (const { secret, at } of secrets) {
        // Found, whole, as part of one finding…
        const first = at[0] ?? -1;
        const last = at[at.length - 1] ?? -1;
        expect(
          found.some((f) => f.start <= first && last < f.end),
          where,
        ).toBe(true);
        // …and masked where it matters.
        for (const i of secret.hidden) expect(masked.charAt(at[i] ?? -1), where).toBe('*');
      }
    }
  });

  it('never survive in a table either, as strings or as numbers', () => {
    const random = seededRandom(42);
    const rows: (string | number)[][] = [['姓名', '号码', '备注']];
    const secrets: Secret[] = [];
    for (let r = 0; r < 300; r++) {
      const secret = makeSecret(random);
      secrets.push(secret);
      const asNumber = secret.kind !== 'id-card' && Number.isSafeInteger(Number(secret.digits));
      rows.push([
        `张${r}`,
        asNumber ? Number(secret.digits) : secret.digits,
        `联系 ${writeSecret(secret, random).text}`,
      ]);
    }
    const { rows: masked } = maskTable(rows);
    masked.forEach((row, r) => {
      for (const cell of row) expect(findPersonalData(cell), cell).toEqual([]);
      const secret = secrets[r - 1];
      if (secret) for (const cell of row) expect(cell).not.toContain(secret.digits);
    });
  });
});
