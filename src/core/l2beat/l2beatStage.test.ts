import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../../../test/support/builtCli.js';
import { organizationFromYaml } from '../../../test/support/organizationFromYaml.js';
import { type L2beatChecklist, l2beatEvidence, l2beatStage } from './l2beatStage.js';

/**
 * L2BEAT's published stage checklists for three public rollups, copied value for value from
 * L2BEAT's own repository (github.com/l2beat/l2beat, `packages/config/src/projects/<p>/<p>.ts`,
 * the `stage: getStage({…})` block), at the commit named. Its page shows the same checklist and
 * stage. "As of": the commit pins the values; the latest dated entry in that version of the file
 * is given as the earliest date they can be from (the snapshot carries no commit date).
 * The three checklists repeat one shape on purpose: each is L2BEAT's record, written out whole so
 * it can be compared line by line with its source.
 */
const ROLLUPS: readonly {
  name: string;
  page: string;
  commit: string;
  asOf: string;
  published: number;
  checklist: L2beatChecklist;
}[] = [
  {
    // linea/linea.ts @ d7c49465eebd84c240600b17ce96392cce68c164; its latest dated entry: a tracked
    // transaction since 2024-12-16 (UnixTime 1734357131). L2BEAT: Stage 0 ("Security Council
    // members are not publicly known").
    name: 'Linea',
    page: 'https://l2beat.com/scaling/projects/linea',
    commit: 'd7c49465eebd84c240600b17ce96392cce68c164',
    asOf: '2024-12-16',
    published: 0,
    checklist: {
      stage0: {
        callsItselfRollup: true,
        stateRootsPostedToL1: true,
        dataAvailabilityOnL1: true,
        rollupNodeSourceAvailable: true,
        stateVerificationOnL1: true,
        fraudProofSystemAtLeast5Outsiders: null,
      },
      stage1: {
        principle: false,
        usersHave7DaysToExit: false,
        usersCanExitWithoutCooperation: false,
        securityCouncilProperlySetUp: {
          satisfied: false,
          message: 'Security Council members are not publicly known.',
        },
      },
      stage2: {
        proofSystemOverriddenOnlyInCaseOfABug: false,
        fraudProofSystemIsPermissionless: null,
        delayWith30DExitWindow: false,
      },
    },
  },
  {
    // base/base.ts @ 28aed7f6e5adc09c15796fcd9a3766ddf6cdeafe; its latest dated entry: the
    // milestone "Base achieves Stage 1", 2025-04-29. L2BEAT: Stage 1.
    name: 'Base',
    page: 'https://l2beat.com/scaling/projects/base',
    commit: '28aed7f6e5adc09c15796fcd9a3766ddf6cdeafe',
    asOf: '2025-04-29',
    published: 1,
    checklist: {
      stage0: {
        callsItselfRollup: true,
        stateRootsPostedToL1: true,
        dataAvailabilityOnL1: true,
        rollupNodeSourceAvailable: true,
        stateVerificationOnL1: true,
        fraudProofSystemAtLeast5Outsiders: true,
      },
      stage1: {
        principle: true,
        usersHave7DaysToExit: true,
        usersCanExitWithoutCooperation: true,
        securityCouncilProperlySetUp: true,
      },
      stage2: {
        proofSystemOverriddenOnlyInCaseOfABug: false,
        fraudProofSystemIsPermissionless: true,
        delayWith30DExitWindow: false,
      },
    },
  },
  {
    // facet/facet.ts @ 27785ec034aa90713c6ce0af5f81b05f267f47a5; its latest dated entry: added to
    // L2BEAT 2025-01-03 (UnixTime 1735889012). L2BEAT: Stage 2 (immutable contracts, no
    // Security Council: its council items are null, not applicable).
    name: 'Facet',
    page: 'https://l2beat.com/scaling/projects/facet',
    commit: '27785ec034aa90713c6ce0af5f81b05f267f47a5',
    asOf: '2025-01-03',
    published: 2,
    checklist: {
      stage0: {
        callsItselfRollup: true,
        stateRootsPostedToL1: true,
        dataAvailabilityOnL1: true,
        rollupNodeSourceAvailable: true,
        stateVerificationOnL1: true,
        fraudProofSystemAtLeast5Outsiders: null,
      },
      stage1: {
        principle: true,
        usersHave7DaysToExit: true,
        usersCanExitWithoutCooperation: true,
        securityCouncilProperlySetUp: null,
      },
      stage2: {
        proofSystemOverriddenOnlyInCaseOfABug: true,
        fraudProofSystemIsPermissionless: true,
        delayWith30DExitWindow: true,
      },
    },
  },
];

const organization = organizationFromYaml(readFileSync(join(ROOT, 'templates', 'rollup.yaml'), 'utf8'));

/**
 * Judged on 2026-12-01, when the template's twelve-member council (9 of 12) is seated, so its own
 * council and exit-window requirements hold and only L2BEAT's values decide.
 */
const NOW = Date.parse('2026-12-01T00:00:00Z');

function stageOf(rollup: (typeof ROLLUPS)[number], checklist = rollup.checklist) {
  const at = Date.parse(`${rollup.asOf}T00:00:00Z`);
  return l2beatStage({ organization, unit: 'upgrades', checklist, at, source: rollup.page, now: NOW });
}

/** The rollup's checklist with one value replaced. */
function changed(checklist: L2beatChecklist, stage: keyof L2beatChecklist, item: string, value: boolean) {
  return { ...checklist, [stage]: { ...checklist[stage], [item]: value } };
}

describe('L2BEAT stages through the rollup template', () => {
  for (const rollup of ROLLUPS)
    it(`${rollup.name}: L2BEAT's checklist, as attestations, gives Stage ${rollup.published}`, () => {
      const result = stageOf(rollup);
      expect(result.unknown).toEqual([]);
      expect(result.stage).toBe(rollup.published);
    });

  it('tells which requirement holds each rollup back', () => {
    const [linea, base, facet] = ROLLUPS.map((r) => stageOf(r));
    // Linea: the template's own Stage 1 council item fails, and so do four items it does not name
    // (fraudProofSystemIsPermissionless is null, left out, so it holds nobody back).
    expect(linea!.byTemplate).toBe(0);
    expect(linea!.capping.map((c) => c.item)).toEqual([
      'principle',
      'usersHave7DaysToExit',
      'usersCanExitWithoutCooperation',
      'delayWith30DExitWindow',
    ]);
    // Base: the council may act beyond provable bugs (a template item), and there is no 30-day window.
    expect(base!.byTemplate).toBe(1);
    expect(base!.capping.map((c) => [c.item, c.stage])).toEqual([['delayWith30DExitWindow', 2]]);
    // Facet: nothing holds it back.
    expect([facet!.byTemplate, facet!.capping]).toEqual([2, []]);
  });

  it('one value changed moves the stage: each item counts', () => {
    const [linea, base, facet] = ROLLUPS as [
      (typeof ROLLUPS)[number],
      (typeof ROLLUPS)[number],
      (typeof ROLLUPS)[number],
    ];
    // Without a proof system even Stage 0's requirements fail.
    expect(stageOf(linea, changed(linea.checklist, 'stage0', 'stateVerificationOnL1', false)).stage).toBe(-1);
    // A council not properly set up, or users with less than 7 days, takes Base to Stage 0.
    expect(
      stageOf(base, changed(base.checklist, 'stage1', 'securityCouncilProperlySetUp', false)).stage,
    ).toBe(0);
    expect(stageOf(base, changed(base.checklist, 'stage1', 'usersHave7DaysToExit', false)).stage).toBe(0);
    // Facet with a council that may act beyond bugs, or with less than 30 days, is Stage 1.
    expect(
      stageOf(facet, changed(facet.checklist, 'stage2', 'proofSystemOverriddenOnlyInCaseOfABug', false))
        .stage,
    ).toBe(1);
    expect(stageOf(facet, changed(facet.checklist, 'stage2', 'delayWith30DExitWindow', false)).stage).toBe(1);
  });

  it('attests what holds or is left out, with the page as evidence, and names items it does not know', () => {
    const facet = ROLLUPS[2]!;
    const at = Date.parse('2025-01-03T00:00:00Z');
    const { attestations, unknown } = l2beatEvidence({
      checklist: { ...facet.checklist, stage1: { ...facet.checklist.stage1, noRedTrustedSetups: true } },
      at,
      source: facet.page,
    });
    expect(attestations.map((a) => [a.checklist, a.note])).toEqual([
      ['state-roots-on-l1', 'L2BEAT stage0.stateRootsPostedToL1: met'],
      ['data-on-l1', 'L2BEAT stage0.dataAvailabilityOnL1: met'],
      ['node-source-available', 'L2BEAT stage0.rollupNodeSourceAvailable: met'],
      ['proof-system-deployed', 'L2BEAT stage0.stateVerificationOnL1: met'],
      ['council-properly-set-up', 'L2BEAT stage1.securityCouncilProperlySetUp: not applicable'],
      ['council-onchain-bugs-only', 'L2BEAT stage2.proofSystemOverriddenOnlyInCaseOfABug: met'],
    ]);
    expect(attestations.every((a) => a.evidence === facet.page && a.at === at)).toBe(true);
    expect(unknown).toEqual(['stage1.noRedTrustedSetups']);
  });
});
