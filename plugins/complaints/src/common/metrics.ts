/**
 * The three rates of 接诉即办 and the weighted score, over the cases *submitted* in a period:
 *
 * - 响应率 response rate = cases accepted within the accept limit (acceptedAt ≤ acceptDue) / cases.
 * - 解决率 resolution rate = cases closed as resolved (closedAt set, resolved = true) / cases.
 * - 满意率 satisfaction rate = cases rated 满意 or 基本满意 / cases rated.
 * - 综合得分 score = Σ weight × rate over the rates that exist (×100, 0–100, one decimal); a rate with
 *   an empty denominator (no cases, nothing rated) is left out and the other weights are scaled up to
 *   100 %; no cases at all → no score.
 *
 * Rates are fractions 0–1 rounded to 4 decimals; null when the denominator is 0.
 */
import { type MetricValues, type Rating, SATISFIED_RATINGS, type Settings } from './model.js';

export interface MetricCase {
  acceptDue: string;
  acceptedAt: string | null;
  closedAt: string | null;
  resolved: boolean | null;
  rating: Rating | null;
}

const ratio = (n: number, d: number) => (d === 0 ? null : Math.round((n / d) * 10_000) / 10_000);

export function computeMetrics(cases: readonly MetricCase[], weights: Settings['weights']): MetricValues {
  const acceptedInTime = cases.filter((c) => c.acceptedAt !== null && c.acceptedAt <= c.acceptDue).length;
  const resolved = cases.filter((c) => c.closedAt !== null && c.resolved === true).length;
  const rated = cases.filter((c) => c.rating !== null).length;
  const satisfied = cases.filter((c) => c.rating !== null && SATISFIED_RATINGS.includes(c.rating)).length;
  const responseRate = ratio(acceptedInTime, cases.length);
  const resolutionRate = ratio(resolved, cases.length);
  const satisfactionRate = ratio(satisfied, rated);
  return {
    cases: cases.length,
    acceptedInTime,
    resolved,
    rated,
    satisfied,
    responseRate,
    resolutionRate,
    satisfactionRate,
    score: weightedScore({ responseRate, resolutionRate, satisfactionRate }, weights),
  };
}

export function weightedScore(
  rates: { responseRate: number | null; resolutionRate: number | null; satisfactionRate: number | null },
  weights: Settings['weights'],
): number | null {
  const parts: [number | null, number][] = [
    [rates.responseRate, weights.response],
    [rates.resolutionRate, weights.resolution],
    [rates.satisfactionRate, weights.satisfaction],
  ];
  const present = parts.filter((p): p is [number, number] => p[0] !== null);
  const total = present.reduce((s, [, w]) => s + w, 0);
  if (present.length === 0 || total === 0) return null;
  const score = present.reduce((s, [r, w]) => s + r * w, 0) / total;
  return Math.round(score * 1000) / 10;
}

/** `0.8571` → `85.7%`; null → `—`. */
export function formatRate(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 1000) / 10).toFixed(1)}%`;
}
