import { describe, expect, it } from 'vitest';
import { lumenRuntime } from '../../../test/support/replayLog.js';
import { type JsonObject, unitOf } from '../../../test/support/signedLog.js';
import { readCharter } from '../actions/charterPayload.js';
import { DevolveError } from '../errors/DevolveError.js';
import { diffCharter } from './diffCharter.js';

/**
 * The dao template (Lumen Protocol): upgrades at consultative (2) with a community level (4)
 * above it, treasury at transparent (1), brand at founder (0); mara is a founder and owns them all.
 */
function lumen() {
  return lumenRuntime({ org: 'lumen-diff', registered: [] });
}

/** The diff of an edit, and whether `charter.amend` by mara actually accepts that edit. */
function tryEdit(edit: (c: JsonObject) => void) {
  const { org, amend } = lumen();
  const action = amend('mara', edit);
  const { input, organization } = readCharter((action.payload as { charter: unknown }).charter);
  const diff = diffCharter({ state: org.state!, organization, input });
  let refusal: string | undefined;
  try {
    org.act(action);
  } catch (error) {
    if (!(error instanceof DevolveError)) throw error;
    refusal = error.code;
  }
  return { diff, refusal };
}

describe('diffCharter', () => {
  it('finds nothing in the charter in force', () => {
    const { diff, refusal } = tryEdit(() => {});
    expect(diff).toEqual({ sections: [], units: [], applicable: true });
    expect(refusal).toBeUndefined();
  });

  it('lets an owner reword a unit above founder level directly, as apply does', () => {
    const { diff, refusal } = tryEdit((c) => {
      unitOf(c, 'treasury')['description'] = 'The protocol treasury, reworded.';
    });
    expect(diff.units).toEqual([
      { unit: 'treasury', change: 'reworded', level: 1, route: 'apply', fields: ['description'] },
    ]);
    expect(diff.applicable).toBe(true);
    expect(refusal).toBeUndefined();
  });

  it('sends a loosened higher level to a proposal under that level, and apply refuses it', () => {
    const { diff, refusal } = tryEdit((c) => {
      ((unitOf(c, 'upgrades')['policies'] as JsonObject)['community'] as JsonObject)['quorum'] = '2%';
    });
    expect(diff.units).toEqual([
      {
        unit: 'upgrades',
        change: 'governance',
        level: 2,
        route: 'proposal',
        fields: ['levels'],
        decidedAt: { level: 4, levelId: 'community', reasons: ['quorum'] },
      },
    ]);
    expect(diff.applicable).toBe(false);
    expect(refusal).toBe('action/proposal-required');
  });

  it('sends a tightened higher level to a proposal under the current level', () => {
    const { diff, refusal } = tryEdit((c) => {
      ((unitOf(c, 'upgrades')['policies'] as JsonObject)['community'] as JsonObject)['quorum'] = '10%';
    });
    expect(diff.units[0]?.decidedAt).toMatchObject({ level: 2, levelId: 'consultative' });
    expect(refusal).toBe('action/proposal-required');
  });

  it('reports a changed level as a slider move, which apply refuses', () => {
    const { diff, refusal } = tryEdit((c) => {
      unitOf(c, 'treasury')['level'] = 'community';
    });
    expect(diff.units).toEqual([
      {
        unit: 'treasury',
        change: 'level',
        level: 1,
        route: 'move',
        fields: ['level'],
        to: 4,
        toId: 'community',
      },
    ]);
    expect(refusal).toBe('action/level-change');
  });

  it('lets a founder-level unit be removed directly but not one above it', () => {
    const brand = tryEdit((c) => {
      c['units'] = (c['units'] as JsonObject[]).filter((u) => u['id'] !== 'brand');
    });
    expect(brand.diff.units).toEqual([
      { unit: 'brand', change: 'removed', level: 0, route: 'apply', fields: [] },
    ]);
    expect(brand.diff.sections).toEqual(['units']);
    expect(brand.refusal).toBeUndefined();
    const treasury = tryEdit((c) => {
      c['units'] = (c['units'] as JsonObject[]).filter((u) => u['id'] !== 'treasury');
    });
    expect(treasury.diff.units[0]).toMatchObject({ unit: 'treasury', change: 'removed', route: 'blocked' });
    expect(treasury.refusal).toBe('action/proposal-required');
  });

  it('names the roles change that reaches an above-founder unit through its policy', () => {
    const { diff, refusal } = tryEdit((c) => {
      const council = (c['roles'] as JsonObject[]).find((r) => r['id'] === 'security-council')!;
      (council['members'] as unknown[]).push('jonas');
    });
    const upgrades = diff.units.find((u) => u.unit === 'upgrades');
    expect(upgrades).toMatchObject({ change: 'governance', route: 'proposal', fields: ['roles'] });
    expect(diff.sections).toEqual(['roles']);
    expect(refusal).toBe('action/proposal-required');
  });
});
