import type { Organization, Unit } from '../model/Organization.js';
import { type CheckSteps, runSteps } from './CheckSteps.js';
import type { CharterInput } from './charterSchema.js';
import { DEFAULT_DIMENSIONS } from './defaults.js';
import type { SetAside } from './pruneInvalid.js';
import { createResolveContext, type ResolveIssue } from './ResolveContext.js';
import { checkDependencyCycles } from './resolveDependencies.js';
import { resolveEmergencyPowers } from './resolveEmergencyPowers.js';
import { ladderModels, resolveLadders } from './resolveLadders.js';
import { resolveMetrics } from './resolveMetrics.js';
import { resolveRoles } from './resolveRoles.js';
import { resolveUnit } from './resolveUnit.js';

export interface ResolveResult {
  /** Present when there were no errors (warnings allowed). */
  readonly organization?: Organization;
  readonly issues: readonly ResolveIssue[];
}

/**
 * Turns a charter that passed the schema into the organization model, checking everything the
 * schema cannot: references between parts, slot bindings, policy composition, level positions,
 * dependency cycles, and the requirements of each unit's current level that the charter alone
 * decides (role sizes, thresholds, exit windows). Every issue is collected; none stops the run.
 *
 * Each concept has its resolver (roles, metrics, ladders, units and, within a unit, its parties,
 * levels, criteria, dependencies and commitments); this runs them in the order their references
 * need — what a unit names is registered before the units are read.
 *
 * @example
 * const { organization, issues } = resolveCharter({ input });
 */
export function resolveCharter(args: { input: CharterInput; setAside?: SetAside }): ResolveResult {
  return runSteps(resolveCharterSteps(args));
}

/** Units resolved between two yields of `resolveCharterSteps`. */
const UNITS_PER_STEP = 100;

/** `resolveCharter` in steps: it yields after every hundred units. */
export function* resolveCharterSteps(args: {
  input: CharterInput;
  setAside?: SetAside;
}): CheckSteps<ResolveResult> {
  const { input } = args;
  const context = createResolveContext(args);
  const tokens = (input.organization.tokens ?? []).map((token) => ({
    symbol: token.symbol,
    name: token.name,
    decimals: token.decimals ?? 18,
    ...(token.chain === undefined ? {} : { chain: token.chain }),
    ...(token.address === undefined ? {} : { address: token.address }),
  }));
  context.unique({
    ids: tokens.map((t) => t.symbol),
    listPath: ['organization', 'tokens'],
    field: 'symbol',
    noun: 'token',
  });
  for (const token of tokens) context.tokenSymbols.add(token.symbol);

  const dimensions = input.dimensions ?? DEFAULT_DIMENSIONS;
  context.unique({
    ids: dimensions.map((d) => d.id),
    listPath: ['dimensions'],
    field: 'id',
    noun: 'dimension',
  });
  for (const dimension of dimensions) context.dimensionIds.add(dimension.id);

  const members = input.members.map((m) => ({
    id: m.id,
    name: m.name,
    ...(m.key === undefined ? {} : { key: m.key }),
  }));
  context.unique({ ids: members.map((m) => m.id), listPath: ['members'], field: 'id', noun: 'member' });
  for (const member of members) context.memberIds.add(member.id);

  const roles = resolveRoles({ context });
  const metrics = resolveMetrics({ context });
  resolveLadders({ context });

  context.unique({ ids: input.units.map((u) => u.id), listPath: ['units'], field: 'id', noun: 'unit' });
  input.units.forEach((unit, index) => {
    if (!context.units.has(unit.id)) context.units.set(unit.id, { unit, index });
  });
  const units: (Unit | undefined)[] = [];
  for (const [index, unit] of input.units.entries()) {
    if (index > 0 && index % UNITS_PER_STEP === 0) yield;
    units.push(resolveUnit({ context, unit, index }));
  }
  const resolvedUnits = units.filter((u): u is Unit => u !== undefined);
  if (resolvedUnits.length === units.length) checkDependencyCycles({ context, units: resolvedUnits });

  const emergency = resolveEmergencyPowers({
    input: input.emergency,
    roles: roles.map((r) => r.id),
    units: input.units.map((u) => u.id),
  });
  for (const issue of emergency.issues) {
    const { severity, ...report } = issue;
    if (severity === 'error') context.error(report);
    else context.warn(report);
  }

  if (context.errorCount() > 0) return { issues: context.issues };
  const organization: Organization = {
    id: input.organization.id,
    name: input.organization.name,
    kind: input.organization.kind,
    ...(input.organization.description === undefined ? {} : { description: input.organization.description }),
    ...(input.organization.website === undefined ? {} : { website: input.organization.website }),
    tokens,
    dimensions: dimensions.map((d) => ({
      id: d.id,
      name: d.name,
      ...(d.description === undefined ? {} : { description: d.description }),
    })),
    members,
    roles,
    ladders: ladderModels({ context }),
    metrics,
    units: resolvedUnits,
    ...(emergency.powers.length === 0 ? {} : { emergencyPowers: emergency.powers }),
  };
  return { organization, issues: context.issues };
}
