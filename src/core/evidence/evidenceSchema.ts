import { balancesSchema, durationSchema, idSchema, instantSchema } from '../charter/charterSchema.js';
import { type Infer, s } from '../schema/Schema.js';

/**
 * The evidence file (`evidence.yaml`, JSON accepted): observations the planner weighs readiness
 * against. Today it is written by hand or by scripts; the event log, importers and on-chain readers
 * produce the same structure.
 */
export const EVIDENCE_VERSION = 1;

export const linkSchema = () =>
  s.string({ pattern: /^(https?|ipfs|ar):\/\/\S+$/, patternHint: 'a link: https://…, ipfs://… or ar://…' });

export const evidenceSchema = s
  .object(
    {
      evidence: s
        .integer({ min: EVIDENCE_VERSION, max: EVIDENCE_VERSION })
        .describe('The evidence format version.'),
      // Written out like attestations below, by design: each section of the file describes its own fields.
      observations: s.optional(
        s
          .array(
            s.object(
              {
                metric: idSchema().describe('A metric id: built in or declared under the charter’s metrics.'),
                unit: s.optional(
                  idSchema().describe('The unit observed; omit for organization-wide metrics.'),
                ),
                value: s.number().describe('The observed value.'),
                window: s.optional(
                  durationSchema().describe('The time window the value covers, ending at `at`.'),
                ),
                at: instantSchema().describe('When the value was observed (the end of its window).'),
                source: s.optional(s.string({ maxLength: 2_000 }).describe('Where the value comes from.')),
              },
              'observation',
            ),
          )
          .describe('Metric values with the time they were observed and their source.'),
      ),
      // Written out like observations above, by design: each section of the file describes its own fields.
      attestations: s.optional(
        s
          .array(
            s.object(
              {
                checklist: idSchema().describe('The checklist item attested, by its id in the charter.'),
                unit: s.optional(
                  idSchema().describe('The unit whose checklist it is; needed when ids repeat.'),
                ),
                by: s.optional(idSchema().describe('The member attesting.')),
                at: instantSchema(),
                evidence: s.optional(linkSchema().describe('A link to the evidence.')),
                note: s.optional(s.string({ maxLength: 2_000 })),
              },
              'attestation',
            ),
          )
          .describe('Checklist items attested done, with a link to the evidence.'),
      ),
      units: s.optional(
        s
          .record(
            s.object(
              {
                since: s.optional(instantSchema().describe('When the unit reached its current level.')),
                decisionsAtLevel: s.optional(
                  s
                    .integer({ min: 0 })
                    .describe('Decisions completed since the unit reached its current level.'),
                ),
              },
              'unit evidence',
            ),
            'evidence by unit',
          )
          .describe('Facts about each unit’s time at its level, by unit id.'),
      ),
      holdings: s.optional(
        s
          .array(
            s.object(
              {
                token: s.string({
                  pattern: /^[A-Za-z][A-Za-z0-9]{0,15}$/,
                  patternHint: 'a token symbol, e.g. LUM',
                }),
                at: instantSchema(),
                source: s.optional(s.string({ maxLength: 2_000 })),
                balances: balancesSchema().describe(
                  'Holder → balance in base units (e.g. wei), as a decimal string.',
                ),
              },
              'holdings snapshot',
            ),
          )
          .describe('Token balances; Devolve computes the holder-* metrics from them.'),
      ),
    },
    'evidence',
  )
  .describe(
    'Devolve evidence: observations, attestations and holdings the planner weighs readiness against.',
  );

export type EvidenceInput = Infer<typeof evidenceSchema>;
