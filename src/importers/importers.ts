import { entitiesImporter } from './entitiesImporter.js';
import { gitImporter } from './gitImporter.js';
import { governorImporter } from './governorImporter.js';
import { holdingsImporter } from './holdingsImporter.js';
import type { Importer } from './Importer.js';
import { snapshotImporter } from './snapshotImporter.js';

/** Every importer; `devolve import` derives its subcommands from this list. */
export const IMPORTERS: readonly Importer[] = [
  holdingsImporter,
  entitiesImporter,
  gitImporter,
  snapshotImporter,
  governorImporter,
];
