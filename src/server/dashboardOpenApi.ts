/**
 * The OpenAPI description of the dashboard's read-only views (`dashboardRoutes.ts`), spread into
 * `openApiDocument.paths`. The shapes are those of the core's own types, named in each description.
 */

const problem = { $ref: '#/components/responses/Problem' };
const orgParam = { $ref: '#/components/parameters/org' };
const unitParam = { name: 'unit', in: 'path', required: true, schema: { type: 'string' } };
const hash = { type: 'string', pattern: '^[0-9a-f]{64}$', description: 'SHA-256, lower-case hex' };

function jsonBody(schema: object, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

const criterionResult = {
  type: 'object',
  description:
    'A readiness criterion judged against evidence (`CriterionResult`): met, unmet or unknown, with its reason.',
  required: ['kind', 'status', 'text', 'reason'],
  properties: {
    kind: { type: 'string' },
    status: { type: 'string', enum: ['met', 'unmet', 'unknown'] },
    text: { type: 'string' },
    reason: { type: 'string' },
    children: { type: 'array', items: { type: 'object' } },
    metAt: { type: 'integer', description: 'epoch ms' },
  },
};

const levelRef = {
  type: 'object',
  required: ['index', 'id', 'name'],
  properties: { index: { type: 'integer' }, id: { type: 'string' }, name: { type: 'string' } },
};

const explanation = {
  type: 'object',
  description:
    'A unit in plain words (`UnitExplanation`): who proposes, decides and vetoes today and at the next level — the text `devolve explain` prints.',
  required: ['id', 'name', 'dimension', 'owners', 'today', 'target', 'dependsOn', 'commitments'],
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    dimension: { type: 'object' },
    owners: { type: 'string' },
    today: { type: 'object' },
    next: { type: 'object' },
    target: levelRef,
    dependsOn: { type: 'array', items: { type: 'string' } },
    commitments: { type: 'array', items: { type: 'string' } },
  },
};

export const dashboardPaths = {
  '/api/orgs/{org}/plan': {
    get: {
      operationId: 'getPlan',
      summary:
        'The board of sliders and the plan: next moves, readiness per unit (structured), roadmap, commitments',
      description:
        "Readiness is judged against the server's evidence for the organization (`devolve demo`: its sample evidence; otherwise none, so criteria that need evidence are unknown) at the server's clock.",
      parameters: [orgParam],
      responses: {
        '200': jsonBody(
          {
            type: 'object',
            required: ['seq', 'head', 'board', 'plan'],
            properties: {
              seq: { type: 'integer' },
              head: hash,
              board: { type: 'object', description: '`Board`: units as sliders grouped by dimension' },
              plan: {
                type: 'object',
                description:
                  '`Plan`: recommendations, atTarget, roadmap, commitments, assessments (each with `CriterionResult`s)',
                properties: {
                  assessments: {
                    type: 'array',
                    items: { type: 'object', properties: { readiness: criterionResult } },
                  },
                },
              },
            },
          },
          'The board and the plan.',
        ),
        '404': problem,
      },
    },
  },
  '/api/orgs/{org}/explain': {
    get: {
      operationId: 'explainUnits',
      summary: 'Every unit in plain words',
      parameters: [orgParam],
      responses: {
        '200': jsonBody(
          { type: 'object', properties: { units: { type: 'array', items: explanation } } },
          'The units.',
        ),
        '404': problem,
      },
    },
  },
  '/api/orgs/{org}/units/{unit}/explain': {
    get: {
      operationId: 'explainUnit',
      summary: 'One unit in plain words: who decides what, today and at the next level',
      parameters: [orgParam, unitParam],
      responses: { '200': jsonBody(explanation, 'The unit explained.'), '404': problem },
    },
  },
  '/api/orgs/{org}/timeline': {
    get: {
      operationId: 'getTimeline',
      summary: 'Slider moves and key decisions from the log, newest first',
      parameters: [
        orgParam,
        { name: 'limit', in: 'query', schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 } },
      ],
      responses: {
        '200': jsonBody(
          {
            type: 'object',
            required: ['seq', 'total', 'entries'],
            properties: {
              seq: { type: 'integer' },
              total: { type: 'integer' },
              entries: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['seq', 'recordedAt', 'actor', 'action', 'kind'],
                  properties: {
                    seq: { type: 'integer' },
                    recordedAt: { type: 'string', format: 'date-time' },
                    actor: { type: 'string' },
                    action: { type: 'string' },
                    kind: {
                      type: 'string',
                      enum: ['created', 'moved', 'retargeted', 'added', 'removed', 'amended'],
                    },
                    unit: { type: 'string' },
                    unitName: { type: 'string' },
                    from: { type: 'object' },
                    to: { type: 'object' },
                    changes: { type: 'array', items: { type: 'string' } },
                  },
                },
              },
            },
          },
          'The timeline.',
        ),
        '400': problem,
        '404': problem,
      },
    },
  },
  '/api/orgs/{org}/transparency': {
    get: {
      operationId: 'getTransparency',
      summary:
        'The public report: per unit the declared level, its evidence, who holds power, commitments; the head',
      parameters: [orgParam],
      responses: {
        '200': jsonBody(
          {
            type: 'object',
            required: ['organization', 'dimensions', 'seq', 'head', 'now', 'units'],
            properties: {
              organization: { type: 'object' },
              dimensions: { type: 'array', items: { type: 'object' } },
              seq: { type: 'integer' },
              head: hash,
              now: { type: 'integer', description: 'epoch ms' },
              units: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['id', 'name', 'level', 'target', 'levels', 'owners', 'power', 'commitments'],
                  properties: { requirements: criterionResult },
                },
              },
            },
          },
          'The transparency report.',
        ),
        '404': problem,
      },
    },
  },
} as const;
