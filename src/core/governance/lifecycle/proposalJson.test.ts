import { describe, expect, it } from 'vitest';
import { councilOf, DAY_S, policyOf, T0 } from '../../../../test/support/lifecycleFixtures.js';
import { openProposal } from './openProposal.js';
import { proposalFromJson, proposalToJson } from './proposalJson.js';

const organization = councilOf(['ana', 'ben']);
const proposal = openProposal({
  id: 'p',
  organization,
  unit: 'u',
  kind: 'slider-move',
  subject: { from: 1, to: 2 },
  title: 'Up one notch',
  proposer: 'ana',
  policy: policyOf({
    weight: { kind: 'token', token: 'GOV' },
    quorum: { num: 1n, den: 10n },
    threshold: { num: 2n, den: 3n },
    veto: { by: [{ kind: 'members' }], window: DAY_S },
  }),
  holdings: new Map([
    ['ben', 12_345_678_901_234_567_890_123n],
    ['ana', 1n],
  ]),
  delegations: [
    {
      from: 'ana',
      scope: { kind: 'token', token: 'GOV' },
      parts: [{ to: 'ben', share: { num: 1n, den: 3n } }],
    },
  ],
  now: T0,
});

describe('proposalToJson / proposalFromJson', () => {
  it('writes every bigint as a decimal string, voters sorted, and reads it back exactly', () => {
    const json = proposalToJson(proposal);
    const text = JSON.stringify(json);
    expect(text).toContain('"weights":{"ana":"1","ben":"12345678901234567890123"}');
    expect(text).toContain('"total":"12345678901234567890124"');
    expect(text).toContain('"quorum":{"num":"1","den":"10"}');
    expect(text).toContain('"share":{"num":"1","den":"3"}');
    expect(proposalFromJson(JSON.parse(text))).toEqual(proposal);
  });

  it('refuses what is not a stored proposal', () => {
    const json = JSON.parse(JSON.stringify(proposalToJson(proposal))) as Record<
      string,
      Record<string, unknown>
    >;
    json.electorate!.total = 1.5;
    expect(() => proposalFromJson(json)).toThrow(expect.objectContaining({ code: 'proposal/invalid-json' }));
    expect(() => proposalFromJson('nope')).toThrow(
      expect.objectContaining({ code: 'proposal/invalid-json' }),
    );
  });
});
