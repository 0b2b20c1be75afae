import { type JsonSchema, s } from '../core/schema/Schema.js';

/**
 * The OpenAPI description of `GET /api/orgs/{org}/evidence` (`evidenceRoutes.ts`), spread into
 * `openApiDocument.paths`; the record's shape is written in Devolve's schema language and
 * rendered from it.
 */

const instant = () => s.integer({ min: 0 }).describe('epoch milliseconds (UTC)');
const address = () => s.string({ pattern: /^0x[0-9a-f]{40}$/, patternHint: 'a lower-case EVM address' });

const CONTROL_FACT =
  '`ControlFact`: a tree by `kind` (key, nobody, contract, cycle, proxy, ownable, multisig, timelock, access-control) down to the keys';

const observation = s.object(
  {
    metric: s.string(),
    unit: s.optional(s.string().describe('absent for an organization-wide metric')),
    value: s.number(),
    exact: s.optional(
      s.object({ num: s.string(), den: s.string() }, 'ratio').describe('the exact value, as decimal strings'),
    ),
    window: s.optional(s.integer({ min: 0 }).describe('seconds the value covers, ending at `at`')),
    at: instant(),
    source: s.optional(s.string()),
  },
  'observation',
);

const control = s.object(
  {
    unit: s.string(),
    power: s.string().describe('the power held, e.g. `upgrade`'),
    subject: address().describe('the contract the power is over'),
    // A recursive tree of many shapes: rendered as an open object (see `CONTROL_FACT` below).
    holder: s.record(s.number(), 'control fact').describe(CONTROL_FACT),
    chain: s.optional(s.integer({ min: 0 }).describe('the chain id')),
    observedAt: instant(),
    source: s.optional(s.string().describe('the RPC URL read')),
  },
  'control observation',
);

const attestation = s.object(
  {
    checklist: s.string(),
    unit: s.optional(s.string()),
    by: s.optional(s.string()),
    at: instant(),
    evidence: s.optional(s.string()),
    note: s.optional(s.string()),
    unsigned: s.optional(s.boolean().describe('always true: typed into a file, signed by no one')),
  },
  'attestation',
);

const evidenceRecord = s.object(
  {
    id: s.integer({ min: 1 }).describe('increasing in recording order'),
    org: s.string(),
    entry: s.keyed(
      [
        [
          'observation',
          s.object({ kind: s.enum(['observation'], 'kind'), observation }, 'observation entry'),
        ],
        ['control', s.object({ kind: s.enum(['control'], 'kind'), control }, 'control entry')],
        [
          'attestation',
          s.object({ kind: s.enum(['attestation'], 'kind'), attestation }, 'attestation entry'),
        ],
      ] as const,
      'evidence entry',
    ),
    origin: s.object(
      {
        command: s.string().describe('`evidence add`, `import holdings`, `observe` …'),
        from: s.optional(s.string().describe('the file or URL read')),
        line: s.optional(s.integer({ min: 1 })),
      },
      'origin',
    ),
    recordedAt: s.string().describe('ISO-8601 UTC'),
  },
  'evidence record',
);

/** The record rendered, its control-fact tree as an open object with a `kind` and an `address`. */
const rendered = JSON.parse(
  JSON.stringify(evidenceRecord.toJsonSchema({ defs: {} })),
  (_key, value: unknown) =>
    typeof value === 'object' && value !== null && (value as JsonSchema)['description'] === CONTROL_FACT
      ? {
          type: 'object',
          description: CONTROL_FACT,
          required: ['kind', 'address'],
          properties: { kind: { type: 'string' }, address: { type: 'string' } },
        }
      : value,
) as JsonSchema;

export const evidencePaths = {
  '/api/orgs/{org}/evidence': {
    get: {
      operationId: 'listEvidence',
      summary: 'The evidence the store keeps for an organization, each entry with its source',
      description:
        'Observations, control facts and unsigned attestations recorded with `devolve evidence add`, `devolve import … --record` and `devolve observe --record`. They are measurements, not decisions: not log events, and not signed. Plan and board weigh them beside any evidence file.',
      parameters: [
        { $ref: '#/components/parameters/org' },
        {
          name: 'kind',
          in: 'query',
          schema: { type: 'string', enum: ['observation', 'control', 'attestation'] },
        },
        {
          name: 'unit',
          in: 'query',
          description: "Only this unit's evidence, and organization-wide observations.",
          schema: { type: 'string' },
        },
        {
          name: 'after',
          in: 'query',
          description: 'Only records with a greater id.',
          schema: { type: 'integer', minimum: 0 },
        },
      ],
      responses: {
        '200': {
          description: 'The records, in recording order.',
          content: {
            'application/json': {
              schema: {
                type: 'object',
                required: ['evidence'],
                properties: { evidence: { type: 'array', items: rendered } },
              },
            },
          },
        },
        '400': { $ref: '#/components/responses/Problem' },
        '404': { $ref: '#/components/responses/Problem' },
      },
    },
  },
};
