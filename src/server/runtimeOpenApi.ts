/**
 * The OpenAPI paths and schemas of the governance runtime's reads (`runtimeRoutes.ts`): the
 * projected state, proposals with their status and tally, and delegations. Merged into
 * `openApiDocument`.
 */

const problem = { $ref: '#/components/responses/Problem' };
const orgParam = { $ref: '#/components/parameters/org' };
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const ok = (schema: object, description: string) => ({
  '200': { description, content: { 'application/json': { schema } } },
  '404': problem,
});
const isoTime = { type: 'string', format: 'date-time' };
const at = { type: 'object' as const, additionalProperties: true, properties: { at: isoTime } };

export const runtimePaths = {
  '/api/orgs/{org}/state': {
    get: {
      operationId: 'getState',
      summary: 'The projected state: the charter in force, registered keys, runtime levels, proposals',
      description:
        'Everything the log projects, in JSON (bigints as decimal strings). The resolved organization is ' +
        'not repeated: it follows from `charter`. Clients that sign actions read `head` and `keys` here.',
      parameters: [orgParam],
      responses: ok(ref('OrgState'), 'The state at the head of the log.'),
    },
  },
  '/api/orgs/{org}/proposals': {
    get: {
      operationId: 'listProposals',
      summary: 'Every proposal, oldest first, with its phase, next step and countdown',
      parameters: [orgParam],
      responses: ok(
        {
          type: 'object',
          required: ['proposals'],
          properties: { proposals: { type: 'array', items: ref('ProposalSummary') } },
        },
        'The proposals as they stand now.',
      ),
    },
  },
  '/api/orgs/{org}/proposals/{proposal}': {
    get: {
      operationId: 'getProposal',
      summary: 'One proposal: the ballot so far, the tally, and what happens next and when',
      parameters: [orgParam, { name: 'proposal', in: 'path', required: true, schema: { type: 'string' } }],
      responses: ok(ref('ProposalDetail'), 'The proposal as it stands now.'),
    },
  },
  '/api/orgs/{org}/delegations': {
    get: {
      operationId: 'listDelegations',
      summary: 'The delegations in force',
      parameters: [orgParam],
      responses: ok(
        {
          type: 'object',
          required: ['delegations'],
          properties: { delegations: { type: 'array', items: { type: 'object' } } },
        },
        'Each delegation: who delegates, in which role or token, to whom and in which shares.',
      ),
    },
  },
};

const next = {
  type: 'object',
  required: ['phase', 'at', 'inSeconds'],
  properties: { phase: { type: 'string' }, at: isoTime, inSeconds: { type: 'integer', minimum: 0 } },
};
// Properties spelled out, as in openApiDocument.ts, by design: an OpenAPI document is read object
// by object; the summary's are spread into the proposal below rather than repeated.
const summaryProperties = {
  id: { type: 'string' },
  unit: { type: 'string' },
  kind: { type: 'string', enum: ['decision', 'slider-move', 'charter-change', 'commitment'] },
  title: { type: 'string' },
  proposer: { type: 'string' },
  phase: {
    type: 'string',
    description:
      'draft, consultation, voting, deciding, veto-window, timelock, passed, rejected, vetoed, executed, expired',
  },
  next,
  executable: { type: 'boolean' },
  openedAt: isoTime,
};

export const runtimeSchemas = {
  OrgState: {
    type: 'object',
    required: ['id', 'seq', 'head', 'charter', 'keys', 'levels', 'levelSince', 'proposals', 'delegations'],
    properties: {
      id: { type: 'string' },
      seq: { type: 'integer' },
      head: { type: 'string' },
      charter: ref('Charter'),
      keys: { type: 'object', additionalProperties: { type: 'string' } },
      pendingKeys: { type: 'object', additionalProperties: { type: 'string' } },
      levels: { type: 'object', additionalProperties: { type: 'integer' } },
      levelSince: { type: 'object', additionalProperties: isoTime },
      proposals: { type: 'object', additionalProperties: { type: 'object' } },
      delegations: { type: 'array', items: { type: 'object' } },
      snapshots: { type: 'object' },
      emergencyUses: { type: 'array', items: { type: 'object' } },
      attestations: { type: 'array', items: { type: 'object' } },
    },
  },
  ProposalSummary: {
    type: 'object',
    required: ['id', 'unit', 'kind', 'proposer', 'phase', 'executable', 'openedAt'],
    properties: summaryProperties,
  },
  ProposalDetail: {
    type: 'object',
    required: [
      'id',
      'unit',
      'kind',
      'proposer',
      'phase',
      'executable',
      'openedAt',
      'subject',
      'method',
      'policyWords',
      'options',
      'lifecycle',
      'ballots',
    ],
    properties: {
      ...summaryProperties,
      subject: { type: 'object' },
      method: { type: 'string' },
      policyWords: {
        type: 'object',
        description:
          'The policy in force when it opened, in plain words: propose, consultation, decide, veto, delay, rationale',
      },
      options: { type: 'array', items: { type: 'string' } },
      lifecycle: { type: 'string' },
      votingEnd: isoTime,
      readyAt: isoTime,
      closedAt: isoTime,
      reason: { type: 'string' },
      tally: {
        type: 'object',
        description: 'outcome, winners, totals per option (decimal strings), participation, voters',
      },
      gates: { type: 'array', items: { type: 'object' } },
      ballots: { type: 'array', items: at },
      objections: { type: 'array', items: at },
      advice: { type: 'array', items: at },
      vetoes: { type: 'array', items: at },
      decision: at,
      executedAt: isoTime,
    },
  },
};
