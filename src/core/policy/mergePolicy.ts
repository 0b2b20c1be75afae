import type { PolicyInput, PolicyOverrideInput } from '../charter/charterSchema.js';
import { METHOD_RULES } from './methodRules.js';

/**
 * A ladder level's policy with a unit's override applied: written fields replace the ladder's,
 * `null` removes one. When the override switches the method, inherited fields the new method
 * cannot use are dropped too — a unit that moves a level from majority to consent should not
 * have to clear the ladder's quorum by hand — while the same fields written in the override itself
 * are kept, so that the checker still reports them.
 *
 * @example
 * mergePolicy({ base: { method: 'majority', quorum: '50%', period: 'P5D' }, override: { method: 'consent' } })
 * // { method: 'consent', period: 'P5D' }
 */
export function mergePolicy(args: {
  base: PolicyInput;
  override: PolicyOverrideInput | undefined;
}): PolicyInput {
  const { base, override } = args;
  if (override === undefined) return base;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  const method = override.method;
  if (method !== undefined && method !== null && method !== base.method) {
    const rule = METHOD_RULES[method];
    const inapplicable: (keyof PolicyInput)[] = [];
    if (rule.threshold === 'forbidden') inapplicable.push('threshold');
    if (!rule.counted) inapplicable.push('quorum', 'minVoters', 'lateQuorumExtension');
    if (!rule.winners) inapplicable.push('winners');
    if (!rule.needsPeriod && method !== 'advice' && method !== 'optimistic') inapplicable.push('period');
    for (const key of inapplicable) if (!Object.hasOwn(override, key)) delete merged[key];
  }
  return merged as PolicyInput;
}
