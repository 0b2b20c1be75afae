import { describe, expect, it } from 'vitest';
import { withUnits } from '../../../test/support/charterText.js';
import { loadCharter } from '../charter/loadCharter.js';
import { buildBoard } from './buildBoard.js';

const load = loadCharter({
  text: withUnits(`  - id: grants
    name: Grants
    dimension: capital
    owners: [core-team]
    level: consultative
    target: community
  - id: app
    name: App
    dimension: product
    owners: [core-team]
    level: autonomous
`),
  file: 'devolve.yaml',
});
if (!load.ok) throw new Error(JSON.stringify(load.errors, null, 2));
const board = buildBoard({ organization: load.organization });

// The `app` unit of this charter is also in explainUnit.test.ts's on purpose: each test keeps its
// whole charter in one readable YAML text rather than assembling it from shared parts.
describe('buildBoard', () => {
  it('names the organization', () => {
    expect(board.organization).toEqual({ id: 'acme', name: 'Acme', kind: 'web3' });
  });

  it('groups units by dimension, in the order dimensions are declared, leaving out empty ones', () => {
    // The default dimensions are product, community, governance, capital; only product and capital have units.
    expect(board.dimensions.map((d) => [d.id, d.name, d.units.map((u) => u.id)])).toEqual([
      ['product', 'Product & technology', ['app']],
      ['capital', 'Capital & ownership', ['treasury', 'grants']],
    ]);
  });

  it('draws each unit as a slider: its levels, current level, target and position', () => {
    const grants = board.dimensions[1]!.units[1]!;
    expect(grants).toMatchObject({
      id: 'grants',
      name: 'Grants',
      ladder: 'default',
      level: { index: 2, id: 'consultative', name: 'Consultative' },
      target: { index: 4, id: 'community', name: 'Community-governed' },
      // level 2 of a ladder of 6 levels (0–5): 2 / 5
      position: 0.4,
    });
    expect(grants.levels.map((l) => l.id)).toEqual([
      'founder',
      'transparent',
      'consultative',
      'delegated',
      'community',
      'autonomous',
    ]);
  });

  it('puts a unit at the bottom at position 0 and at the top at position 1', () => {
    const treasury = board.dimensions[1]!.units[0]!;
    const app = board.dimensions[0]!.units[0]!;
    expect(treasury.position).toBe(0);
    // With no target written, the target is the current level.
    expect(treasury.target).toEqual(treasury.level);
    expect(app.position).toBe(1);
  });
});
