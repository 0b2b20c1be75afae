import { describe, expect, it } from 'vitest';
import { lumenRuntime } from '../../../test/support/replayLog.js';
import { seededRandom } from '../../../test/support/seededRandom.js';
import { type JsonObject, unitOf } from '../../../test/support/signedLog.js';
import { NO_EVIDENCE } from '../evidence/Evidence.js';
import { withLogEvidence } from '../evidence/withLogEvidence.js';
import { leafCriteria } from '../readiness/collectCriteria.js';
import { evaluateCriterion } from '../readiness/evaluateCriterion.js';

const LINK = 'https://audits.example/lumen-v3.pdf';

/** The criterion `{ checklist: id }` under `unit`'s readiness for `level`, as written. */
function checklistIn(charter: JsonObject, unit: string, level: string, id: string): JsonObject {
  const readiness = unitOf(charter, unit)['readiness'] as JsonObject;
  const all = (readiness[level] as JsonObject)['all'] ?? (readiness[level] as JsonObject)['any'];
  return (all as JsonObject[]).find((c) => c['checklist'] === id)!;
}

/**
 * The dao template (log in March 2026) with attesters written out: audit-v3 by the security
 * council, upgrade-runbook by `alumni` (tomas, whose term ended in 2020) or the risk council
 * (whose terms begin in July 2026), so no one may attest the runbook yet; treasury-dashboard names
 * no attesters (the treasury's owners, the founders), ipfs-mirror neither (front-end: core team).
 */
function lumen() {
  return lumenRuntime({
    org: 'lumen-attest',
    registered: ['jonas', 'priya', 'tomas', 'ade', 'hugo', 'lin'],
    prepare: (charter) => {
      (charter['roles'] as JsonObject[]).push({
        id: 'alumni',
        name: 'Alumni',
        scope: 'team',
        members: [{ member: 'tomas', until: '2020-01-01' }],
      });
      checklistIn(charter, 'upgrades', 'delegated', 'audit-v3')['attesters'] = ['security-council'];
      checklistIn(charter, 'upgrades', 'delegated', 'upgrade-runbook')['attesters'] = [
        'alumni',
        'risk-council',
      ];
    },
  });
}

/** Who may attest what in March 2026, written out by hand from the charter above. */
const ITEMS: Record<string, { unit: string; attesters: readonly string[]; evidence: boolean }> = {
  'audit-v3': { unit: 'upgrades', attesters: ['ade', 'hugo'], evidence: true },
  'upgrade-runbook': { unit: 'upgrades', attesters: [], evidence: false },
  'treasury-dashboard': { unit: 'treasury', attesters: ['mara', 'jonas'], evidence: true },
  'ipfs-mirror': { unit: 'front-end', attesters: ['mara', 'jonas', 'priya', 'tomas', 'lin'], evidence: true },
};
const ACTORS = ['mara', 'jonas', 'priya', 'tomas', 'ade', 'hugo', 'lin'];

/** The verdict the rules give, from the table above: undefined when the attestation is allowed. */
function expected(unit: string, item: string, actor: string, evidence: boolean): string | undefined {
  const known = ITEMS[item];
  if (known === undefined || known.unit !== unit) return 'action/unknown-checklist';
  if (!known.attesters.includes(actor)) return 'action/not-an-attester';
  if (known.evidence && !evidence) return 'action/evidence-required';
  return undefined;
}

describe('attestation.record', () => {
  it('accepts exactly the attestations the charter allows, over 600 generated attempts', () => {
    const { org, keys } = lumen();
    const random = seededRandom(11);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    const items = [...Object.keys(ITEMS), 'no-such-item'];
    const units = ['upgrades', 'treasury', 'front-end', 'nowhere'];
    let accepted = 0;
    let refused = 0;
    for (let i = 0; i < 600; i++) {
      const actor = pick(ACTORS);
      const checklist = pick(items);
      // Mostly the item's own unit, sometimes another (the item is not that unit's).
      const unit = random() < 0.8 ? (ITEMS[checklist]?.unit ?? pick(units)) : pick(units);
      const evidence = random() < 0.6;
      const action = {
        key: keys[actor]!,
        actor,
        kind: 'attestation.record',
        payload: { unit, checklist, ...(evidence ? { evidence: LINK } : {}), note: `attempt ${i}` },
      };
      const want = expected(unit, checklist, actor, evidence);
      const context = `${actor} ${unit}/${checklist} evidence=${evidence}`;
      if (want === undefined) {
        const state = org.act(action);
        const mine = state.attestations?.filter((a) => a.by === actor && a.checklist === checklist);
        expect(mine, context).toHaveLength(1);
        expect(mine?.[0]?.note, context).toBe(`attempt ${i}`);
        accepted++;
      } else {
        expect(org.refusal(action), context).toBe(want);
        refused++;
      }
    }
    // The generator reached both sides of the rule.
    expect(accepted).toBeGreaterThan(50);
    expect(refused).toBeGreaterThan(50);
  });

  it('is refused when signed with another member’s key, and when the link is not a link', () => {
    const { org, keys } = lumen();
    const payload = { unit: 'upgrades', checklist: 'audit-v3', evidence: LINK };
    expect(org.refusal({ key: keys['hugo']!, actor: 'ade', kind: 'attestation.record', payload })).toBe(
      'action/wrong-key',
    );
    expect(org.refusal({ key: keys['mara']!, actor: 'hugo', kind: 'attestation.record', payload })).toBe(
      'action/wrong-key',
    );
    expect(
      org.refusal({
        key: keys['hugo']!,
        actor: 'hugo',
        kind: 'attestation.record',
        payload: { ...payload, evidence: 'see the forum' },
      }),
    ).toBe('action/invalid-payload');
  });

  it('honours role terms at the moment of the action: a term that ended, one not begun', () => {
    const { org, keys } = lumen();
    const runbook = { unit: 'upgrades', checklist: 'upgrade-runbook' };
    // tomas was an alumnus until 2020; priya joins the risk council in July 2026.
    for (const actor of ['tomas', 'priya'])
      expect(org.refusal({ key: keys[actor]!, actor, kind: 'attestation.record', payload: runbook })).toBe(
        'action/not-an-attester',
      );
  });

  it('replaces the attester’s own earlier attestation; withdrawal removes only one in force', () => {
    const { org, keys } = lumen();
    const at = (actor: string, note: string) => ({
      key: keys[actor]!,
      actor,
      kind: 'attestation.record',
      payload: { unit: 'upgrades', checklist: 'audit-v3', evidence: LINK, note },
    });
    org.act(at('ade', 'first'));
    org.act(at('hugo', 'second opinion'));
    const state = org.act(at('ade', 'rechecked'));
    expect(state.attestations?.map((a) => [a.by, a.note, a.role])).toEqual([
      ['hugo', 'second opinion', 'security-council'],
      ['ade', 'rechecked', 'security-council'],
    ]);
    const withdraw = (actor: string) => ({
      key: keys[actor]!,
      actor,
      kind: 'attestation.withdraw',
      payload: { unit: 'upgrades', checklist: 'audit-v3' },
    });
    expect(org.act(withdraw('ade')).attestations?.map((a) => a.by)).toEqual(['hugo']);
    expect(org.refusal(withdraw('ade'))).toBe('action/no-attestation');
    expect(org.refusal(withdraw('jonas'))).toBe('action/no-attestation');
  });

  it('meets the checklist criterion with a signed attestation, which beats an unsigned one', () => {
    const { org, keys } = lumen();
    const state = org.act({
      key: keys['hugo']!,
      actor: 'hugo',
      kind: 'attestation.record',
      payload: { unit: 'upgrades', checklist: 'audit-v3', evidence: LINK },
    });
    const unit = state.organization.units.find((u) => u.id === 'upgrades')!;
    const criterion = leafCriteria(unit.levels.find((l) => l.id === 'delegated')!.readiness).find(
      (c) => c.kind === 'checklist' && c.id === 'audit-v3',
    )!;
    const now = Date.parse(state.attestations![0]!.at) + 1000;
    const judge = (evidence: typeof NO_EVIDENCE) =>
      evaluateCriterion({
        criterion,
        context: { organization: state.organization, unit, level: 2, evidence, now },
      });
    expect(judge(NO_EVIDENCE).status).toBe('unmet');
    // A later file attestation by someone else does not displace the signed one.
    const file = {
      ...NO_EVIDENCE,
      attestations: [{ checklist: 'audit-v3', by: 'mara', at: now, evidence: LINK }],
    };
    const result = judge(withLogEvidence({ evidence: file, state, now }));
    expect(result.status).toBe('met');
    expect(result.facts).toMatchObject({
      kind: 'checklist',
      attestation: { by: 'hugo', signed: true, role: 'security-council', evidence: LINK },
    });
    expect(result.reason).toBe(`signed by Hugo Lefèvre (security-council) on 2026-03-01 (${LINK})`);
    expect(judge(file).facts).toMatchObject({ attestation: { by: 'mara', signed: false } });
  });
});
