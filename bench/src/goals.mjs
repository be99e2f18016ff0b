// Issue #16's goal table, one row per figure. A figure is measured as min/median/max; when its goal is a
// ratio, the baseline it is a ratio of is measured in the same run, so the machine's load cancels out.

/**
 * A figure of the table.
 * - `limit`: an absolute goal (`value ≤ limit` when `better` is 'lower', `≥` when 'higher').
 * - `ratio`: a goal over a baseline (`value / baseline ≤ ratio` or `≥ ratio`); `baseline` is its summary.
 */
export function figure({ id, measure, unit, better, value, limit, baseline, ratio, note }) {
  const row = { id, measure, unit, better, value };
  if (baseline !== undefined) row.baseline = baseline;
  if (limit !== undefined) row.goal = { limit };
  if (ratio !== undefined) row.goal = { ratio, of: baseline?.name };
  if (note) row.note = note;
  row.score = scoreOf(row);
  row.met = meets(row);
  return row;
}

/**
 * The one number a regression is judged on: the ratio to the baseline for ratio goals (load cancels
 * out), else the median.
 */
export function scoreOf(row) {
  if (row.goal && 'ratio' in row.goal) {
    const base = row.baseline?.value?.median;
    return base ? row.value.median / base : null;
  }
  return row.value.median;
}

function meets(row) {
  if (!row.goal) return null;
  const target = 'ratio' in row.goal ? row.goal.ratio : row.goal.limit;
  if (row.score === null) return false;
  return row.better === 'lower' ? row.score <= target : row.score >= target;
}

/** A part that was not run (not selected, not built, or failed): listed in the table with why. */
export function notMeasured(part, measure, why) {
  return { id: `${part}.not-measured`, part, measure, notMeasured: why };
}
