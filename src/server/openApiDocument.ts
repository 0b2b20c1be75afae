import { actionPayloadSchemas } from '../core/actions/actionPayloadSchemas.js';
import { runtimePaths, runtimeSchemas } from './runtimeOpenApi.js';

/**
 * The OpenAPI 3.1 description of the Devolve HTTP API, served at `/openapi.json`. Written by hand
 * beside the routes in `createApp.ts`; a test checks that every route the app serves is here.
 * Action payloads are not written here: they are rendered from the schemas `applyEvent` validates
 * with (`actionPayloadSchemas`), one component per kind.
 */

import { dashboardPaths } from './dashboardOpenApi.js';
import { evidencePaths } from './evidenceOpenApi.js';

const problem = { $ref: '#/components/responses/Problem' };
const orgParam = { $ref: '#/components/parameters/org' };

function jsonBody(schema: object, description: string) {
  return { description, content: { 'application/json': { schema } } };
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

const hash = { type: 'string', pattern: '^[0-9a-f]{64}$', description: 'SHA-256, lower-case hex' };
const isoTime = { type: 'string', format: 'date-time', description: 'ISO-8601 UTC' };
const levelProperties = {
  index: { type: 'integer', minimum: 0 },
  id: { type: 'string' },
  name: { type: 'string' },
  summary: { type: 'string' },
  policy: { type: 'string', description: "The level's decision policy in one stable line." },
};

/** `#/$defs/X` (the payload renderer's references) as `#/components/schemas/X`. */
function asComponents<T>(schema: T): T {
  return JSON.parse(JSON.stringify(schema).replaceAll('"#/$defs/', '"#/components/schemas/')) as T;
}

const rendered = actionPayloadSchemas();
const ACTION_KINDS = Object.keys(rendered.payloads);
const payloadComponent = (kind: string) => `ActionPayload.${kind}`;
const payloadSchemas = Object.fromEntries([
  ...Object.entries(rendered.defs).map(([name, schema]) => [name, asComponents(schema)]),
  ...Object.entries(rendered.payloads).map(([kind, schema]) => [
    payloadComponent(kind),
    asComponents(schema),
  ]),
]);

const writeResponses = {
  '200': jsonBody(
    ref('Recorded'),
    'Exactly this signed action was already recorded (a retry); nothing changed.',
  ),
  '201': jsonBody(ref('Recorded'), 'Recorded: the sealed event.'),
  '400': problem,
  '403': problem,
  '404': problem,
  '409': problem,
  '413': problem,
  '415': problem,
  '422': problem,
};

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Devolve API',
    version: '1',
    description:
      'Read an organization, its units and its signed, hash-chained event log; post signed actions. ' +
      'Every write is an action signed by a member (see the README, "The log format"); the server ' +
      'verifies the signature, checks the action against the rules in force and appends it. Errors ' +
      'are RFC 9457 problem objects with a stable `code`.',
  },
  paths: {
    '/openapi.json': {
      get: {
        operationId: 'getOpenApi',
        summary: 'This document',
        responses: { '200': jsonBody({ type: 'object' }, 'The OpenAPI document.') },
      },
    },
    '/api/orgs': {
      get: {
        operationId: 'listOrganizations',
        summary: 'Every organization in this store',
        responses: {
          '200': jsonBody(
            {
              type: 'object',
              properties: { organizations: { type: 'array', items: ref('OrganizationSummary') } },
            },
            'The organizations, by id.',
          ),
        },
      },
      post: {
        operationId: 'createOrganization',
        summary: 'Create an organization from a signed org.create',
        description: 'The action carries the whole charter as `payload.charter`, and `head` null.',
        requestBody: { required: true, content: { 'application/json': { schema: ref('SignedAction') } } },
        responses: writeResponses,
      },
    },
    '/api/orgs/{org}': {
      get: {
        operationId: 'getOrganization',
        summary: "An organization's state: members and keys, roles, dimensions, log head",
        parameters: [orgParam],
        responses: { '200': jsonBody(ref('Organization'), 'The organization.'), '404': problem },
      },
    },
    '/api/orgs/{org}/head': {
      get: {
        operationId: 'getHead',
        summary: 'The head of the log: what the next action is signed against',
        parameters: [orgParam],
        responses: { '200': jsonBody(ref('Head'), 'The last event.'), '404': problem },
      },
    },
    '/api/orgs/{org}/units': {
      get: {
        operationId: 'listUnits',
        summary: 'Every unit with its current level and the policy of each level',
        parameters: [orgParam],
        responses: {
          '200': jsonBody(
            { type: 'object', properties: { units: { type: 'array', items: ref('Unit') } } },
            'The units.',
          ),
          '404': problem,
        },
      },
    },
    '/api/orgs/{org}/units/{unit}': {
      get: {
        operationId: 'getUnit',
        summary:
          'One unit with its current level, the policy of each level, and declared beside observed with its evidence and log metrics',
        parameters: [orgParam, { name: 'unit', in: 'path', required: true, schema: { type: 'string' } }],
        responses: { '200': jsonBody(ref('Unit'), 'The unit.'), '404': problem },
      },
    },
    '/api/orgs/{org}/events': {
      get: {
        operationId: 'listEvents',
        summary: 'A page of the log, in order',
        parameters: [
          orgParam,
          {
            name: 'after',
            in: 'query',
            description:
              "Events with a greater seq; -1 (default) starts at event 0. Pass the previous page's `next`.",
            schema: { type: 'integer', minimum: -1, default: -1 },
          },
          {
            name: 'limit',
            in: 'query',
            schema: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
          },
        ],
        responses: { '200': jsonBody(ref('EventPage'), 'The page.'), '400': problem, '404': problem },
      },
    },
    '/api/orgs/{org}/export': {
      get: {
        operationId: 'exportLog',
        summary: 'The whole log as JSON Lines, byte for byte as hashed: input for `devolve verify`',
        parameters: [orgParam],
        responses: {
          '200': {
            description: 'One canonical JSON event per line, in seq order.',
            content: { 'application/jsonl': { schema: { type: 'string' } } },
          },
          '404': problem,
        },
      },
    },
    ...dashboardPaths,
    ...evidencePaths,
    '/api/orgs/{org}/actions': {
      post: {
        operationId: 'postAction',
        summary: 'Append a signed action (e.g. charter.amend) to the log',
        description:
          "The action's `org` must be the path's organization and its `head` a hash in this log. " +
          'Refusals carry `action/…` codes: `action/bad-signature`, `action/wrong-key`, ' +
          '`action/proposal-required` (a unit above founder level would change), `action/unknown-head`, …',
        parameters: [orgParam],
        requestBody: { required: true, content: { 'application/json': { schema: ref('SignedAction') } } },
        responses: writeResponses,
      },
    },
    ...runtimePaths,
  },
  components: {
    parameters: {
      org: {
        name: 'org',
        in: 'path',
        required: true,
        schema: { type: 'string' },
        description: 'Organization id',
      },
    },
    responses: {
      Problem: {
        description: 'An RFC 9457 problem object.',
        content: { 'application/problem+json': { schema: ref('Problem') } },
      },
    },
    schemas: {
      ...payloadSchemas,
      ...runtimeSchemas,
      Problem: {
        type: 'object',
        required: ['type', 'title', 'status', 'detail', 'code'],
        properties: {
          type: { type: 'string', description: 'URI reference `/problems/<code>`' },
          title: { type: 'string' },
          status: { type: 'integer' },
          detail: { type: 'string' },
          code: { type: 'string', description: 'Stable, e.g. `action/proposal-required`' },
          hint: { type: 'string' },
          details: { type: 'object' },
        },
      },
      Action: {
        type: 'object',
        additionalProperties: false,
        required: ['v', 'org', 'kind', 'actor', 'key', 'payload', 'head', 'nonce', 'issuedAt'],
        properties: {
          v: { const: 1 },
          org: { type: 'string' },
          kind: { type: 'string', enum: ACTION_KINDS },
          actor: { type: 'string', description: 'Member id' },
          key: { type: 'string', description: '`ed25519:<base64url>` or a 0x Ethereum address' },
          payload: { description: 'JSON, shaped by `kind`: see `ActionPayload.<kind>`' },
          head: { oneOf: [hash, { type: 'null' }] },
          nonce: { type: 'string', pattern: '^[A-Za-z0-9_-]{16,128}$' },
          issuedAt: isoTime,
        },
        allOf: ACTION_KINDS.map((kind) => ({
          if: { properties: { kind: { const: kind } } },
          // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then, a document and never awaited
          then: { properties: { payload: ref(payloadComponent(kind)) } },
        })),
      },
      SignedAction: {
        type: 'object',
        additionalProperties: false,
        required: ['action', 'signature'],
        properties: {
          action: ref('Action'),
          signature: {
            type: 'string',
            description:
              'Ed25519: base64url of the signature of `devolve/action/v1\\n` + canonical JSON of the action. Ethereum: EIP-712.',
          },
        },
      },
      Event: {
        type: 'object',
        required: ['seq', 'prev', 'recordedAt', 'action', 'signature', 'hash'],
        properties: {
          seq: { type: 'integer', minimum: 0 },
          prev: { oneOf: [hash, { type: 'null' }] },
          recordedAt: isoTime,
          action: ref('Action'),
          signature: { type: 'string' },
          hash,
        },
      },
      Recorded: {
        type: 'object',
        required: ['event', 'created'],
        properties: { event: ref('Event'), created: { type: 'boolean' } },
      },
      EventPage: {
        type: 'object',
        required: ['events', 'next'],
        properties: {
          events: { type: 'array', items: ref('Event') },
          next: {
            oneOf: [{ type: 'integer' }, { type: 'null' }],
            description: '`after` for the next page; null at the head',
          },
        },
      },
      Head: {
        type: 'object',
        required: ['seq', 'head', 'recordedAt'],
        properties: { seq: { type: 'integer' }, head: hash, recordedAt: isoTime },
      },
      OrganizationSummary: {
        type: 'object',
        required: ['id', 'name', 'kind', 'seq', 'head', 'createdAt', 'updatedAt'],
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          kind: { type: 'string', enum: ['web3', 'company', 'hybrid'] },
          seq: { type: 'integer' },
          head: hash,
          createdAt: isoTime,
          updatedAt: isoTime,
        },
      },
      // The schemas below spell out each object's properties, as runtimeOpenApi.ts and
      // dashboardOpenApi.ts do, by design: an OpenAPI document is read object by object.
      Organization: {
        type: 'object',
        required: ['id', 'name', 'kind', 'seq', 'head', 'members', 'roles', 'dimensions'],
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          kind: { type: 'string' },
          description: { type: 'string' },
          website: { type: 'string' },
          seq: { type: 'integer' },
          head: hash,
          members: {
            type: 'array',
            items: {
              type: 'object',
              properties: { id: { type: 'string' }, name: { type: 'string' }, key: { type: 'string' } },
            },
          },
          roles: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                id: { type: 'string' },
                name: { type: 'string' },
                scope: { type: 'string' },
                open: { type: 'boolean' },
                members: { type: 'array', items: { type: 'string' } },
              },
            },
          },
          dimensions: {
            type: 'array',
            items: {
              type: 'object',
              properties: {
                id: { type: 'string' },
                name: { type: 'string' },
                units: { type: 'array', items: { type: 'string' } },
              },
            },
          },
        },
      },
      Level: { type: 'object', required: ['index', 'id', 'name', 'policy'], properties: levelProperties },
      Unit: {
        type: 'object',
        required: ['id', 'name', 'dimension', 'owners', 'level', 'target', 'levels'],
        properties: {
          id: { type: 'string' },
          name: { type: 'string' },
          dimension: { type: 'string' },
          description: { type: 'string' },
          owners: { type: 'array', items: { type: 'string' } },
          level: {
            type: 'object',
            required: ['index', 'id', 'name', 'policy', 'since'],
            properties: { ...levelProperties, since: isoTime },
          },
          target: ref('Level'),
          levels: { type: 'array', items: ref('Level') },
          evidence: ref('UnitEvidence'),
        },
      },
      UnitEvidence: {
        type: 'object',
        description:
          'Given for one unit, not in the listing (`UnitEvidenceView`): declared beside observed, the evidence behind it, the log metrics',
        required: ['now', 'observed', 'evidence', 'evidenceCount', 'window', 'metrics'],
        properties: {
          now: { type: 'integer', description: 'epoch ms: the clock observed at' },
          observed: {
            type: 'object',
            description:
              '`ObservedSummary`: declared and observed level ids (observed null: not observed), team share, upgrade control, findings with their evidence in words',
            required: ['declared', 'observed', 'findings'],
            properties: {
              declared: { type: 'string' },
              observed: { type: ['string', 'null'] },
              teamShare: {
                type: 'object',
                properties: { value: { type: 'number' }, decisions: { type: 'integer' } },
              },
              control: {
                type: 'object',
                properties: { subject: { type: 'string' }, observedAt: { type: 'integer' } },
              },
              findings: {
                type: 'array',
                items: {
                  type: 'object',
                  required: ['declared', 'observed', 'evidence'],
                  properties: {
                    declared: { type: 'string' },
                    observed: { type: 'string' },
                    evidence: { type: 'array', items: { type: 'string' } },
                  },
                },
              },
            },
          },
          evidence: {
            type: 'array',
            description: 'Newest first, at most 20',
            items: {
              type: 'object',
              required: ['kind', 'subject', 'says', 'at', 'origin', 'signed'],
              properties: {
                kind: { type: 'string', enum: ['observation', 'control', 'attestation'] },
                subject: { type: 'string' },
                says: { type: 'string' },
                at: { type: 'integer', description: 'epoch ms' },
                origin: {
                  type: 'string',
                  description: 'The command and file, the evidence file, or the log',
                },
                recordedAt: isoTime,
                source: { type: 'string' },
                signed: { type: 'boolean' },
              },
            },
          },
          evidenceCount: { type: 'integer' },
          window: { type: 'integer', description: 'seconds: the window of each metric’s `recent` value' },
          metrics: {
            type: 'array',
            items: {
              type: 'object',
              required: ['id', 'name', 'description', 'unit'],
              properties: {
                id: { type: 'string' },
                name: { type: 'string' },
                description: { type: 'string' },
                unit: { type: 'string', enum: ['share', 'count', 'index', 'seconds'] },
                recent: { type: 'number' },
                allTime: { type: 'number' },
              },
            },
          },
        },
      },
    },
  },
} as const;
