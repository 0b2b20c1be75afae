import type { EvidenceEntry } from '../../src/core/evidence/EvidenceRecord.js';

/** A plain key (no multisig, no timelock) and the upgradeable contract it controls. */
export const SINGLE_KEY = '0x1111111111111111111111111111111111111111';
export const PROXY = '0x7777777777777777777777777777777777777777';
export const RPC = 'https://rpc.example';

/**
 * Upgrade control of a unit's contract held by one plain key, read `at` from `RPC`, as
 * `devolve observe --record` records it: the fact that observes a unit as founder-controlled.
 */
export function singleKeyControl(unit: string, at: number): EvidenceEntry {
  return {
    kind: 'control',
    control: {
      unit,
      power: 'upgrade',
      subject: PROXY,
      holder: { kind: 'key', address: SINGLE_KEY },
      observedAt: at,
      source: RPC,
    },
  };
}
