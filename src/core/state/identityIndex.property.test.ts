import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameIdentity } from '../log/sameIdentity.js';
import { keyHolder, registeredKey, withRegisteredKey } from './identityIndex.js';
import type { OrgState } from './OrgState.js';

const MEMBERS = ['ana', 'ben', 'cy', 'dee', 'eve', 'constructor'];
// Ethereum addresses in both letter cases: one account, two spellings (`sameIdentity`).
const IDENTITIES = [
  'ed25519:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
  'ed25519:BBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBBA',
  '0xabcdefabcdefabcdefabcdefabcdefabcdefabcd',
  '0xABCDEFABCDEFABCDEFABCDEFABCDEFABCDEFABCD',
  '0x1111111111111111111111111111111111111111',
];

/** The fields of a state that registrations leave alone, in a state's usual order around `keys`. */
function stateWith(keys: Readonly<Record<string, string>>): OrgState {
  return {
    id: 'org',
    seq: 0,
    head: 'h0',
    keys,
    pendingKeys: {},
    levels: {},
    proposals: {},
  } as unknown as OrgState;
}

type Step =
  /** Register `member`'s key on the state at `from` (a position among the states so far). */
  | { kind: 'register'; from: number; member: string; identity: string }
  /** Another action on the state at `from`: a spread, which reads `keys` as a plain table. */
  | { kind: 'spread'; from: number }
  /** Read the state at `from`'s table now, before later registrations (which must not show in it). */
  | { kind: 'read'; from: number };

const stepArb: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('register' as const),
      from: fc.nat(),
      member: fc.constantFrom(...MEMBERS),
      identity: fc.constantFrom(...IDENTITIES),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('spread' as const), from: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('read' as const), from: fc.nat() }) },
);

const baseArb = fc.dictionary(fc.constantFrom(...MEMBERS), fc.constantFrom(...IDENTITIES), { maxKeys: 3 });

describe('key tables shared by successive states (withRegisteredKey)', () => {
  it('every state reads exactly the table a copy per registration would hold, whatever came after it', () => {
    fc.assert(
      fc.property(baseArb, fc.array(stepArb, { maxLength: 40 }), fc.boolean(), (base, steps, latest) => {
        const states: OrgState[] = [stateWith(base)];
        // What each state's table was before sharing: a fresh copy with each registration.
        const models: Readonly<Record<string, string>>[] = [{ ...base }];
        const early: { at: number; seen: Readonly<Record<string, string>> }[] = [];
        for (const step of steps) {
          // Mostly the latest state (appending in place), sometimes an earlier one (a copy).
          const from = latest ? states.length - 1 : step.from % states.length;
          const state = states[from]!;
          const model = models[from]!;
          if (step.kind === 'register') {
            states.push(
              withRegisteredKey(state, step.member, step.identity, {
                seq: states.length,
                head: `h${states.length}`,
              }),
            );
            models.push({ ...model, [step.member]: step.identity });
          } else if (step.kind === 'spread') {
            states.push({ ...state, seq: states.length });
            models.push(model);
          } else {
            early.push({ at: from, seen: state.keys });
          }
        }
        for (const { at, seen } of early) {
          expect(states[at]!.keys).toBe(seen);
          expect(Object.entries(seen)).toEqual(Object.entries(models[at]!));
        }
        for (const [i, state] of states.entries()) {
          const model = models[i]!;
          for (const member of MEMBERS) {
            expect(registeredKey(state, member)).toBe(
              Object.hasOwn(model, member) ? model[member] : undefined,
            );
            for (const identity of IDENTITIES) {
              const holder = keyHolder(state, identity, member);
              const holders = Object.keys(model).filter(
                (m) => m !== member && sameIdentity(model[m]!, identity),
              );
              if (holder === undefined) expect(holders).toEqual([]);
              else expect(holders).toContain(holder);
            }
          }
          // Read last, after every look-up: the same table, field by field and in the same order.
          expect(Object.entries(state.keys)).toEqual(Object.entries(model));
          expect(Object.keys(state)).toEqual([
            'id',
            'seq',
            'head',
            'keys',
            'pendingKeys',
            'levels',
            'proposals',
          ]);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a registration leaves the state it was made from unchanged, and changes only the fields named', () => {
    const first = stateWith({ ana: IDENTITIES[0]! });
    const second = withRegisteredKey(first, 'ben', IDENTITIES[1]!, { seq: 1, head: 'h1' });
    const sibling = withRegisteredKey(first, 'ben', IDENTITIES[2]!, { seq: 1, head: 'h1b' });
    const third = withRegisteredKey(second, 'cy', IDENTITIES[4]!, { seq: 2, head: 'h2' });
    expect(first.keys).toEqual({ ana: IDENTITIES[0] });
    expect(second.keys).toEqual({ ana: IDENTITIES[0], ben: IDENTITIES[1] });
    expect(sibling.keys).toEqual({ ana: IDENTITIES[0], ben: IDENTITIES[2] });
    expect(third.keys).toEqual({ ana: IDENTITIES[0], ben: IDENTITIES[1], cy: IDENTITIES[4] });
    expect(keyHolder(second, IDENTITIES[2]!, 'cy')).toBeUndefined();
    expect(keyHolder(sibling, IDENTITIES[2]!, 'cy')).toBe('ben');
    expect({ ...third, keys: undefined }).toEqual({ ...first, seq: 2, head: 'h2', keys: undefined });
  });
});
