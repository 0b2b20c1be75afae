import { actionPayloadSchemas } from '../actions/actionPayloadSchemas.js';
import type { JsonSchema } from '../schema/Schema.js';
import { ACTION_FORMS } from './actionForms.js';

const text = (pattern: RegExp, description: string): JsonSchema => ({
  type: 'string',
  pattern: pattern.source,
  description,
});

/**
 * The JSON Schema (draft 2020-12) of one line of an exported log: an event, its action, and the
 * action's payload by kind — rendered from the forms the verifier checks (`ACTION_FORMS`) and the
 * payload schemas `applyEvent` validates with, so it cannot drift from them. What a schema cannot
 * say (canonical JSON, a real calendar date, hashes, signatures, rights) the README's rules say.
 *
 * @example
 * const schema = eventJsonSchema(); // { $schema, $id, title, type: 'object', properties: { action, … }, $defs }
 */
export function eventJsonSchema(): JsonSchema {
  const { payloads, defs } = actionPayloadSchemas();
  const hash = text(ACTION_FORMS.hash, '64 lower-case hex digits');
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://devolve.dev/schema/log-event.json',
    title: 'One line of an exported Devolve log: an event, its signed action and the payload of its kind',
    type: 'object',
    properties: {
      seq: { type: 'integer', minimum: 0, maximum: Number.MAX_SAFE_INTEGER },
      prev: { anyOf: [hash, { type: 'null' }] },
      recordedAt: text(ACTION_FORMS.isoUtc, 'ISO-8601 UTC; the date and time must exist'),
      action: { $ref: '#/$defs/Action' },
      signature: { type: 'string', minLength: 1, maxLength: 200 },
      hash,
    },
    required: ['action', 'hash', 'prev', 'recordedAt', 'seq', 'signature'],
    additionalProperties: false,
    $defs: {
      Action: {
        type: 'object',
        properties: {
          v: { const: 1 },
          org: text(ACTION_FORMS.id, 'the organization id (at most 64 characters)'),
          kind: { ...text(ACTION_FORMS.kind, 'the action kind'), enum: Object.keys(payloads) },
          actor: text(ACTION_FORMS.id, 'the acting member id (at most 64 characters)'),
          key: text(ACTION_FORMS.key, 'ed25519: and canonical base64url, or a 0x address in any letter case'),
          payload: {},
          head: { anyOf: [hash, { type: 'null' }] },
          nonce: text(ACTION_FORMS.nonce, '16 to 128 base64url characters'),
          issuedAt: text(ACTION_FORMS.isoUtc, 'ISO-8601 UTC; the date and time must exist'),
        },
        required: ['actor', 'head', 'issuedAt', 'key', 'kind', 'nonce', 'org', 'payload', 'v'],
        additionalProperties: false,
        allOf: Object.entries(payloads).map(([kind, schema]) => ({
          if: { properties: { kind: { const: kind } } },
          // biome-ignore lint/suspicious/noThenProperty: JSON Schema's if/then keyword, not a promise
          then: { properties: { payload: schema } },
        })),
      },
      ...defs,
    },
  };
}
