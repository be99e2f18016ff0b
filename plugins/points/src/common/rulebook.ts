/**
 * Adopting a rule book: only by a recorded assembly decision that carries (more than half of those
 * present vote for it), from a day no earlier than the assembly or the version in force — a change never
 * reaches back over entries already made.
 */
import { pointsErrors } from './errors.js';
import type { AssemblyRecord, RuleBook } from './model.js';

/** The refusal for this adoption, or null. `previous` is the latest adopted version. */
export function checkAdoption(
  adoptedOn: string,
  assembly: AssemblyRecord | undefined,
  previous: Pick<RuleBook, 'adoptedOn'> | null,
  today: string,
) {
  if (!assembly) return pointsErrors.error('POINTS_ERR_ASSEMBLY_REQUIRED', { field: 'assembly' });
  const cast = assembly.votesFor + assembly.votesAgainst + assembly.abstaining;
  if (cast > assembly.attendance) return pointsErrors.error('POINTS_ERR_VOTES', { field: 'assembly' });
  if (assembly.votesFor * 2 <= assembly.attendance) {
    return pointsErrors.error('POINTS_ERR_NOT_ADOPTED', { field: 'assembly' });
  }
  const floor = [assembly.date, previous?.adoptedOn ?? '', previous ? today : ''].sort().at(-1) ?? '';
  // A new version applies no earlier than today once a version is in force: entries already made
  // under the old one must stay as they were.
  if (adoptedOn < floor) return pointsErrors.error('POINTS_ERR_BACKDATED', { field: 'adoptedOn' });
  return null;
}

/** The version in force on `day`: the latest adopted on or before it. */
export function inForce<R extends Pick<RuleBook, 'adoptedOn' | 'version'>>(
  books: readonly R[],
  day: string,
): R | null {
  let best: R | null = null;
  for (const b of books) if (b.adoptedOn <= day && (!best || b.version > best.version)) best = b;
  return best;
}
