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

// Properties spelled out, as in openApiDocument.ts, by design: an OpenAPI document is read object
// by object.
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
  '/api/orgs/{org}/board': {
    get: {
      operationId: 'getBoard',
      summary:
        'Everything the board draws in one answer: sliders with readiness counts, blockers and commitments, the next moves, the timeline’s newest page',
      description:
        'Made once per log head (and day), served gzipped to clients that accept it. The criteria, reasons and roadmap are in `/plan`.',
      parameters: [orgParam],
      responses: {
        '200': jsonBody(
          {
            type: 'object',
            description: '`BoardView`',
            required: [
              'seq',
              'head',
              'now',
              'organization',
              'dimensions',
              'atTarget',
              'ready',
              'next',
              'commitments',
              'timeline',
            ],
            properties: {
              seq: { type: 'integer' },
              head: hash,
              now: { type: 'integer', description: 'epoch ms' },
              organization: { type: 'object' },
              dimensions: {
                type: 'array',
                items: {
                  type: 'object',
                  description:
                    'units: `BoardUnitView`s (a `BoardUnit` with `move`, `blockedBy`, `commitments`)',
                },
              },
              atTarget: { type: 'integer' },
              ready: { type: 'integer' },
              next: { type: 'array', items: { type: 'object' } },
              commitments: { type: 'array', items: { type: 'object' } },
              timeline: { type: 'object', description: 'As `/timeline` answers its first page' },
            },
          },
          'The board.',
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
        {
          name: 'before',
          in: 'query',
          description: 'Only entries of events before this seq: the `next` of the page before.',
          schema: { type: 'integer', minimum: 0, maximum: 2147483647 },
        },
      ],
      responses: {
        '200': jsonBody(
          {
            type: 'object',
            required: ['seq', 'next', 'entries'],
            properties: {
              seq: { type: 'integer' },
              next: {
                type: ['integer', 'null'],
                description: 'The `before` of the next, older page; null at the log’s start',
              },
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
                      enum: ['created', 'moved', 'retargeted', 'added', 'removed', 'decided', 'amended'],
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
