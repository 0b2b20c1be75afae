import { describe, expect, it } from 'vitest';
import { declaring, teamRunTreasury } from '../../test/support/teamRunTreasury.js';
import { NO_EVIDENCE } from '../core/evidence/Evidence.js';
import { makePlan } from '../core/planner/makePlan.js';
import { transparencyView } from './transparencyView.js';

/**
 * The public transparency page shows declared beside observed: Lumen's treasury, where the core
 * team made every decision of the last 90 days, declared Delegated, is observed Consultative.
 */
describe('transparencyView: declared vs observed', () => {
  const run = teamRunTreasury();
  const state = { ...run.state, organization: declaring(run.state.organization, 'treasury', 3) };
  const plan = makePlan({ organization: state.organization, evidence: NO_EVIDENCE, now: run.now });
  const view = transparencyView({ state, plan, evidence: NO_EVIDENCE });
  const unit = (id: string) => view.units.find((u) => u.id === id)!;

  it('a unit declared above the evidence shows its finding in words', () => {
    expect(unit('treasury').observed).toEqual({
      declared: 'delegated',
      observed: 'consultative',
      teamShare: { value: 1, decisions: 3 },
      findings: [
        {
          declared: 'delegated',
          observed: 'consultative',
          evidence: ['the team made 100% of 3 decisions in the last 90 days (over 80%)'],
        },
      ],
    });
  });

  it('a unit with no evidence is not observed, with no finding', () => {
    expect(unit('brand').observed).toEqual({ declared: 'founder', observed: null, findings: [] });
  });
});
