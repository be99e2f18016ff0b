/**
 * How `cunmen-shell` prints a refused operation: the English text and the code, the Chinese text, then
 * each problem of a refused config and what changed since a stale base, one per line.
 */
import { detailsOf, isShellError } from '../errors.js';

export function describeShellRefusal(err: unknown): string {
  if (!isShellError(err)) return String(err);
  const lines = [`${err.message} (${err.code})`];
  if (err.zh !== err.message) lines.push(err.zh);
  const details = detailsOf(err);
  for (const p of details?.problems ?? []) lines.push(`  ${p.field}: ${p.message}`);
  if (details?.changes) lines.push(`changes since the base: ${JSON.stringify(details.changes)}`);
  return lines.join('\n');
}
