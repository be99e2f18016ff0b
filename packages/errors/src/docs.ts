/**
 * The docs-sync check each family's test runs against the page its `docsLink`s point to (Fastify's
 * errors.test idea): every code is on the page — as a heading `### CODE` or as the first cell of a
 * table row `` | `CODE` | 409 | … | `` — with the status the family gives it, and the page lists no code
 * under the family's prefix that the family does not have.
 */
import type { ErrorFamily, ErrorTable } from './define.js';

export interface DocsDrift {
  /** Codes the family has that the page does not document. */
  undocumented: string[];
  /** Codes the page documents under the family's prefix that the family does not have. */
  unknown: string[];
  /** `CODE: page says 400, code says 409` for table rows whose status column disagrees. */
  wrongStatus: string[];
}

export function docsDrift<T extends ErrorTable>(family: ErrorFamily<T>, markdown: string): DocsDrift {
  const code = `(${family.prefix}_ERR_[A-Z0-9_]+)`;
  const heading = new RegExp(`^#{2,6}\\s+\`?${code}\`?\\s*(?:\\{#[^}]*\\})?\\s*$`, 'gm');
  const row = new RegExp(`^\\|\\s*\`${code}\`\\s*\\|\\s*([^|]*?)\\s*\\|`, 'gm');
  const documented = new Set<string>();
  const wrongStatus: string[] = [];
  for (const m of markdown.matchAll(heading)) documented.add(m[1] as string);
  for (const m of markdown.matchAll(row)) {
    const name = m[1] as string;
    documented.add(name);
    const status = Number(m[2]);
    const spec = (family.codes as ErrorTable)[name];
    if (spec && /^\d{3}$/.test(m[2] ?? '') && status !== spec.status) {
      wrongStatus.push(`${name}: page says ${status}, code says ${spec.status}`);
    }
  }
  const codes = Object.keys(family.codes);
  return {
    undocumented: codes.filter((c) => !documented.has(c)),
    unknown: [...documented].filter((c) => !Object.hasOwn(family.codes, c)),
    wrongStatus,
  };
}
