import type { Command } from 'commander';
import type { EvidenceRecord, EvidenceToRecord } from '../core/evidence/EvidenceRecord.js';
import { openStore } from './openStore.js';
import { readValidCharter } from './readValidCharter.js';

/** The options a command that records evidence adds: `--record` and `--data`. */
export function withRecordOptions(command: Command): Command {
  return command
    .option('--record', "keep the evidence in the charter's store (see `devolve evidence list`)")
    .option(
      '--data <dir>',
      'with --record: the PGlite store (default: DATABASE_URL, else beside the charter)',
    );
}

/**
 * Keeps evidence in the store of a charter's organization: the store `--data` names, else
 * `DATABASE_URL`, else the one beside the charter. The organization must be in it (`devolve
 * apply` first). Evidence is not a log event: nothing is signed and the log's head does not move.
 *
 * @example
 * const { records, where } = await recordEvidence({ charter: 'devolve.yaml', data: undefined, entries, json: false });
 */
export async function recordEvidence(args: {
  charter: string | undefined;
  data: string | undefined;
  entries: readonly EvidenceToRecord[];
  json: boolean;
  now?: Date;
}): Promise<{ org: string; records: readonly EvidenceRecord[]; where: string }> {
  const charter = await readValidCharter({ file: args.charter, json: args.json });
  const { store, where } = await openStore({ data: args.data, charterFile: charter.file, mode: 'read' });
  try {
    const org = charter.organization.id;
    const records = await store.recordEvidence({ org, entries: args.entries, now: args.now ?? new Date() });
    return { org, records, where };
  } finally {
    await store.close();
  }
}
