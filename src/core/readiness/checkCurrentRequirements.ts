import { NO_EVIDENCE } from '../evidence/Evidence.js';
import type { Organization } from '../model/Organization.js';
import type { PathIssue } from '../yaml/parseLocatedYaml.js';
import { assessMove } from './assessMove.js';
import type { CriterionResult } from './evaluateCriterion.js';

/** Criteria whose verdict the charter alone decides; the others wait for evidence. */
const DECIDED_BY_CHARTER: ReadonlySet<CriterionResult['kind']> = new Set([
  'role',
  'exit-window',
  'unit-level',
]);

function unmetLeaves(result: CriterionResult): CriterionResult[] {
  if (result.status !== 'unmet') return [];
  if (result.kind === 'all' && result.children !== undefined) return result.children.flatMap(unmetLeaves);
  return DECIDED_BY_CHARTER.has(result.kind) ? [result] : [];
}

/**
 * A charter that declares a unit at a level must meet that level's requirements (and those of the
 * levels below) as far as the charter itself can tell: role sizes and thresholds, exit windows,
 * other units' levels. A declared Stage 1 with a five-member security council is a false claim, and
 * `check` says so. Requirements that need evidence (metrics, attestations) are left to `plan`.
 *
 * @example
 * checkCurrentRequirements({ organization, now }) // [{ path: ['units', 3, 'level'], code: 'charter/requirement-unmet', … }]
 */
export function checkCurrentRequirements(args: { organization: Organization; now: number }): PathIssue[] {
  const { organization, now } = args;
  return organization.units.flatMap((unit, index) => {
    if (!unit.levels.slice(0, unit.level + 1).some((level) => level.requirements !== undefined)) return [];
    const { requirements } = assessMove({
      organization,
      unit: unit.id,
      to: unit.level,
      evidence: NO_EVIDENCE,
      now,
    });
    if (requirements === undefined) return [];
    const level = unit.levels[unit.level]!;
    return unmetLeaves(requirements).map(
      (leaf): PathIssue => ({
        path: ['units', index, 'level'],
        severity: 'error',
        code: 'charter/requirement-unmet',
        message: `'${unit.id}' is declared at ${level.name}, which requires: ${leaf.text} — but ${leaf.reason}`,
        hint: 'meet the requirement, or declare the unit at the level it really is at',
      }),
    );
  });
}
