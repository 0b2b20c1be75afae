import type { CharterInput } from '../../src/core/charter/charterSchema.js';

/**
 * A valid charter as a value, as small as one can be: one member (ann), one role (founders) and
 * one unit (treasury, at level 0, which founders own). `role` and `unit` fields are merged into
 * the role and the unit, for tests that call the resolver or the checker without a file.
 */
export function minimalCharter(
  args: { role?: Record<string, unknown>; unit?: Record<string, unknown> } = {},
) {
  return {
    devolve: 1,
    organization: { id: 'acme', name: 'Acme', kind: 'web3' },
    members: [{ id: 'ann', name: 'Ann' }],
    roles: [{ id: 'founders', name: 'Founders', members: ['ann'], ...args.role }],
    units: [
      {
        id: 'treasury',
        name: 'Treasury',
        dimension: 'capital',
        owners: ['founders'],
        level: 0,
        ...args.unit,
      },
    ],
  } as CharterInput & {
    members: { id: string; name: string }[];
    roles: { id: string; name: string; members: string[] }[];
    units: Record<string, unknown>[];
  };
}
