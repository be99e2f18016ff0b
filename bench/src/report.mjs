// The Markdown table of a run (bench/results/latest.md, the docs' Performance page, the terminal).

const fmt = (n, unit) => {
  if (n === null || n === undefined) return '–';
  if (unit === 'B') return `${(n / 1000).toFixed(1)} KB`;
  if (unit === 'ms') return `${n.toFixed(1)} ms`;
  if (unit === 's') return `${n.toFixed(2)} s`;
  return Number.isInteger(n) ? n.toLocaleString('en') : n.toFixed(2);
};

const triple = (v, unit) =>
  v.runs > 1 ? `${fmt(v.median, unit)} (${fmt(v.min, unit)} – ${fmt(v.max, unit)})` : fmt(v.median, unit);

function goalText(row) {
  if (!row.goal) return 'info';
  const op = row.better === 'lower' ? '≤' : '≥';
  return 'ratio' in row.goal
    ? `${op} ${row.goal.ratio} × ${row.goal.of}`
    : `${op} ${fmt(row.goal.limit, row.unit)}`;
}

function verdict(row) {
  if (row.met === null) return '';
  const ratio =
    row.goal && 'ratio' in row.goal ? ` (${row.score === null ? '–' : row.score.toFixed(2)} ×)` : '';
  return row.met ? `met${ratio}` : `**gap**${ratio}`;
}

const cell = (s) => String(s).replaceAll('|', '\\|');

/** The Markdown report of `results`. */
export function renderMarkdown(results) {
  const lines = [
    `# Benchmark ${results.generatedAt}`,
    '',
    `${results.machine.cpus} × ${results.machine.cpuModel}, Node.js ${results.machine.node}, load average ${results.machine.loadAverage.map((l) => l.toFixed(1)).join(' / ')} at the start.`,
    results.machine.underLoad
      ? '**Measured under load** (the load average exceeded the core count): every time and throughput is a floor, not what an idle machine does. Ratios to baselines measured in the same run hold better than absolute figures.'
      : 'The machine was not otherwise loaded at the start.',
    `Settings: ${Object.entries(results.settings)
      .map(([k, v]) => `${k} ${v}`)
      .join(', ')}.`,
    '',
    '| measure | median (min – max) | baseline, same run | goal | verdict |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const row of results.figures) {
    if (row.notMeasured) {
      lines.push(`| ${cell(row.measure)} | not measured | | | ${cell(row.notMeasured)} |`);
      continue;
    }
    const base = row.baseline ? `${row.baseline.name}: ${triple(row.baseline.value, row.unit)}` : '';
    const unit = ['B', 'ms', 's'].includes(row.unit) ? '' : ` ${row.unit}`;
    lines.push(
      `| ${cell(row.measure)} | ${triple(row.value, row.unit)}${unit} | ${cell(base)} | ${cell(goalText(row))} | ${verdict(row)}${row.note && row.met === false ? ` — ${cell(row.note)}` : ''} |`,
    );
  }
  if (results.problems.length > 0) {
    lines.push('', 'Problems seen while measuring:', '', ...results.problems.map((p) => `- ${p}`));
  }
  return `${lines.join('\n')}\n`;
}
