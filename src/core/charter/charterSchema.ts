// One file (over 450 lines): the charter format is one document, and this file is its single
// definition, read top to bottom like the format section of the README; schema/devolve.schema.json
// is rendered from it. Its parts are small schemas that refer to each other (a unit's policy
// override, a ladder's policy); one file keeps the format reviewable as a whole.
import type { ProblemIn } from '../errors/ErrorCode.js';
import { ACTION_FORMS } from '../log/actionForms.js';
import { METHODS } from '../policy/MethodName.js';
import { BINDABLE_SLOTS, type BindableSlot } from '../policy/Slot.js';
import { parseRatio } from '../ratio/Ratio.js';
import { type Infer, type Optional, type Refusal, type Schema, StringSchema, s } from '../schema/Schema.js';
import { DURATION_FORMS, parseDuration } from '../time/Duration.js';
import { parseInstant } from '../time/Instant.js';
import { CHARTER_LIMITS } from './charterLimits.js';

/**
 * The charter format (`devolve.yaml`), version 1. This file is the single source of truth: the
 * loader validates documents with these schemas and `schema/devolve.schema.json` is rendered from
 * them. Cross-references (a unit naming a role, a level, another unit) are checked afterwards by
 * `resolveCharter`, which knows what is declared.
 */

export const CHARTER_VERSION = 1;

const ID_HINT = 'use lower-case letters, digits and dashes, starting with a letter, e.g. core-team';

export const idSchema = () =>
  s
    .string({ pattern: /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/, patternHint: ID_HINT, maxLength: 64 })
    .describe('An identifier: lower-case letters, digits and single dashes, starting with a letter.');

const tokenSymbolSchema = () =>
  s.string({ pattern: /^[A-Za-z][A-Za-z0-9]{0,15}$/, patternHint: 'letters and digits, e.g. LUM' });

const nameSchema = () => s.string({ minLength: 1, maxLength: 200 });
const textSchema = () => s.string({ maxLength: 10_000 });

function refusal(
  result: { ok: boolean; reason?: string; hint?: string },
  code: ProblemIn<'charter'>,
): Refusal | undefined {
  if (result.ok) return undefined;
  return {
    code,
    reason: result.reason ?? 'invalid',
    ...(result.hint === undefined ? {} : { hint: result.hint }),
  };
}

/** Text that must be a duration; a value of another type is told which forms a duration takes. */
class DurationSchema extends StringSchema {
  override expected(): string {
    return `a duration (${DURATION_FORMS})`;
  }
}

export const durationSchema = () =>
  new DurationSchema({ pattern: /^(P|\d)/, patternHint: `write ${DURATION_FORMS}` })
    .refine((text) => refusal(parseDuration(text), 'bad-duration'))
    .describe(
      'A duration: ISO-8601 (P7D, PT12H, P2W), short form (7d, 12h, 2w) or words (7 days, 12 hours). No months or years.',
    );

export const instantSchema = () =>
  s
    .string({ pattern: /^\d{4}-\d{2}-\d{2}/, patternHint: "write a date like '2027-06-30'" })
    .refine((text) => refusal(parseInstant(text), 'bad-instant'))
    .describe('A date (2027-06-30, meaning 00:00 UTC) or an ISO-8601 instant with an offset.');

/** Token balances by holder, in base units written as decimal strings (a proposal's or evidence's snapshot). */
export const balancesSchema = () =>
  s.record(
    s.string({ pattern: /^\d{1,78}$/, patternHint: 'a whole number of base units, as a string' }),
    'balances',
  );

export const ratioSchema = () =>
  s
    .union(
      [
        s.number({ min: 0, max: 1 }),
        s.string({
          pattern: /^\s*\d+(\.\d+)?\s*%\s*$|^\s*\d+\s*\/\s*\d+\s*$|^\s*\d+(\.\d+)?\s*$/,
          patternHint: 'write a fraction like 2/3, a percentage like 66.7%, or a decimal like 0.5',
        }),
      ],
      'a ratio (0.5, 50% or 1/2)',
    )
    .refine((value) => refusal(parseRatio(value), 'bad-ratio'))
    .describe('A share between 0 and 1: a decimal (0.5), a percentage (50%) or a fraction (2/3).');

/** A level reference: the level's id, or its position on the ladder counted from 0. */
export const levelRefSchema = () =>
  s
    .union([idSchema(), s.integer({ min: 0, max: 99 })], 'a level id or a level number')
    .describe("A level of a unit's ladder: its id (delegated) or its position from 0 (3).");

/**
 * A role reference in a policy: a declared role id, a unit slot (`$team`, `$council`,
 * `$community`, `$guardian`, `$owner`) that each unit binds to its own roles, or one of the
 * built-in electorates `members` (every member) and `anyone` (any signer).
 */
export const roleRefSchema = () =>
  s
    .string({
      pattern: /^\$?[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/,
      patternHint:
        'name a role (core-team), a slot ($team, $council, $community, $guardian, $owner), members or anyone',
    })
    .describe('A role id, a slot ($owner, $team, $council, $community, $guardian), members, or anyone.');

const roleRefsSchema = () => s.array(roleRefSchema(), { minItems: 1 });

const weightSchema = () =>
  s
    .union(
      [
        s.enum(['equal'], 'weight'),
        s.object(
          { token: tokenSymbolSchema().describe('A token symbol declared under organization.tokens.') },
          'token weight',
        ),
        s.object({ reputation: idSchema().describe('A reputation score name.') }, 'reputation weight'),
      ],
      "a weight: 'equal', { token: SYMBOL } or { reputation: name }",
    )
    .describe(
      'How votes are weighed. Defaults to the weight of the deciding role (equal unless it says otherwise).',
    );

const policyShape = {
  propose: s.optional(roleRefsSchema().describe('Who may open a proposal.')),
  method: s.optional(s.enum(METHODS, 'decision method').describe('How the decision is made.')),
  deciders: s.optional(roleRefsSchema().describe('Who decides (the electorate).')),
  weight: s.optional(weightSchema()),
  quorum: s.optional(ratioSchema().describe("Share of the electorate's weight that must take part.")),
  minVoters: s.optional(
    s.integer({ min: 1 }).describe('Least number of distinct voters for a valid decision.'),
  ),
  threshold: s.optional(
    ratioSchema().describe('Share of weight cast in favour needed to pass (supermajority, consent).'),
  ),
  winners: s.optional(s.integer({ min: 1, max: 100 }).describe('How many options win (approval voting).')),
  period: s.optional(
    durationSchema().describe('How long the decision is open: voting, objection or advice period.'),
  ),
  consultation: s.optional(
    s
      .object(
        {
          period: durationSchema(),
          with: s.optional(roleRefsSchema().describe('Who is consulted. Defaults to every member.')),
        },
        'consultation',
      )
      .describe('A public comment or advice period before the decision opens.'),
  ),
  veto: s.optional(
    s
      .object({ by: roleRefsSchema(), window: durationSchema() }, 'veto')
      .describe('Who may veto a passed decision, and for how long after it passes.'),
  ),
  timelock: s.optional(
    durationSchema().describe('Delay between a decision and its execution (the exit window).'),
  ),
  lateQuorumExtension: s.optional(
    durationSchema().describe(
      'If quorum is reached late, the vote is extended so it stays open at least this long.',
    ),
  ),
  rationale: s.optional(
    s
      .enum(['required', 'optional'], 'rationale rule')
      .describe('Whether every decision must publish its rationale.'),
  ),
};

/** A policy as written in a ladder: every field optional (some methods need few). */
export const policySchema = () => s.object(policyShape, 'policy');
export type PolicyInput = Infer<ReturnType<typeof policySchema>>;

type Nullable<S> = { [K in keyof S]: S[K] extends Optional<infer T> ? Optional<T | null> : S[K] };

/**
 * A unit's override of a ladder level's policy: the fields written replace the ladder's, and a
 * field set to `null` removes the ladder's value (e.g. `veto: null` drops an inherited veto).
 */
export const policyOverrideSchema = () =>
  s.object(
    Object.fromEntries(
      Object.entries(policyShape).map(([key, entry]) => [
        key,
        s.optional(s.nullable(entry.inner as Schema<unknown>)),
      ]),
    ) as Nullable<typeof policyShape>,
    'policy override',
  );
export type PolicyOverrideInput = Infer<ReturnType<typeof policyOverrideSchema>>;

type Comparison = { atLeast?: number; atMost?: number; above?: number; below?: number };

/** A readiness criterion or level requirement as written. Recursive through all / any / not. */
export type CriterionInput =
  | { all: CriterionInput[] }
  | { any: CriterionInput[] }
  | { not: CriterionInput }
  | ({ metric: string; unit?: string; window?: string; source?: string } & Comparison)
  | { timeAtLevel: string }
  | { decisionsAtLevel: number }
  | { checklist: string; text: string; evidence?: 'required' | 'optional'; attesters?: string[] }
  | { unit: string; atLeast: string | number }
  | { role: string; minMembers?: number; minThreshold?: number | string }
  | { exitWindow: string; withdrawalDelay?: string }
  | {
      control: string;
      unit?: string;
      noSingleKey?: boolean;
      minOwners?: number;
      minThreshold?: number | string;
      minDelay?: string;
    };

const comparison = {
  atLeast: s.optional(s.number().describe('The metric must be ≥ this value.')),
  atMost: s.optional(s.number().describe('The metric must be ≤ this value.')),
  above: s.optional(s.number().describe('The metric must be > this value.')),
  below: s.optional(s.number().describe('The metric must be < this value.')),
};

export const criterionSchema: Schema<CriterionInput> = s.ref<CriterionInput>('Criterion', () =>
  s
    .keyed(
      [
        ['all', s.object({ all: s.array(criterionSchema, { minItems: 1 }) }, 'all-of criterion')],
        ['any', s.object({ any: s.array(criterionSchema, { minItems: 1 }) }, 'any-of criterion')],
        ['not', s.object({ not: criterionSchema }, 'not criterion')],
        [
          // Shaped like the 'control' entry below, by design: each criterion kind's schema describes its own
          // fields.
          'metric',
          s.object(
            {
              metric: idSchema().describe(
                'A metric name: built in (core-team-decision-share …) or declared under metrics.',
              ),
              unit: s.optional(
                idSchema().describe('Whose metric: defaults to the unit the criterion belongs to.'),
              ),
              window: s.optional(durationSchema().describe('The time window the metric is computed over.')),
              source: s.optional(textSchema().describe('Where the evidence is expected to come from.')),
              ...comparison,
            },
            'metric criterion',
          ),
        ],
        [
          'timeAtLevel',
          s.object(
            { timeAtLevel: durationSchema().describe('Least time spent at the current level.') },
            'time criterion',
          ),
        ],
        [
          'decisionsAtLevel',
          s.object(
            {
              decisionsAtLevel: s
                .integer({ min: 1 })
                .describe('Least number of decisions completed at the current level.'),
            },
            'decisions criterion',
          ),
        ],
        [
          'checklist',
          s.object(
            {
              checklist: idSchema().describe('An id for the checklist item, used by attestations.'),
              text: nameSchema().describe('What must be true, in words.'),
              evidence: s.optional(
                s
                  .enum(['required', 'optional'], 'evidence rule')
                  .describe('Whether an evidence link must be attached.'),
              ),
              attesters: s.optional(
                s
                  .array(idSchema(), { minItems: 1 })
                  .describe(
                    "The roles whose members may attest this item with a signed attestation.record (default: the unit's owners).",
                  ),
              ),
            },
            'checklist criterion',
          ),
        ],
        // Before `unit`: a control criterion may name a unit too, and the first key present decides.
        [
          // Shaped like the 'metric' entry above, by design: each criterion kind's schema describes its own
          // fields.
          'control',
          s.object(
            {
              control: idSchema().describe(
                'A power over the unit’s contract, as control facts name it (`devolve observe --record` records `upgrade`).',
              ),
              unit: s.optional(
                idSchema().describe('Whose contract: defaults to the unit the criterion belongs to.'),
              ),
              noSingleKey: s.optional(
                s
                  .boolean()
                  .describe(
                    'No plain key may act alone, even behind a timelock: a multisig on every path of control.',
                  ),
              ),
              minOwners: s.optional(
                s.integer({ min: 1 }).describe('A multisig of at least this many owners on every path.'),
              ),
              minThreshold: s.optional(
                ratioSchema().describe('That multisig’s threshold: at least this share of its owners.'),
              ),
              minDelay: s.optional(
                durationSchema().describe('A timelock of at least this long on every path.'),
              ),
            },
            'control criterion',
          ),
        ],
        ['unit', s.object({ unit: idSchema(), atLeast: levelRefSchema() }, 'dependency criterion')],
        [
          'role',
          s.object(
            {
              role: idSchema(),
              minMembers: s.optional(
                s.integer({ min: 1 }).describe('Least number of current members of the role.'),
              ),
              minThreshold: s.optional(
                ratioSchema().describe("Least share of the role's members needed to act."),
              ),
            },
            'role criterion',
          ),
        ],
        [
          'exitWindow',
          s.object(
            {
              exitWindow: durationSchema().describe(
                "Least time users have to exit before a decision takes effect: the level's timelock, less any withdrawal delay.",
              ),
              withdrawalDelay: s.optional(
                durationSchema().describe(
                  'How long a withdrawal takes to complete (e.g. an optimistic rollup’s challenge period); it eats into the exit window.',
                ),
              ),
            },
            'exit-window criterion',
          ),
        ],
      ] as const,
      'criterion',
    )
    .describe(
      'A condition: metric threshold, time or decisions at level, checklist item, dependency, role, exit window or who controls a contract; combine with all / any / not.',
    ),
);

const levelSchema = () =>
  s.object(
    {
      id: idSchema(),
      name: nameSchema(),
      summary: s.optional(textSchema().describe('One sentence on what this level means.')),
      policy: s
        .object(policyShape, 'policy')
        .describe('The decision policy in force while a unit is at this level.'),
      requirements: s.optional(criterionSchema.describe('What must hold for a unit to be at this level.')),
      readiness: s.optional(
        criterionSchema.describe('What must hold before any unit moves up to this level.'),
      ),
    },
    'level',
  );

const ladderSchema = () =>
  s.object(
    {
      id: idSchema(),
      name: nameSchema(),
      description: s.optional(textSchema()),
      levels: s
        .array(levelSchema(), { minItems: 2, maxItems: CHARTER_LIMITS.levels.max })
        .describe('The notches of the slider, from most centralized to most decentralized.'),
    },
    'ladder',
  );

const roleBindingsSchema = () =>
  s
    .object(
      Object.fromEntries(BINDABLE_SLOTS.map((slot) => [slot, s.optional(roleRefsSchema())])) as Record<
        BindableSlot,
        ReturnType<typeof s.optional<string[]>>
      >,
      'slot bindings',
    )
    .describe(
      'Which roles fill the slots ($team, $council, $community, $guardian) used by ladder policies; $owner is always the unit owners.',
    );

const memberEntrySchema = () =>
  s.union(
    [
      idSchema(),
      s.object(
        {
          member: idSchema(),
          from: s.optional(instantSchema().describe('Start of the term.')),
          until: s.optional(instantSchema().describe('End of the term (exclusive).')),
        },
        'role membership',
      ),
    ],
    'a member id or { member, from, until }',
  );

const unitSchema = () =>
  s.object(
    {
      id: idSchema(),
      name: nameSchema(),
      dimension: idSchema().describe('The dimension this unit belongs to.'),
      description: s.optional(textSchema()),
      owners: roleRefsSchema().describe('The roles that own the unit today; they fill the $owner slot.'),
      ladder: s.optional(
        idSchema().describe("The ladder of levels: 'default' (built in) or a declared ladder."),
      ),
      roles: s.optional(roleBindingsSchema()),
      level: levelRefSchema().describe('The level the unit is at today.'),
      since: s.optional(instantSchema().describe('When the unit reached its current level.')),
      target: s.optional(levelRefSchema().describe('The level the organization intends the unit to reach.')),
      dependsOn: s.optional(
        s.array(
          s.object(
            {
              unit: idSchema(),
              level: levelRefSchema().describe('The level the other unit must be at, or above.'),
              for: levelRefSchema().describe("This unit's level from which the dependency applies."),
              reason: s.optional(textSchema()),
            },
            'dependency',
          ),
        ),
      ),
      readiness: s.optional(
        s
          .record(criterionSchema, 'readiness by level')
          .describe('Per level of this unit: what must hold before moving up to it.'),
      ),
      requirements: s.optional(
        s
          .record(criterionSchema, 'requirements by level')
          .describe(
            "Per level of this unit: what must hold to be at it, on top of the ladder's requirements.",
          ),
      ),
      policies: s.optional(
        s
          .record(policyOverrideSchema(), 'policy overrides by level')
          .describe('Per level: fields that replace the ladder policy; null removes an inherited field.'),
      ),
      commitments: s.optional(
        s.array(
          s.object(
            {
              id: s.optional(idSchema()),
              level: levelRefSchema().describe('The level promised.'),
              by: s.optional(instantSchema().describe('The date by which the level is promised.')),
              when: s.optional(criterionSchema.describe('A trigger: the level is promised once this holds.')),
              unless: s.optional(textSchema().describe('The stated exception.')),
              statement: s.optional(textSchema().describe('The public wording of the commitment.')),
            },
            'commitment',
          ),
        ),
      ),
    },
    'unit',
  );

/** The action kinds an emergency power may let its holders take beyond their usual rights. */
export const EMERGENCY_ACTIONS = ['charter.amend'] as const;

/**
 * An emergency or bootstrap power: explicit, time-boxed, counted. Its holders (members of the
 * named roles, within their terms) may take the named actions on the named units where the
 * ratchet would otherwise require a proposal — from `from` until `until`, at most `uses` times. Every
 * use is logged in the organization's state. Declaring or widening one is itself a change to how
 * each unit it names is governed.
 */
export const emergencyPowerSchema = () =>
  s.object(
    {
      id: idSchema(),
      description: s.optional(textSchema()),
      who: s.array(idSchema(), { minItems: 1 }).describe('The roles whose members hold the power.'),
      units: s.array(idSchema(), { minItems: 1 }).describe('The units it reaches.'),
      actions: s
        .array(s.enum(EMERGENCY_ACTIONS, 'emergency action'), { minItems: 1 })
        .describe('The action kinds it allows.'),
      from: s.optional(instantSchema().describe('When it starts (default: when the charter is adopted).')),
      until: instantSchema().describe('When it lapses: every power is time-boxed.'),
      uses: s.optional(
        s
          .integer({ min: 1, max: 1000 })
          .describe('How many times it may be used in all (default: no limit until it lapses).'),
      ),
    },
    'emergency power',
  );
export type EmergencyPowerInput = Infer<ReturnType<typeof emergencyPowerSchema>>;

// Opens like evidenceSchema.ts's document, by design: each format declares its own version field.
export const charterSchema = s
  .object(
    {
      devolve: s
        .integer({ min: CHARTER_VERSION, max: CHARTER_VERSION })
        .describe('The charter format version.'),
      organization: s.object(
        {
          id: idSchema(),
          name: nameSchema(),
          kind: s.enum(['web3', 'company', 'hybrid'], 'organization kind'),
          description: s.optional(textSchema()),
          website: s.optional(
            s.string({ pattern: /^https?:\/\/\S+$/, patternHint: 'a full URL, https://…' }),
          ),
          tokens: s.optional(
            s.array(
              s.object(
                {
                  symbol: tokenSymbolSchema(),
                  name: nameSchema(),
                  decimals: s.optional(s.integer({ min: 0, max: 36 })),
                  chain: s.optional(idSchema().describe('The chain the token lives on, e.g. ethereum.')),
                  address: s.optional(
                    s.string({
                      pattern: /^0x[0-9a-fA-F]{40}$/,
                      patternHint: 'a 0x-prefixed 20-byte address',
                    }),
                  ),
                },
                'token',
              ),
            ),
          ),
        },
        'organization',
      ),
      dimensions: s.optional(
        s
          .array(
            s.object(
              { id: idSchema(), name: nameSchema(), description: s.optional(textSchema()) },
              'dimension',
            ),
            { minItems: 1 },
          )
          .describe('Groups of units. Defaults to product, community, governance and capital.'),
      ),
      members: s.array(
        s.object(
          {
            id: idSchema(),
            name: nameSchema(),
            key: s.optional(
              s.string({
                pattern: ACTION_FORMS.key,
                patternHint: 'ed25519:<base64url public key> or a 0x Ethereum address',
              }),
            ),
          },
          'member',
        ),
        { minItems: 1 },
      ),
      roles: s.array(
        s.object(
          {
            id: idSchema(),
            name: nameSchema(),
            description: s.optional(textSchema()),
            scope: s.optional(
              s
                .enum(['team', 'council', 'community'], 'role scope')
                .describe(
                  'team: the core team; council: an elected or appointed body; community: the wider community.',
                ),
            ),
            members: s.optional(s.array(memberEntrySchema())),
            open: s.optional(
              s.boolean().describe('Membership is open (e.g. every token holder) rather than listed.'),
            ),
            weight: s.optional(weightSchema()),
            threshold: s.optional(
              ratioSchema().describe('For a council acting together: share of members needed to act.'),
            ),
          },
          'role',
        ),
        { minItems: 1 },
      ),
      defaults: s.optional(
        s
          .object({ roles: s.optional(roleBindingsSchema()) }, 'defaults')
          .describe('Defaults every unit inherits.'),
      ),
      metrics: s.optional(
        s
          .array(
            s.object(
              {
                id: idSchema(),
                name: nameSchema(),
                description: s.optional(textSchema()),
                unit: s.optional(
                  s.string({ maxLength: 40 }).describe('What the number counts, e.g. voters or share.'),
                ),
              },
              'metric',
            ),
          )
          .describe('Metrics beyond the built-in ones, supplied as evidence.'),
      ),
      ladders: s.optional(s.array(ladderSchema())),
      units: s.array(unitSchema(), { minItems: 1 }),
      emergency: s.optional(
        s
          .array(emergencyPowerSchema())
          .describe('Emergency or bootstrap powers: who, where, what, until when, how often.'),
      ),
    },
    'charter',
  )
  .describe(
    'A Devolve charter: the organization, its units of decentralization, their sliders and policies.',
  );

export type CharterInput = Infer<typeof charterSchema>;
export type LadderInput = Infer<ReturnType<typeof ladderSchema>>;
export type LevelInput = Infer<ReturnType<typeof levelSchema>>;
export type UnitInput = Infer<ReturnType<typeof unitSchema>>;
export type RoleBindingsInput = Infer<ReturnType<typeof roleBindingsSchema>>;
