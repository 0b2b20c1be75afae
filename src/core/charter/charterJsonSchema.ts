import { type JsonSchema, toJsonSchemaDocument } from '../schema/Schema.js';
import { charterSchema } from './charterSchema.js';

/** The JSON Schema of the charter format, rendered from the same definition the loader validates with. */
export function charterJsonSchema(): JsonSchema {
  return toJsonSchemaDocument({
    schema: charterSchema,
    id: 'https://devolve.dev/schema/devolve-1.schema.json',
    title: 'Devolve charter',
  });
}
