import { tallyEntities } from '../core/evidence/tallyEntities.js';
import { feedFile } from './feedLines.js';
import type { Importer } from './Importer.js';

/**
 * Streams an entities CSV (see `tallyEntities`).
 *
 * @example
 * const { result } = await readEntities({ path: 'entities.csv' }); // Map { '0x…01' => 'Acme' }
 */
export function readEntities(args: { path: string }) {
  return feedFile({ path: args.path, tally: tallyEntities({ file: args.path }) });
}

/** `devolve import entities f.csv`: which entity each address, member or e-mail belongs to. */
export const entitiesImporter: Importer = {
  name: 'entities',
  description: 'entities CSV (address, member or e-mail, entity) so concentration counts entities',
  source: 'the CSV file',
  options: [],
  async run({ source }) {
    const { result, rows, issues } = await readEntities({ path: source });
    return { rows, issues, summary: { keys: result.size, entities: new Set(result.values()).size } };
  },
};
