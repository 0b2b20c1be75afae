import { canonicalJson } from '../core/log/canonicalJson.js';
import type { OrgState } from '../core/state/OrgState.js';

/** The parts of `OrgState` the `organizations.runtime` column holds. */
export type RuntimeJson = Pick<
  OrgState,
  'pendingKeys' | 'proposals' | 'delegations' | 'snapshots' | 'emergencyUses' | 'attestations'
>;

/** The runtime column's text for `state`: canonical JSON, so equal states give equal text. */
export function runtimeText(state: OrgState): string {
  const runtime: RuntimeJson = {
    pendingKeys: state.pendingKeys,
    proposals: state.proposals,
    delegations: state.delegations,
    snapshots: state.snapshots,
    emergencyUses: state.emergencyUses,
    ...(state.attestations === undefined ? {} : { attestations: state.attestations }),
  };
  return canonicalJson(runtime);
}

/**
 * Reads the runtime column back. A row written before the column existed holds `{}`: no pending
 * rotations, proposals, delegations, snapshots or emergency uses, which is what its log implies.
 * Returns undefined when the text is not a JSON object (a damaged row).
 */
export function readRuntime(text: string): RuntimeJson | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return undefined;
  const v = value as Partial<RuntimeJson>;
  return {
    pendingKeys: v.pendingKeys ?? {},
    proposals: v.proposals ?? {},
    delegations: v.delegations ?? [],
    snapshots: v.snapshots ?? {},
    emergencyUses: v.emergencyUses ?? [],
    ...(v.attestations === undefined ? {} : { attestations: v.attestations }),
  };
}
