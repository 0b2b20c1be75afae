import { idSchema, instantSchema, levelRefSchema } from '../charter/charterSchema.js';
import { evidenceSchema } from '../evidence/evidenceSchema.js';
import { COUNTING_MODULES } from '../governance/counting/countingModules.js';
import { type Schema, s } from '../schema/Schema.js';
import { CharterDocumentSchema } from './charterPayload.js';

/** A proposal's id in a payload: unique within the organization. */
export const proposalIdSchema = () =>
  idSchema().describe('The proposal: an identifier, unique within the organization.');

/** A reason, an objection, advice: free text, not empty. */
export const reasonSchema = () => s.string({ minLength: 1, maxLength: 10_000 });

/** A commitment in a `commitment` proposal: the charter's commitment shape, with its id required. */
export const commitmentSchema = () =>
  s.object(
    {
      id: idSchema().describe('The commitment, by its id.'),
      level: s.optional(levelRefSchema().describe('The level promised (needed to add one).')),
      by: s.optional(instantSchema().describe('The date by which the level is promised.')),
      unless: s.optional(s.string({ maxLength: 10_000 }).describe('The stated exception.')),
      statement: s.optional(
        s.string({ maxLength: 10_000 }).describe('The public wording of the commitment.'),
      ),
    },
    'commitment',
  );

/**
 * What a proposal proposes, one shape per proposal kind, told apart by the key it carries:
 * `outcome` (decision), `to` (slider-move), `charter` (charter-change), `action` (commitment).
 */
export const subjectSchema = () =>
  s
    .keyed(
      [
        [
          'outcome',
          s.object(
            {
              outcome: reasonSchema().describe('The statement of what is decided, recorded when it passes.'),
            },
            'decision subject',
          ),
        ],
        [
          'to',
          s.object(
            {
              to: levelRefSchema().describe('The level to move to: one notch up or down.'),
              evidence: s.optional(
                evidenceSchema.describe('Observations and attestations the readiness check weighs.'),
              ),
              override: s.optional(
                reasonSchema().describe('Why to move although readiness is not met (if the policy allows).'),
              ),
            },
            'slider-move subject',
          ),
        ],
        [
          'charter',
          s.object(
            { charter: new CharterDocumentSchema().describe('The whole new charter, as JSON.') },
            'charter-change subject',
          ),
        ],
        [
          'action',
          s.object(
            {
              action: s.enum(['add', 'extend', 'cancel'] as const, 'commitment action'),
              commitment: commitmentSchema(),
            },
            'commitment subject',
          ),
        ],
      ] as const,
      'proposal subject',
    )
    .describe('What is proposed, shaped by the proposal kind.');

/** Any counting module's ballot; the proposal's own module checks it against its options. */
export const ballotSchema = (): Schema<unknown> => {
  const distinct = [...new Set(COUNTING_MODULES.map((module) => module.ballot as Schema<unknown>))];
  return s
    .union(distinct, 'a ballot')
    .describe("A ballot in the shape of the proposal's counting method, e.g. { choice: 'for' }.");
};
