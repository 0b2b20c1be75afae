import { describe, expect, it } from 'vitest';
import { withUnits } from '../../../test/support/charterText.js';
import { loadCharter } from '../charter/loadCharter.js';
import { DevolveError } from '../errors/DevolveError.js';
import type { Organization } from '../model/Organization.js';
import { explainUnit, findUnit } from './explainUnit.js';

function organizationOf(text: string): Organization {
  const load = loadCharter({ text, file: 'devolve.yaml' });
  if (!load.ok) throw new Error(JSON.stringify(load.errors, null, 2));
  return load.organization;
}

/** Base charter (treasury at founder) plus grants, mid-ladder with everything a unit can say, and app at the top. */
const organization = organizationOf(
  withUnits(`  - id: grants
    name: Grants
    dimension: capital
    description: Grants to builders.
    owners: [core-team, founders]
    level: transparent
    target: delegated
    dependsOn:
      - unit: treasury
        level: consultative
        for: delegated
        reason: money must be visible first
    requirements:
      consultative: { role: council, minMembers: 2 }
    readiness:
      consultative:
        all:
          - timeAtLevel: P90D
          - checklist: report
            text: Quarterly grants report published
    commitments:
      - level: delegated
        by: 2027-06-30
        unless: the budget is cut
      - level: consultative
        when: { decisionsAtLevel: 3 }
  - id: app
    name: App
    dimension: product
    owners: [core-team]
    level: autonomous
`),
);

// The `app` unit also stands in buildBoard.test.ts's charter on purpose (see there).
describe('explainUnit', () => {
  const grants = explainUnit({ organization, unit: 'grants' });

  it('names the unit, its dimension, owners, ladder and target', () => {
    expect(grants).toMatchObject({
      id: 'grants',
      name: 'Grants',
      description: 'Grants to builders.',
      dimension: { id: 'capital', name: 'Capital & ownership' },
      owners: 'Core team and Founders',
      ladder: { id: 'default', levels: 6 },
      target: { index: 3, id: 'delegated', name: 'Delegated' },
    });
  });

  it('explains today’s level in plain words, with its one-line policy', () => {
    expect(grants.today).toEqual({
      index: 1,
      id: 'transparent',
      name: 'Transparent',
      summary: 'The team decides; every decision is published with its rationale.',
      policyLine:
        'propose: Core team · decide: majority of Core team, one vote each, 3d · rationale required',
      policy: {
        propose: 'Core team may propose.',
        consultation: 'There is no required consultation.',
        decide:
          'Core team decides by simple majority: more than half of the weight cast for or against; one vote each; voting stays open for 3 days.',
        veto: 'No one can veto a passed decision.',
        delay: 'A passed decision takes effect at once.',
        rationale: 'Every decision is published with its rationale.',
      },
    });
  });

  it('explains the next level, with what it takes to be there and to move there', () => {
    expect(grants.next).toMatchObject({
      index: 2,
      id: 'consultative',
      policy: { consultation: 'Before a decision, every member is consulted for 7 days.' },
      requirements: { text: 'Council has at least 2 members' },
      readiness: {
        text: 'all of',
        children: [
          // P90D = 90 days
          { text: 'at least 90 days at the current level' },
          { text: 'Quarterly grants report published (attested with an evidence link)' },
        ],
      },
    });
  });

  it('says what the unit depends on and what is promised, in words', () => {
    expect(grants.dependsOn).toEqual([
      'Grants can reach Delegated only once Treasury is at Consultative or above — money must be visible first',
    ]);
    expect(grants.commitments).toEqual([
      'Delegated by 2027-06-30, unless the budget is cut',
      'Consultative once at least 3 decisions completed at the current level',
    ]);
  });

  it('has no next level at the top of the ladder', () => {
    const app = explainUnit({ organization, unit: 'app' });
    expect(app.today.id).toBe('autonomous');
    expect(app.next).toBeUndefined();
    expect(app.today.policy.delay).toBe(
      'A passed decision takes effect 7 days later, so anyone who disagrees has that long to exit.',
    );
  });

  it('fails for an unknown unit with unit/not-found and a did-you-mean hint', () => {
    let failure: unknown;
    try {
      explainUnit({ organization, unit: 'grant' });
    } catch (error) {
      failure = error;
    }
    expect(failure).toBeInstanceOf(DevolveError);
    expect(failure).toMatchObject({
      code: 'unit/not-found',
      message: "no unit 'grant' in Acme",
      hint: "did you mean 'grants'?",
      details: { unit: 'grant' },
    });
  });
});

describe('findUnit', () => {
  it('finds a unit by id', () => {
    expect(findUnit({ organization, unit: 'app' }).name).toBe('App');
  });

  it('lists the units when the name resembles none', () => {
    expect(() => findUnit({ organization, unit: 'zzz' })).toThrow(
      expect.objectContaining({ hint: "known units: 'treasury', 'grants', 'app'" }),
    );
  });
});
