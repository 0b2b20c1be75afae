import type { CountingRule } from './CountingModule.js';

/**
 * A counting rule from what sets it apart: every field not given takes the restrictive default
 * (not counted, no period, no threshold, one outcome, no consultation or veto, any electorate,
 * for / against rather than named options), so each module states only what its method needs.
 *
 * @example
 * countingRule({ counted: true, needsPeriod: true }) // majority's rule
 */
export function countingRule(needs: Partial<CountingRule>): CountingRule {
  return {
    counted: false,
    needsPeriod: false,
    threshold: 'forbidden',
    winners: false,
    needsConsultation: false,
    needsVeto: false,
    needsWeightedElectorate: false,
    multipleOptions: false,
    ...needs,
  };
}
