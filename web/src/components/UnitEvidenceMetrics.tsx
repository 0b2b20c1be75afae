import type { UnitMetricView } from '../../../src/server/unitView.js';
import './unitEvidence.css';

/**
 * A metric's value in words: a share as a percentage, an index to two places, seconds as the
 * largest whole unit that fits, a count as it is.
 *
 * @example
 * metricValueText(0.4167, 'share') // '41.7%'
 */
export function metricValueText(value: number, unit: UnitMetricView['unit']): string {
  if (unit === 'share') return `${Math.round(value * 1000) / 10}%`;
  if (unit === 'index') return value.toFixed(2);
  if (unit === 'seconds') {
    if (value >= 2 * 86_400) return `${Math.round(value / 86_400)} days`;
    if (value >= 2 * 3_600) return `${Math.round(value / 3_600)} h`;
    if (value >= 120) return `${Math.round(value / 60)} min`;
    return `${value} s`;
  }
  return String(value);
}

/**
 * How long a bar is, 0..100: shares and indexes on their own 0..1 scale, counts and durations
 * against the larger of the metric's two values (so the two bars of a row compare, rows do not).
 */
function barLength(value: number, metric: UnitMetricView): number {
  const scale =
    metric.unit === 'share' || metric.unit === 'index'
      ? 1
      : Math.max(metric.recent ?? 0, metric.allTime ?? 0);
  if (scale <= 0) return 0;
  return Math.max(0, Math.min(100, (value / scale) * 100));
}

function MetricCell(props: {
  metric: UnitMetricView;
  value: number | undefined;
  which: 'recent' | 'all';
  period: string;
}) {
  const { metric, value, which, period } = props;
  if (value === undefined) {
    return (
      <td class="unit-metric" data-label={period} data-period={which} data-value="">
        <span class="muted small">not measured</span>
      </td>
    );
  }
  return (
    <td class="unit-metric" data-label={period} data-period={which} data-value={String(value)}>
      <span class="unit-metric__value">{metricValueText(value, metric.unit)}</span>
      {/* The number beside it is the accessible value; the bar only draws it. */}
      <svg
        class={`unit-metric__bar unit-metric__bar--${which}`}
        viewBox="0 0 100 8"
        preserveAspectRatio="none"
        aria-hidden="true"
        focusable="false"
      >
        <rect class="unit-metric__track" width="100" height="8" rx="2" />
        <rect class="unit-metric__fill" width={barLength(value, metric)} height="8" rx="2" />
      </svg>
    </td>
  );
}

/**
 * The unit's log metrics as a small bar chart: each metric over the observed window beside its
 * value over all history, with the numbers as text (the table is what a screen reader reads).
 */
export function UnitEvidenceMetrics(props: { metrics: readonly UnitMetricView[]; window: number }) {
  const { metrics, window } = props;
  const days = Math.round(window / 86_400);
  const recent = `Last ${days} days`;
  if (metrics.length === 0) {
    return <p class="empty">No metrics computed for this unit.</p>;
  }
  const measured = metrics.some((m) => (m.allTime ?? 0) > 0);
  return (
    <>
      <p class="muted small">
        Computed from the signed log: the last {days} days against all history.
        {!measured && ' Nothing has been proposed, voted or decided on this unit yet.'}
      </p>
      <div class="unit-evidence__wrap">
        <table class="unit-metrics">
          <caption class="sr-only">The unit's log metrics, the last {days} days against all history</caption>
          <thead>
            <tr>
              <th scope="col">Metric</th>
              <th scope="col">{recent}</th>
              <th scope="col">All history</th>
            </tr>
          </thead>
          <tbody>
            {metrics.map((metric) => (
              <tr key={metric.id} data-metric={metric.id}>
                <th scope="row" class="unit-metric__name">
                  {metric.name}
                  <span class="unit-metric__description">{metric.description}</span>
                </th>
                <MetricCell metric={metric} value={metric.recent} which="recent" period={recent} />
                <MetricCell metric={metric} value={metric.allTime} which="all" period="All history" />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
