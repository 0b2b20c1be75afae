import { LOG_METRICS } from '../metrics/logMetrics.js';
import { BUILT_IN_METRICS } from '../metrics/metricCatalogue.js';
import type { MetricDefinition } from '../model/Organization.js';
import type { ResolveContext } from './ResolveContext.js';

/**
 * The built-in metrics and the charter's own, registered by id in the context so criteria can
 * name them. A declared metric may not take a built-in's id or another's.
 *
 * @example
 * const metrics = resolveMetrics({ context });
 */
export function resolveMetrics(args: { context: ResolveContext }): MetricDefinition[] {
  const { context } = args;
  const metrics: MetricDefinition[] = BUILT_IN_METRICS.map((m) => ({
    id: m.id,
    name: m.name,
    description: m.description,
    unit: m.unit,
    builtIn: true,
  }));
  for (const metric of metrics) context.metricIds.add(metric.id);
  (context.input.metrics ?? []).forEach((metric, index) => {
    if (context.metricIds.has(metric.id)) {
      context.error({
        path: ['metrics', index, 'id'],
        code: 'charter/duplicate-id',
        message: `metric '${metric.id}' is already defined`,
        hint: BUILT_IN_METRICS.some((m) => m.id === metric.id)
          ? 'it is a built-in metric: remove this declaration or choose another id'
          : 'choose another id',
      });
      return;
    }
    context.metricIds.add(metric.id);
    metrics.push({
      id: metric.id,
      name: metric.name,
      ...(metric.description === undefined ? {} : { description: metric.description }),
      ...(metric.unit === undefined ? {} : { unit: metric.unit }),
      builtIn: false,
    });
  });
  // The log's activity metrics come last and give way to a charter that declared the same id
  // before they existed, so such a charter stays valid and its metric keeps its own evidence.
  for (const m of LOG_METRICS) {
    if (context.metricIds.has(m.id)) continue;
    context.metricIds.add(m.id);
    metrics.push({ id: m.id, name: m.name, description: m.description, unit: m.unit, builtIn: true });
  }
  return metrics;
}
