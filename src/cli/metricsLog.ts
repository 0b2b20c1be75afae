import type { Command } from 'commander';
import { LOG_METRICS, type LogMetricValue, logMetrics } from '../core/metrics/logMetrics.js';
import { parseDuration } from '../core/time/Duration.js';
import { usageError } from './CliError.js';
import { printJson } from './output.js';
import { parseNowOption } from './readEvidence.js';
import { readRuntime } from './readRuntime.js';
import { type ReadOptions, withReadOptions } from './recordAction.js';

const DEFAULT_WINDOWS = ['30d', '90d', '365d'];

function windowOf(text: string): number {
  const parsed = parseDuration(text);
  if (!parsed.ok || parsed.seconds <= 0)
    throw usageError({
      code: 'bad-window',
      message: `--window '${text}' is not a duration`,
      hint: 'e.g. --window 90d or --window P90D',
    });
  return parsed.seconds;
}

type LogMetricsOptions = ReadOptions & { unit?: string; window?: string; now?: string };

/**
 * `metrics` itself takes `--unit` (repeated, for git) and `--json`, and commander gives an option
 * both declare to the parent wherever it stands: read them back from there.
 */
function withParentOptions(own: LogMetricsOptions, command: Command): LogMetricsOptions {
  const parent = (command.parent?.opts() ?? {}) as { unit?: string[]; json?: boolean };
  const unit = own.unit ?? parent.unit?.at(-1);
  const json = own.json === true || parent.json === true;
  return { ...own, ...(unit === undefined ? {} : { unit }), ...(json ? { json } : {}) };
}

/**
 * `devolve metrics log [--unit u] [--window 90d] [--now …] [--json]`: the metrics the signed log
 * gives each unit — who proposes, votes, executes, vetoes, uses emergency powers and overrides
 * readiness, and how concentrated each activity is (`src/core/metrics/logMetrics.ts`) — over
 * windows ending now (30, 90 and 365 days unless one is given). The same numbers readiness criteria
 * read by name.
 */
export function registerMetricsLog(metrics: Command): void {
  withReadOptions(
    metrics
      .command('log')
      .description(
        'metrics from the signed log per unit: proposers, voters, vetoes, emergency uses, overrides …',
      )
      .option('--unit <id>', 'only this unit')
      .option('--window <duration>', 'one window, e.g. 90d (default: 30d, 90d and 365d)')
      .option('--now <instant>', 'windows end at this instant (default: now)'),
  ).action(async (own: LogMetricsOptions, command: Command) => {
    const options = withParentOptions(own, command);
    const now = parseNowOption(options.now);
    const windows = options.window === undefined ? DEFAULT_WINDOWS : [options.window];
    const seconds = windows.map(windowOf);
    const state = await readRuntime(options);
    const units = state.organization.units.map((u) => u.id);
    if (options.unit !== undefined && !units.includes(options.unit))
      throw usageError({
        code: 'unknown-unit',
        message: `there is no unit '${options.unit}' in ${state.organization.name}`,
        hint: `units: ${units.join(', ')}`,
      });
    const chosen = options.unit === undefined ? units : [options.unit];
    const result: Record<string, Record<string, Record<string, LogMetricValue>>> = {};
    for (const unit of chosen)
      result[unit] = Object.fromEntries(
        windows.map((w, i) => [w, logMetrics({ state, unit, window: seconds[i], now })]),
      );
    if (options.json) {
      const values = (byMetric: Record<string, LogMetricValue>) =>
        Object.fromEntries(Object.entries(byMetric).map(([id, v]) => [id, v.value]));
      printJson({
        org: state.id,
        now: new Date(now).toISOString(),
        seq: state.seq,
        units: Object.fromEntries(
          Object.entries(result).map(([unit, byWindow]) => [
            unit,
            Object.fromEntries(Object.entries(byWindow).map(([w, m]) => [w, values(m)])),
          ]),
        ),
      });
      return;
    }
    const ids = LOG_METRICS.map((m) => m.id);
    const width = Math.max(...ids.map((id) => id.length));
    for (const [unit, byWindow] of Object.entries(result)) {
      console.log(
        `${unit}${' '.repeat(Math.max(1, width - unit.length + 2))}${windows.map((w) => w.padStart(8)).join('')}`,
      );
      for (const id of ids) {
        const cells = windows.map((w) => {
          const v = byWindow[w]?.[id];
          return (
            v === undefined ? '—' : Number.isInteger(v.value) ? String(v.value) : v.value.toFixed(3)
          ).padStart(8);
        });
        console.log(`  ${id.padEnd(width)}${cells.join('')}`);
      }
    }
  });
}
