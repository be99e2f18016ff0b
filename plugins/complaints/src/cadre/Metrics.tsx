/**
 * Metrics of a village, township or county for a period: totals, a chart per unit and per month, and the
 * same numbers in tables (`data-testid="metrics-by-unit"`, `"metrics-by-month"`) for every reader.
 */
import { useModuleQuery, useT } from '@cunmen/sdk';
import { Button, ErrorState, LoadingState, Select, TextField } from '@cunmen/ui';
import { Component, lazy, type ReactNode, Suspense, useMemo, useState } from 'react';
import { formatRate } from '../common/metrics.js';
import type { MetricsAnswer, MetricValues } from '../common/model.js';
import { messages } from './i18n.js';
import type { ChartSeries } from './MetricsChart.js';

const MetricsChart = lazy(() => import('./MetricsChart.js'));

/** A table wider than the phone (large text) scrolls sideways in its own box, never the page. */
const SCROLL = { overflowX: 'auto', maxWidth: '100%' } as const;

class ChartBoundary extends Component<{ fallback: ReactNode; children: ReactNode }, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}

const pct = (rate: number | null) => (rate === null ? null : Math.round(rate * 1000) / 10);

/** The current month, quarter and year in China time. */
function periods(now = Date.now()) {
  const d = new Date(now + 8 * 3600_000);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  return {
    month: `${y}-${String(m + 1).padStart(2, '0')}`,
    quarter: `${y}-Q${Math.floor(m / 3) + 1}`,
    year: String(y),
  };
}

function Row({ name, m, onDrill }: { name: ReactNode; m: MetricValues; onDrill?: () => void }) {
  return (
    <tr>
      <th scope="row">
        {onDrill ? (
          <Button variant="secondary" onClick={onDrill}>
            {name}
          </Button>
        ) : (
          name
        )}
      </th>
      <td>{m.cases}</td>
      <td>{formatRate(m.responseRate)}</td>
      <td>{formatRate(m.resolutionRate)}</td>
      <td>{formatRate(m.satisfactionRate)}</td>
      <td>{m.score === null ? '—' : m.score.toFixed(1)}</td>
    </tr>
  );
}

export function Metrics() {
  const t = useT(messages);
  const now = useMemo(() => periods(), []);
  const [preset, setPreset] = useState('month');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [custom, setCustom] = useState<{ from: string; to: string } | null>(null);
  const [division, setDivision] = useState<string | null>(null);

  const query = new URLSearchParams();
  if (division) query.set('division', division);
  if (preset === 'custom' && custom) {
    query.set('from', custom.from);
    query.set('to', custom.to);
  } else if (preset !== 'custom') query.set('period', now[preset as 'month' | 'quarter' | 'year']);
  const { data, loading, error, reload } = useModuleQuery<MetricsAnswer>(`/metrics?${query.toString()}`);

  const headers = (first: string) => (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        <th scope="col">{t('metrics.cases')}</th>
        <th scope="col">{t('metrics.response')}</th>
        <th scope="col">{t('metrics.resolution')}</th>
        <th scope="col">{t('metrics.satisfaction')}</th>
        <th scope="col">{t('metrics.score')}</th>
      </tr>
    </thead>
  );

  const seriesOf = (rows: MetricValues[]): ChartSeries[] => [
    { name: t('metrics.response'), values: rows.map((m) => pct(m.responseRate)) },
    { name: t('metrics.resolution'), values: rows.map((m) => pct(m.resolutionRate)) },
    { name: t('metrics.satisfaction'), values: rows.map((m) => pct(m.satisfactionRate)) },
  ];

  const summary = (name: string, m: MetricValues) =>
    t('metrics.summary', {
      name,
      cases: m.cases,
      response: formatRate(m.responseRate),
      resolution: formatRate(m.resolutionRate),
      satisfaction: formatRate(m.satisfactionRate),
      score: m.score === null ? '—' : m.score.toFixed(1),
    });

  let body: ReactNode = null;
  if (loading && !data) body = <LoadingState />;
  else if (error) body = <ErrorState message={error.message} onRetry={reload} />;
  else if (data) {
    const code = data.division;
    const ups =
      code.length === 12
        ? [
            { code: code.slice(0, 9), label: t('metrics.township') },
            { code: code.slice(0, 6), label: t('metrics.county') },
          ]
        : code.length === 9
          ? [{ code: code.slice(0, 6), label: t('metrics.county') }]
          : [];
    const fallback = <p>{t('metrics.chartFailed')}</p>;
    body = (
      <div style={{ display: 'flex', flexDirection: 'column', gap: 16 }}>
        <p role="status" data-testid="metrics-summary">
          {summary(data.name, data.totals)}
        </p>
        <p className="cm-field__hint">
          {t('metrics.weights', data.weights)} {t('metrics.definitions')}
        </p>
        {ups.length ? (
          <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
            {ups.map((u) => (
              <Button key={u.code} variant="secondary" onClick={() => setDivision(u.code)}>
                {t('metrics.up', { name: u.label })}
              </Button>
            ))}
          </div>
        ) : null}
        {data.children.length ? (
          <section aria-labelledby="cm-metrics-units">
            <h3 id="cm-metrics-units">{t('metrics.byUnit')}</h3>
            <ChartBoundary fallback={fallback}>
              <Suspense fallback={<LoadingState />}>
                <MetricsChart
                  kind="bar"
                  categories={data.children.map((c) => c.name)}
                  series={seriesOf(data.children.map((c) => c.metrics))}
                  label={data.children.map((c) => summary(c.name, c.metrics)).join('；')}
                />
              </Suspense>
            </ChartBoundary>
            <div style={SCROLL}>
              <table data-testid="metrics-by-unit" style={{ width: '100%', borderCollapse: 'collapse' }}>
                <caption>{t('metrics.byUnit')}</caption>
                {headers(t('metrics.unit'))}
                <tbody>
                  {data.children.map((c) => (
                    <Row
                      key={c.division}
                      name={c.name}
                      m={c.metrics}
                      onDrill={() => setDivision(c.division)}
                    />
                  ))}
                  <Row name={t('metrics.totals', { name: data.name })} m={data.totals} />
                </tbody>
              </table>
            </div>
          </section>
        ) : null}
        <section aria-labelledby="cm-metrics-months">
          <h3 id="cm-metrics-months">{t('metrics.byMonth')}</h3>
          <ChartBoundary fallback={fallback}>
            <Suspense fallback={<LoadingState />}>
              <MetricsChart
                kind="line"
                categories={data.months.map((m) => m.month)}
                series={seriesOf(data.months.map((m) => m.metrics))}
                label={data.months.map((m) => summary(m.month, m.metrics)).join('；')}
              />
            </Suspense>
          </ChartBoundary>
          <div style={SCROLL}>
            <table data-testid="metrics-by-month" style={{ width: '100%', borderCollapse: 'collapse' }}>
              <caption>{t('metrics.byMonth')}</caption>
              {headers(t('metrics.monthCol'))}
              <tbody>
                {data.months.map((m) => (
                  <Row key={m.month} name={m.month} m={m.metrics} />
                ))}
              </tbody>
            </table>
          </div>
        </section>
      </div>
    );
  }

  return (
    <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
      <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap', alignItems: 'flex-end' }}>
        <Select
          label={t('metrics.period')}
          options={[
            { value: 'month', label: `${t('metrics.month')}（${now.month}）` },
            { value: 'quarter', label: `${t('metrics.quarter')}（${now.quarter}）` },
            { value: 'year', label: `${t('metrics.year')}（${now.year}）` },
            { value: 'custom', label: t('metrics.custom') },
          ]}
          value={preset}
          onValueChange={setPreset}
        />
        {preset === 'custom' ? (
          <>
            <TextField
              label={t('metrics.from')}
              hint="2026-11-01"
              inputMode="numeric"
              value={from}
              onValueChange={setFrom}
              maxLength={10}
            />
            <TextField
              label={t('metrics.to')}
              hint="2026-11-30"
              inputMode="numeric"
              value={to}
              onValueChange={setTo}
              maxLength={10}
            />
            <Button onClick={() => setCustom({ from, to })}>{t('metrics.apply')}</Button>
          </>
        ) : null}
      </div>
      {body}
    </div>
  );
}
