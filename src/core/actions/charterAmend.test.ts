import { describe, expect, it } from 'vitest';
import { lumenRuntime } from '../../../test/support/replayLog.js';
import { type JsonObject, unitOf } from '../../../test/support/signedLog.js';

/**
 * The dao template created by mara (jonas's key pinned and registered), with `prepare` applied to
 * the charter first. Its units: upgrades (consultative, 2), risk-parameters (delegated, 3),
 * treasury (transparent, 1), …, brand (founder, 0), owned by the founders mara and jonas.
 */
function lumen(prepare: (charter: JsonObject) => void = () => {}) {
  return lumenRuntime({ org: 'lumen-ratchet', registered: ['jonas'], prepare });
}

function token(charter: JsonObject): JsonObject {
  return ((charter['organization'] as JsonObject)['tokens'] as JsonObject[])[0]!;
}

function role(charter: JsonObject, id: string): JsonObject {
  return (charter['roles'] as JsonObject[]).find((r) => r['id'] === id)!;
}

describe('charter.amend: the ratchet', () => {
  it('refuses changing the address, chain or decimals of the token an above-founder unit votes with', () => {
    const { org, amend } = lumen();
    const edits: ((c: JsonObject) => void)[] = [
      (c) => {
        token(c)['address'] = '0x000000000000000000000000000000000000dead';
      },
      (c) => {
        token(c)['chain'] = 'base';
      },
      (c) => {
        token(c)['decimals'] = 6;
      },
    ];
    for (const edit of edits) expect(org.refusal(amend('mara', edit))).toBe('action/proposal-required');
    // Its display name governs nothing.
    org.act(
      amend('mara', (c) => {
        token(c)['name'] = 'Lumen token';
      }),
    );
  });

  it('refuses adding twenty made-up members to the council an above-founder unit’s policy names', () => {
    const { org, amend } = lumen();
    const error = org.error(
      amend('mara', (c) => {
        const made = Array.from({ length: 20 }, (_, i) => `sock${i}`);
        (c['members'] as JsonObject[]).push(...made.map((id) => ({ id, name: id })));
        (role(c, 'grants-committee')['members'] as string[]).push(...made);
      }),
    );
    expect(error.code).toBe('action/proposal-required');
    expect(error.details).toMatchObject({ unit: 'treasury', level: 1 });
  });

  it('refuses adding made-up members when an above-founder unit’s electorate is every member', () => {
    const { org, amend } = lumen((c) => {
      const treasury = unitOf(c, 'treasury');
      treasury['policies'] = {
        ...(treasury['policies'] as JsonObject),
        transparent: { deciders: ['members'] },
      };
    });
    const error = org.error(
      amend('mara', (c) => {
        for (let i = 0; i < 20; i++)
          (c['members'] as JsonObject[]).push({ id: `sock${i}`, name: `Sock ${i}` });
      }),
    );
    expect(error.code).toBe('action/proposal-required');
    expect(error.details).toMatchObject({ unit: 'treasury', level: 1 });
  });

  it('refuses changing the members of a role named only in an above-founder unit’s readiness criteria', () => {
    const { org, amend } = lumen((c) => {
      (c['roles'] as JsonObject[]).push({
        id: 'auditors',
        name: 'Auditors',
        scope: 'council',
        members: ['hugo'],
      });
      const readiness = unitOf(c, 'upgrades')['readiness'] as JsonObject;
      ((readiness['delegated'] as JsonObject)['all'] as JsonObject[]).push({
        role: 'auditors',
        minMembers: 2,
      });
    });
    const error = org.error(
      amend('mara', (c) => {
        (role(c, 'auditors')['members'] as string[]).push('grace');
      }),
    );
    expect(error.code).toBe('action/proposal-required');
    expect(error.details).toMatchObject({ unit: 'upgrades' });
  });

  it('gives owner rights only within the owning role’s term, at the moment of the action', () => {
    // The log runs in March 2026: a term that ended in 2020, or starts in 2099, gives no rights.
    for (const term of [{ until: '2020-01-01' }, { from: '2099-01-01' }]) {
      const { org, amend } = lumen((c) => {
        role(c, 'founders')['members'] = [{ member: 'mara', ...term }, 'jonas'];
      });
      const reword = (c: JsonObject) => {
        unitOf(c, 'brand')['description'] = 'Reworded.';
      };
      expect(org.refusal(amend('mara', reword))).toBe('action/not-an-owner');
      org.act(amend('jonas', reword));
    }
  });

  it('refuses any change to a unit’s level, even at founder level, and a new unit above founder level', () => {
    const { org, amend } = lumen();
    const up = org.error(
      amend('mara', (c) => {
        unitOf(c, 'brand')['level'] = 'autonomous';
      }),
    );
    expect(up.code).toBe('action/level-change');
    expect(up.details).toMatchObject({ unit: 'brand', level: 5 });
    expect(
      org.refusal(
        amend('mara', (c) => {
          unitOf(c, 'treasury')['level'] = 'founder';
        }),
      ),
    ).toBe('action/level-change');
    const added = (level: string) =>
      amend('mara', (c) => {
        (c['units'] as JsonObject[]).push({
          id: 'docs',
          name: 'Docs',
          dimension: 'community',
          owners: ['founders'],
          level,
          target: 'consultative',
        });
      });
    expect(org.refusal(added('consultative'))).toBe('action/level-change');
    const state = org.act(added('founder'));
    expect(state.levels['docs']).toBe(0);
    expect(state.levels['treasury']).toBe(1);
    expect(state.levelSince['docs']).toBe(org.log.events.at(-1)!.recordedAt);
  });

  it('lets founder-level owners change their own unit’s governance, and keeps runtime levels apart', () => {
    const { org, amend } = lumen();
    const before = org.state!;
    const state = org.act(
      amend('mara', (c) => {
        unitOf(c, 'brand')['target'] = 'transparent';
        unitOf(c, 'brand')['since'] = '2020-01-01';
      }),
    );
    // `since` in the charter is declared, not evidence: the runtime time at level stays.
    expect(state.levelSince).toEqual(before.levelSince);
    expect(state.levels).toEqual(before.levels);
  });
});
