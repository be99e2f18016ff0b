/**
 * `cunmen-shell divisions import`: adds or renames divisions from a JSON file, as a county's operator
 * loads its official township and village list (GB/T 2260 codes) — the bulk path next to `seed-demo`.
 * The whole file is checked before anything is written (codes by level, each parent the code's own
 * prefix and known, names non-empty), and written in one transaction: a bad file changes nothing.
 */
import { readFileSync } from 'node:fs';
import { divisionLevel } from '@cunmen/manifest';
import type { Division } from '../storage/types.js';
import { type CliCommand, type CliContext, optionalString } from './command.js';
import { openCliStorage } from './database.js';

/** More than a county has villages, well below what a transaction or a review of the output can take. */
export const MAX_DIVISIONS_PER_IMPORT = 20_000;
const MAX_NAME = 40;

/** The parent code a division must name: its own prefix one level up (a county's is its province). */
export function expectedParent(code: string): string | null {
  switch (divisionLevel(code)) {
    case 'village':
      return code.slice(0, 9);
    case 'township':
      return code.slice(0, 6);
    case 'county':
    case 'city':
      return `${code.slice(0, 2)}0000`;
    default:
      return null;
  }
}

/**
 * The divisions of an import file, or the first problem with it (`entry 3: …`). `known` answers
 * whether a parent not in the file already exists.
 */
export async function parseDivisionFile(
  text: string,
  known: (code: string) => Promise<boolean>,
): Promise<{ divisions: Division[] } | { problem: string }> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { problem: 'not JSON: expected an array of { "code", "name" } objects' };
  }
  if (!Array.isArray(data) || data.length === 0) {
    return { problem: 'expected a non-empty array of { "code", "name" } objects' };
  }
  if (data.length > MAX_DIVISIONS_PER_IMPORT) {
    return { problem: `${data.length} entries: at most ${MAX_DIVISIONS_PER_IMPORT} per import` };
  }
  const divisions: Division[] = [];
  const inFile = new Set<string>();
  for (const [i, entry] of data.entries()) {
    const at = `entry ${i + 1}`;
    const { code, name, parent } = (entry ?? {}) as Record<string, unknown>;
    const level = typeof code === 'string' ? divisionLevel(code) : null;
    if (typeof code !== 'string' || level === null) {
      return { problem: `${at}: code ${JSON.stringify(code)} is not a 6-, 9- or 12-digit division code` };
    }
    if (typeof name !== 'string' || name.trim() === '' || name.length > MAX_NAME) {
      return { problem: `${at} (${code}): name must be 1–${MAX_NAME} characters` };
    }
    const wanted = expectedParent(code);
    if (parent !== undefined && parent !== wanted) {
      return { problem: `${at} (${code}): parent ${JSON.stringify(parent)} is not ${wanted ?? 'null'}` };
    }
    if (inFile.has(code)) return { problem: `${at}: ${code} appears twice` };
    if (wanted !== null && !inFile.has(wanted) && !(await known(wanted))) {
      return { problem: `${at} (${code}): its parent ${wanted} is neither earlier in the file nor known` };
    }
    inFile.add(code);
    divisions.push({ code, level, name: name.trim(), parent: wanted });
  }
  return { divisions };
}

async function importDivisions(ctx: CliContext): Promise<void> {
  const file = optionalString(ctx, 'file');
  if (file === undefined) return ctx.fail('--file is required: a JSON array of { "code", "name" }');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    return ctx.fail(`--file: cannot read ${file} (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const storage = await openCliStorage(ctx);
  try {
    const parsed = await parseDivisionFile(
      text,
      async (code) => (await storage.divisions.getDivision(code)) !== null,
    );
    if ('problem' in parsed) return ctx.fail(`--file ${file}: ${parsed.problem}; nothing was imported`);
    await storage.divisions.upsertDivisions(parsed.divisions);
    const villages = parsed.divisions.filter((d) => d.level === 'village').length;
    ctx.out(`imported ${parsed.divisions.length} divisions (${villages} villages)\n`);
  } finally {
    await storage.close();
  }
}

export const divisionCommands: CliCommand[] = [
  {
    name: 'divisions import',
    summary: 'add or rename divisions (townships, villages) from a JSON file',
    help: `Usage: cunmen-shell divisions import --file <divisions.json> --data <dir>

Adds the divisions in the file, or renames those that exist. The file is a JSON array of
{ "code": "330521107201", "name": "仙潭村" } in the order parents first; a parent is the code's own
prefix (village → township → county → province) and must be earlier in the file or already known.
The whole file is checked first: a bad entry is named and nothing is imported. Running it again
changes nothing.
  --file    the divisions, JSON
  --data    data directory
`,
    options: { file: { type: 'string' } },
    run: importDivisions,
  },
];
