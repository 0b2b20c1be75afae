import type { Party } from '../model/Organization.js';
import { BINDABLE_SLOTS, type BindableSlot, SLOTS } from '../policy/Slot.js';
import type { Path } from '../schema/Schema.js';
import { suggestionHint } from '../text/didYouMean.js';
import type { UnitInput } from './charterSchema.js';
import type { LevelSource, ResolveContext } from './ResolveContext.js';
import { RESERVED_PARTIES } from './resolveRoles.js';

/** Reads one list of parties (propose, deciders, consulted, veto holders) at one level of the unit. */
export type PartyReader = (args: {
  refs: readonly string[] | undefined;
  path: Path;
  levelIndex: number;
}) => Party[];

/**
 * A reader of the parties a unit's policies name: roles, the built-in electorates, and slots
 * (`$owner`, `$team` …) filled by the unit's owners and bindings. A slot with no role is reported
 * once per unit, at the lowest level that needs it, however many fields of however many levels
 * name it — and only for levels up to `reach` (the current level or the target, whichever is
 * higher): a slot needed only further up the ladder is not yet a problem.
 *
 * @example
 * const read = partyReader({ context, unit, path, source, owners, bindings, reach });
 * read({ refs: ['$council'], path: [...path, 'policies', 'delegated', 'deciders'], levelIndex: 3 });
 */
export function partyReader(args: {
  context: ResolveContext;
  unit: UnitInput;
  path: Path;
  source: LevelSource;
  owners: readonly string[];
  bindings: Partial<Record<BindableSlot, readonly string[]>>;
  reach: number;
}): PartyReader {
  const { context, unit, source, owners, bindings, reach } = args;
  const unboundReported = new Set<string>();
  return ({ refs, path, levelIndex }) => {
    const parties: Party[] = [];
    const seen = new Set<string>();
    // The same role reached through two slots counts once.
    const add = (party: Party) => {
      const key = party.kind === 'role' ? `role:${party.role}` : party.kind;
      if (seen.has(key)) return;
      seen.add(key);
      parties.push(party);
    };
    for (const [i, ref] of (refs ?? []).entries()) {
      if (ref === 'members' || ref === 'anyone') {
        add({ kind: ref });
      } else if (ref.startsWith('$')) {
        const slot = ref.slice(1);
        if (slot === 'owner') {
          for (const role of owners) add({ kind: 'role', role });
        } else if ((BINDABLE_SLOTS as readonly string[]).includes(slot)) {
          const bound = bindings[slot as BindableSlot];
          if (bound !== undefined) {
            for (const role of bound) add({ kind: 'role', role });
          } else if (levelIndex <= reach && !unboundReported.has(slot)) {
            unboundReported.add(slot);
            context.error({
              path: source.path === undefined ? [...args.path, 'ladder'] : [...args.path],
              code: 'charter/unbound-slot',
              message: `unit '${unit.id}' has no role for slot ${ref}, used at level '${source.ladder.levels[levelIndex]!.id}'`,
              hint: `add 'roles: { ${slot}: [<role>] }' to the unit, or to 'defaults'`,
            });
          }
        } else {
          context.error({
            path: [...path, i],
            code: 'charter/unknown-slot',
            message: `unknown slot '${ref}'`,
            hint: suggestionHint({ input: slot, candidates: SLOTS, noun: 'slot' }).replace(
              /'(\w+)'/g,
              "'$$$1'",
            ),
          });
        }
      } else if (context.roles.has(ref)) {
        add({ kind: 'role', role: ref });
      } else {
        context.unknown({
          path: [...path, i],
          noun: 'role',
          name: ref,
          candidates: () => [...context.roles.keys(), ...RESERVED_PARTIES],
        });
      }
    }
    return parties;
  };
}
