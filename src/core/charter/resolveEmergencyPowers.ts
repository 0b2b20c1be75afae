import type { EmergencyPower } from '../model/Organization.js';
import { suggestionHint } from '../text/didYouMean.js';
import { parseInstant } from '../time/Instant.js';
import type { EmergencyPowerInput } from './charterSchema.js';
import type { ResolveIssue } from './ResolveContext.js';

/** The schema has checked the instant already. */
function epochMs(text: string): number {
  const parsed = parseInstant(text);
  return parsed.ok ? parsed.epochMs : 0;
}

/**
 * Resolves the charter's `emergency:` powers: everyone in `who` a declared role, every unit a declared
 * unit, ids unique, `until` as epoch ms. Problems come back located, like every charter error.
 *
 * @example
 * const { powers, issues } = resolveEmergencyPowers({ input: charter.emergency, roles, units });
 */
export function resolveEmergencyPowers(args: {
  input: readonly EmergencyPowerInput[] | undefined;
  roles: readonly string[];
  units: readonly string[];
}): { powers: EmergencyPower[]; issues: ResolveIssue[] } {
  const issues: ResolveIssue[] = [];
  const powers: EmergencyPower[] = [];
  const seen = new Set<string>();
  (args.input ?? []).forEach((power, index) => {
    const path = ['emergency', index];
    if (seen.has(power.id)) {
      issues.push({
        path: [...path, 'id'],
        code: 'charter/duplicate-id',
        message: `emergency power '${power.id}' is declared twice`,
        severity: 'error',
        hint: 'choose another id',
      });
    }
    seen.add(power.id);
    const check = (list: readonly string[], known: readonly string[], field: string, noun: 'role' | 'unit') =>
      list.forEach((id, i) => {
        if (known.includes(id)) return;
        issues.push({
          path: [...path, field, i],
          code: `charter/unknown-${noun}`,
          message: `unknown ${noun} '${id}'`,
          severity: 'error',
          hint: suggestionHint({ input: id, candidates: known, noun }),
        });
      });
    check(power.who, args.roles, 'who', 'role');
    check(power.units, args.units, 'units', 'unit');
    powers.push({
      id: power.id,
      ...(power.description === undefined ? {} : { description: power.description }),
      who: power.who.map((role) => ({ kind: 'role', role })),
      units: power.units,
      actions: power.actions,
      ...(power.from === undefined ? {} : { from: epochMs(power.from) }),
      until: epochMs(power.until),
      ...(power.uses === undefined ? {} : { uses: power.uses }),
    });
  });
  return { powers, issues };
}
