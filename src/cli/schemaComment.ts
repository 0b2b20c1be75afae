import { relative } from 'node:path';
import { packagePaths } from './packagePaths.js';

/**
 * The first line of every generated charter: it points editors running the YAML language server
 * at the JSON Schema, so they complete keys and flag mistakes as the user types.
 *
 * @example
 * schemaComment('.') // '# yaml-language-server: $schema=./schema/devolve.schema.json\n' (inside the clone)
 */
export function schemaComment(charterDir: string): string {
  const path = relative(charterDir, packagePaths.schema).split('\\').join('/');
  return `# yaml-language-server: $schema=${path.startsWith('.') ? path : `./${path}`}\n`;
}
