// `npm run bench -- --compare <baseline.json>`: a figure regresses when its score (the ratio to its
// baseline for ratio goals, else its median) is more than `tolerance` worse than the saved run's.
// Figures present in only one of the two runs are listed, never counted as regressions: a part that
// was not selected this time says nothing about speed.

export const DEFAULT_TOLERANCE = 0.2;

/**
 * Compares two result objects (the shape of bench/results/latest.json).
 * Returns `{ regressions, improvements, unchanged, missing }`; each entry `{ id, measure, before, after, change }`
 * where `change` is the relative change in the figure's bad direction (0.25 = 25 % worse).
 */
export function compareResults(baseline, current, tolerance = DEFAULT_TOLERANCE) {
  const before = new Map(scored(baseline).map((f) => [f.id, f]));
  const out = { regressions: [], improvements: [], unchanged: [], missing: [] };
  for (const f of scored(current)) {
    const old = before.get(f.id);
    before.delete(f.id);
    if (!old) {
      out.missing.push({ id: f.id, measure: f.measure, in: 'baseline' });
      continue;
    }
    const change = worsening(old.score, f.score, f.better);
    const entry = { id: f.id, measure: f.measure, before: old.score, after: f.score, change };
    if (change > tolerance) out.regressions.push(entry);
    else if (change < -tolerance) out.improvements.push(entry);
    else out.unchanged.push(entry);
  }
  for (const old of before.values()) out.missing.push({ id: old.id, measure: old.measure, in: 'current' });
  return out;
}

function scored(results) {
  return (results?.figures ?? []).filter((f) => typeof f.score === 'number' && Number.isFinite(f.score));
}

/** How much worse `after` is than `before`, relative to `before` (negative when better). */
export function worsening(before, after, better) {
  if (before === 0) return after === 0 ? 0 : better === 'lower' ? Number.POSITIVE_INFINITY : -1;
  const delta = (after - before) / Math.abs(before);
  return better === 'lower' ? delta : -delta;
}
