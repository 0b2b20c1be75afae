import { fileURLToPath } from 'node:url';

/**
 * Paths inside the installed Devolve package. This file sits two folders below the package root
 * both as source (src/cli) and as build output (dist/cli), so one relative URL serves both.
 */
const root = new URL('../../', import.meta.url);

export const packagePaths = {
  root: fileURLToPath(root),
  templates: fileURLToPath(new URL('templates/', root)),
  schema: fileURLToPath(new URL('schema/devolve.schema.json', root)),
  conformanceVectors: fileURLToPath(new URL('conformance/vectors/', root)),
};
