import type { JsonSchema, JsonSchemaContext } from '../schema/Schema.js';
import { ACTION_RECORDS, START_RECORD } from './actionKinds.js';

/** Every action kind's payload as JSON Schema, with the definitions they share. */
export interface ActionPayloadSchemas {
  /** Kind → the JSON Schema of its payload (references point into `defs`). */
  readonly payloads: Readonly<Record<string, JsonSchema>>;
  /** Shared definitions, e.g. `Charter`, for `#/$defs/…` (or an OpenAPI document's components). */
  readonly defs: Readonly<Record<string, JsonSchema>>;
}

/**
 * Renders the payload schema of every kind in the registry, in registry order, from the same
 * schemas `applyEvent` validates with — for the OpenAPI document and the log format's JSON Schema.
 *
 * @example
 * const { payloads, defs } = actionPayloadSchemas();
 * payloads['key.rotate'] // { type: 'object', properties: { key: … }, required: ['key'], additionalProperties: false, … }
 */
export function actionPayloadSchemas(): ActionPayloadSchemas {
  const context: JsonSchemaContext = { defs: {} };
  const payloads: Record<string, JsonSchema> = {};
  for (const record of [START_RECORD, ...ACTION_RECORDS])
    payloads[record.kind] = record.payload.toJsonSchema(context);
  return { payloads, defs: context.defs };
}

/**
 * The JSON Schema of an action's `payload` given its `kind`, as one document: one branch per kind.
 *
 * @example
 * const document = actionPayloadDocument(); // { $schema, $id, title, oneOf: [{ if kind … }], $defs }
 */
export function actionPayloadDocument(): JsonSchema {
  const { payloads, defs } = actionPayloadSchemas();
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: 'https://devolve.dev/schema/action-payload.json',
    title: 'The payload of a Devolve action, one branch per kind',
    oneOf: Object.entries(payloads).map(([kind, schema]) => ({ title: kind, ...schema })),
    $defs: defs,
  };
}
