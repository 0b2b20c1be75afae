import type { ErrorCode } from '../errors/ErrorCode.js';

/**
 * One rule a verifier applies to an exported log: a stable id, one line saying what must hold,
 * and the error codes by which `devolve verify` reports a line that breaks it. Every refusal the
 * verifier can give has exactly one code, and every code belongs to exactly one rule, so a
 * verdict names one rule and two verifiers can be compared rule by rule.
 */
export interface VerifyRule {
  readonly id: string;
  readonly statement: string;
  readonly codes: readonly ErrorCode[];
}

/**
 * Every rule, in the order a verifier meets them: `L…` for the line checks (bytes, encoding,
 * chain, signature), `A…` for rights (who may take which action, given the state the earlier
 * lines left), `E1` for a verifier that could not check a line at all (its own fault, not the
 * log's). The README's "Rules" table lists the same ids; a test keeps the two in step.
 */
export const VERIFY_RULES: readonly VerifyRule[] = [
  {
    id: 'L1',
    statement: 'Each line is valid UTF-8 of at most 64 MiB.',
    codes: ['log/not-utf8', 'log/line-too-long'],
  },
  {
    id: 'L2',
    statement: 'Every line ends with a newline (0x0A), the last one too.',
    codes: ['log/unterminated'],
  },
  {
    id: 'L3',
    statement: 'Each line is JSON and is its own canonical form (RFC 8785), byte for byte.',
    codes: ['log/unparseable', 'log/not-canonical'],
  },
  {
    id: 'L4',
    statement:
      'The event and its action have exactly the fields of the format, each in its form (real instants, canonical keys).',
    codes: ['log/malformed'],
  },
  {
    id: 'L5',
    statement: "The event's hash is the SHA-256 of its hash text.",
    codes: ['log/bad-hash'],
  },
  { id: 'L6', statement: "The event's seq is its position, from 0.", codes: ['log/out-of-order'] },
  {
    id: 'L7',
    statement: "The event's prev is the hash of the line before (null on the first line).",
    codes: ['log/broken-chain'],
  },
  {
    id: 'L8',
    statement: "The signature is the action's key's signature of the action.",
    codes: ['log/bad-signature'],
  },
  {
    id: 'L9',
    statement: "The action's head is null on the first line and otherwise the hash of an earlier line.",
    codes: ['log/unknown-head'],
  },
  { id: 'L10', statement: 'No earlier action has the same nonce.', codes: ['log/replayed-nonce'] },
  {
    id: 'L11',
    statement: 'A log has at least one line (reported on line 1).',
    codes: ['log/empty'],
  },
  {
    id: 'L12',
    statement: "With --head, the last line's hash is that head (reported on the line after the last).",
    codes: ['log/head-mismatch'],
  },
  {
    id: 'A1',
    statement: 'The first action is org.create and only the first; every later kind is a known kind.',
    codes: ['action/no-organization', 'action/unknown-kind'],
  },
  {
    id: 'A2',
    statement: "The action's org, and the organization of any charter it carries, is the log's organization.",
    codes: ['action/wrong-organization'],
  },
  {
    id: 'A3',
    statement:
      'The actor, and every member an action names, is a member of the charter in force (and of the one it puts in force).',
    codes: ['action/unknown-actor', 'action/not-a-member', 'action/unknown-member'],
  },
  {
    id: 'A4',
    statement:
      'A member signs with their registered key (founders and first registrations with the key pinned for them, if any).',
    codes: ['action/key-not-registered', 'action/wrong-key'],
  },
  {
    id: 'A5',
    statement:
      "The payload has exactly the fields its kind's schema names, at every depth, each in its form (I-JSON strings).",
    codes: ['action/invalid-payload'],
  },
  {
    id: 'A6',
    statement:
      "A key belongs to one member; a member registers one key, changed only by key.rotate then key.register; no charter pins another member's key.",
    codes: ['action/key-taken', 'action/key-registered', 'action/same-key', 'action/key-change'],
  },
  {
    id: 'A7',
    statement: 'A charter an action carries is valid (schema and cross-references, as devolve check).',
    codes: ['action/invalid-charter'],
  },
  {
    id: 'A8',
    statement:
      'Levels change only by executed slider moves; how a unit above level 0 is governed changes only by a proposal decided under its policy.',
    codes: ['action/level-change', 'action/proposal-required'],
  },
  {
    id: 'A9',
    statement:
      "Amending the charter needs a role owning each unit changed or reworded (and every unit added), at the action's time.",
    codes: ['action/not-an-owner'],
  },
  {
    id: 'A10',
    statement:
      'A charter-change proposal changes its own unit only, and is executed under a level at least as high as it then needs.',
    codes: ['action/unit-removed', 'action/other-unit-changed', 'action/stale-change'],
  },
  {
    id: 'A11',
    statement:
      'A proposal has a new id, a unit of the charter in force and a subject of its kind; acts name an existing proposal.',
    codes: [
      'action/proposal-exists',
      'action/unknown-unit',
      'action/wrong-subject',
      'action/unknown-proposal',
      'proposal/invalid-kind',
    ],
  },
  {
    id: 'A12',
    statement:
      'The proposer may propose under the policy that decides, and the proposal can be counted under it (options, snapshot).',
    codes: [
      'proposal/not-a-proposer',
      'proposal/opens-in-past',
      'proposal/options-required',
      'proposal/invalid-options',
      'proposal/holdings-required',
      'proposal/reputation-required',
      'proposal/invalid-composition',
      'proposal/counting-module-missing',
      'action/snapshot-after-opening',
    ],
  },
  {
    id: 'A13',
    statement:
      'A slider move goes one notch to a level of the unit, up only when ready (or overridden where allowed), and is still one notch when executed.',
    codes: [
      'action/not-one-notch',
      'action/not-ready',
      'action/unknown-level',
      'action/invalid-evidence',
      'action/stale-move',
      'proposal/invalid-move',
      'proposal/invalid-level',
    ],
  },
  {
    id: 'A14',
    statement:
      'A commitment proposal adds a new commitment with a level and a date, or extends (later) or cancels an existing one.',
    codes: ['action/commitment-exists', 'action/invalid-commitment', 'action/unknown-commitment'],
  },
  {
    id: 'A15',
    statement: 'An act on a proposal happens in a phase, and under a method, that takes it.',
    codes: ['proposal/wrong-phase', 'proposal/wrong-method'],
  },
  {
    id: 'A16',
    statement:
      'Only the electorate votes, deciders object or decide, the consulted advise, the proposer decides after advice, and each vetoer vetoes once.',
    codes: [
      'proposal/not-in-electorate',
      'proposal/not-a-decider',
      'proposal/not-a-vetoer',
      'proposal/not-proposer',
      'proposal/not-consulted',
      'proposal/duplicate-veto',
    ],
  },
  {
    id: 'A17',
    statement:
      "A ballot has its method's shape and the proposal's options; reasons and advice are given where required.",
    codes: ['proposal/invalid-ballot', 'proposal/reason-required', 'proposal/advice-empty'],
  },
  {
    id: 'A18',
    statement:
      'A delegation names one role or token of the charter and shares that add up to at most the whole; only a delegation in force is revoked.',
    codes: [
      'action/invalid-delegation',
      'action/unknown-role',
      'action/unknown-token',
      'action/invalid-share',
      'action/no-delegation',
      'proposal/invalid-delegation',
    ],
  },
  {
    id: 'A19',
    statement:
      'A checklist attestation names an item its unit declares, is signed by a current member of a role entitled to attest it, and links its evidence where the item requires; only an attestation in force is withdrawn.',
    codes: [
      'action/unknown-checklist',
      'action/not-an-attester',
      'action/evidence-required',
      'action/no-attestation',
    ],
  },
  {
    id: 'E1',
    statement: 'The verifier could check the line: a fault of the verifier, never of the log.',
    codes: ['log/not-applicable', 'proposal/invalid-json'],
  },
];

const ruleByCode = new Map<string, string>(
  VERIFY_RULES.flatMap((rule) => rule.codes.map((code) => [code, rule.id] as const)),
);

/**
 * The rule a refusal breaks, by its code. A code no rule lists (a new check whose rule was not
 * written down yet) falls to `E1`: the verifier's fault, never the log's.
 *
 * @example
 * verifyRuleOf('log/bad-hash') // 'L5'
 */
export function verifyRuleOf(code: ErrorCode): string {
  return ruleByCode.get(code) ?? 'E1';
}

/** The one-line statement of rule `id`, e.g. for a verifier's human output. */
export function verifyRuleStatement(id: string): string | undefined {
  return VERIFY_RULES.find((rule) => rule.id === id)?.statement;
}
