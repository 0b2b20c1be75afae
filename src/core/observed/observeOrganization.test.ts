import { describe, expect, it } from 'vitest';
import { DAY } from '../../../test/support/governedLog.js';
import { declaring, teamRunTreasury } from '../../../test/support/teamRunTreasury.js';
import type { Evidence } from '../evidence/Evidence.js';
import { NO_EVIDENCE } from '../evidence/Evidence.js';
import type { Organization } from '../model/Organization.js';
import type { Address, ControlFact } from './ControlFact.js';
import { observeOrganization } from './observeOrganization.js';
import { teamShareRule } from './teamShareRule.js';

const addr = (n: number) => `0x${n.toString(16).padStart(40, '0')}` as Address;

describe('observeOrganization', () => {
  const { state, now } = teamRunTreasury();
  const at = (organization: Organization, evidence: Evidence, unit: string) =>
    observeOrganization({ organization, evidence, state, now }).find((u) => u.unit === unit)!;
  /** Evidence holding one control fact of risk-parameters' upgrade power. */
  const controlled = (holder: ControlFact, observedAt: number): Evidence => ({
    ...NO_EVIDENCE,
    controls: [{ unit: 'risk-parameters', power: 'upgrade', subject: addr(7), holder, observedAt }],
  });

  it('a unit declared above a single-key control fact has a finding with its evidence', () => {
    const owner: ControlFact = { kind: 'key', address: addr(1) };
    const evidence = controlled({ kind: 'ownable', address: addr(7), owner }, now - DAY * 1000);
    const risk = at(state.organization, evidence, 'risk-parameters');
    expect(risk.declared).toEqual({ index: 3, id: 'delegated' });
    expect(risk.observed).toEqual({ index: 0, id: 'founder' });
    expect(risk.findings).toEqual([
      {
        code: 'observed/declared-above-evidence',
        declared: { index: 3, id: 'delegated' },
        observed: { index: 0, id: 'founder' },
        evidence: [`a single plain key controls the contract: ${addr(1)}`],
      },
    ]);
  });

  it('a control fact recorded after `now` is not seen', () => {
    const evidence = controlled({ kind: 'key', address: addr(1) }, now + 1);
    expect(at(state.organization, evidence, 'risk-parameters').observed).toBeUndefined();
  });

  it('the team making every decision caps a unit declared delegated at consultative', () => {
    const treasury = at(declaring(state.organization, 'treasury', 3), NO_EVIDENCE, 'treasury');
    expect(treasury.teamShare).toMatchObject({ value: 1, decisions: 3, window: 90 * DAY });
    expect(treasury.observed).toEqual({ index: 2, id: 'consultative' });
    expect(treasury.findings).toEqual([
      {
        code: 'observed/declared-above-evidence',
        declared: { index: 3, id: 'delegated' },
        observed: { index: 2, id: 'consultative' },
        evidence: ['the team made 100% of 3 decisions in the last 90 days (over 80%)'],
      },
    ]);
    // Declared at its level in force (transparent, below consultative): observed, no finding.
    const asDeclared = at(state.organization, NO_EVIDENCE, 'treasury');
    expect(asDeclared.observed).toEqual({ index: 2, id: 'consultative' });
    expect(asDeclared.findings).toEqual([]);
  });

  it('decisions older than 90 days are not counted', () => {
    const later = now + 91 * DAY * 1000;
    const treasury = observeOrganization({
      organization: declaring(state.organization, 'treasury', 3),
      evidence: NO_EVIDENCE,
      state,
      now: later,
    }).find((u) => u.unit === 'treasury')!;
    expect(treasury.observed).toBeUndefined();
    expect(treasury.findings).toEqual([]);
  });

  it('a unit with no evidence is not observed: no observed level, no finding', () => {
    const units = observeOrganization({ organization: state.organization, evidence: NO_EVIDENCE, now });
    expect(units.map((u) => [u.unit, u.observed, u.findings.length])).toEqual(
      state.organization.units.map((u) => [u.id, undefined, 0]),
    );
  });
});

describe('teamShareRule', () => {
  const { state } = teamRunTreasury();
  const treasury = state.organization.units.find((u) => u.id === 'treasury')!;
  const judge = (num: bigint, den: bigint) =>
    teamShareRule.judge({
      unit: treasury,
      control: undefined,
      paths: [],
      teamShare: {
        value: Number(num) / Number(den),
        exact: { num, den },
        decisions: Number(den),
        window: 90 * DAY,
      },
    });

  it('a team share of 0.85 over 90 days caps at the ladder’s consultative level', () => {
    expect(judge(17n, 20n)).toMatchObject({
      ceiling: 2,
      reason: 'the team made 85% of 20 decisions in the last 90 days (over 80%)',
    });
  });

  it('exactly 80% is not over 80%: no ceiling', () => {
    expect(judge(4n, 5n).ceiling).toBeUndefined();
    expect(judge(4n, 5n).reason).toBe('the team made 80% of 5 decisions in the last 90 days');
  });

  it('on a ladder without a consultative level, the cap is its second level', () => {
    const levels = treasury.levels.map((l) => (l.id === 'consultative' ? { ...l, id: 'heard' } : l));
    const verdict = teamShareRule.judge({
      unit: { ...treasury, levels },
      control: undefined,
      paths: [],
      teamShare: { value: 0.9, decisions: 10, window: 90 * DAY },
    });
    expect(verdict.ceiling).toBe(1);
  });
});
