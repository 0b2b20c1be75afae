import type { Command } from 'commander';
import {
  type EvidenceEntry,
  type EvidenceFilter,
  type EvidenceRecord,
  entriesOf,
  entryAt,
  entrySubject,
  entryUnit,
} from '../../core/evidence/EvidenceRecord.js';
import { formatInstant } from '../../core/time/Instant.js';
import { usageError } from '../CliError.js';
import { defaultStyle, printJson } from '../output.js';
import { readEvidence } from '../readEvidence.js';
import { readValidCharter } from '../readValidCharter.js';
import { recordEvidence } from '../recordEvidence.js';
import { openTarget, SERVER_OPTION } from '../serverClient.js';

const KINDS: readonly EvidenceEntry['kind'][] = ['observation', 'control', 'attestation'];

function shownValue(entry: EvidenceEntry): string {
  if (entry.kind === 'observation') return String(entry.observation.value);
  if (entry.kind === 'control') return entry.control.holder.kind;
  return entry.attestation.by === undefined ? 'unsigned' : `unsigned, by ${entry.attestation.by}`;
}

function originOf(record: EvidenceRecord): string {
  const { command, from, line } = record.origin;
  return `${command}${from === undefined ? '' : ` ${from}`}${line === undefined ? '' : `:${line}`}`;
}

/** One line per record: id, kind, unit, what, value, when observed, where from, when recorded. */
function printRecords(records: readonly EvidenceRecord[]): void {
  const style = defaultStyle();
  if (records.length === 0) console.log('no evidence recorded');
  for (const record of records) {
    const { entry } = record;
    const at = entryAt(entry);
    console.log(
      `#${record.id} ${entry.kind} ${entryUnit(entry) ?? '(organization)'} ${style.bold(entrySubject(entry))} = ${shownValue(entry)} at ${formatInstant(at)} ${style.dim(`from ${originOf(record)}, recorded ${record.recordedAt}`)}`,
    );
  }
}

/**
 * `devolve evidence add <file>` keeps an evidence file's observations and attestations (as
 * unsigned) in the charter's store, each with its line; `devolve evidence list` shows what the
 * store keeps, with where each entry came from. Evidence is measurement, not decision: it is
 * never a log event.
 */
export function registerEvidence(program: Command): void {
  const command = program
    .command('evidence')
    .description(
      'keep evidence (observations, control facts, unsigned attestations) in the store and list it',
    );
  command
    .command('add')
    .description("record an evidence file's observations and attestations in the charter's store")
    .argument('<file>', 'an evidence file (evidence.yaml)')
    .option('--charter <file>', 'the charter the evidence is about', 'devolve.yaml')
    .option('--data <dir>', 'the PGlite store (default: DATABASE_URL, else beside the charter)')
    .option('--json', 'print the records as JSON')
    .action(async (file: string, options: { charter: string; data?: string; json?: boolean }) => {
      const json = options.json === true;
      const { organization, file: charterFile } = await readValidCharter({ file: options.charter, json });
      const read = await readEvidence({ file, charterFile, organization, json });
      const entries = entriesOf(read.evidence);
      const lines = [...(read.lines?.observations ?? []), ...(read.lines?.attestations ?? [])];
      const { org, records, where } = await recordEvidence({
        charter: charterFile,
        data: options.data,
        json,
        entries: entries.map((entry, i) => ({
          entry,
          origin: {
            command: 'evidence add',
            from: read.file ?? file,
            ...(lines[i] === undefined ? {} : { line: lines[i] }),
          },
        })),
      });
      if (json) printJson({ organization: org, store: where, records });
      else
        console.log(
          `${defaultStyle().green('✓')} recorded ${records.length} entries from ${read.file} for ${org} in ${where}`,
        );
    });
  command
    .command('list')
    .description('the evidence the store keeps for the charter’s organization, with its sources')
    .argument('[file]', 'the charter', 'devolve.yaml')
    .option('--unit <unit>', 'only this unit’s evidence (and organization-wide observations)')
    .option('--kind <kind>', `only this kind: ${KINDS.join(', ')}`)
    .option('--data <dir>', 'the PGlite store (default: DATABASE_URL, else beside the charter)')
    .option(...SERVER_OPTION)
    .option('--json', 'print the records as JSON')
    .action(
      async (
        file: string,
        options: { unit?: string; kind?: string; data?: string; server?: string; json?: boolean },
      ) => {
        const json = options.json === true;
        if (options.kind !== undefined && !(KINDS as readonly string[]).includes(options.kind))
          throw usageError({ code: 'bad-options', message: `--kind must be one of ${KINDS.join(', ')}` });
        const charter = await readValidCharter({ file, json });
        const filter: EvidenceFilter = {
          ...(options.kind === undefined ? {} : { kind: options.kind as EvidenceEntry['kind'] }),
          ...(options.unit === undefined ? {} : { unit: options.unit }),
        };
        const { target } = await openTarget({
          server: options.server,
          data: options.data,
          charterFile: charter.file,
          mode: 'read',
        });
        try {
          const records = await target.readEvidence({ org: charter.organization.id, filter });
          if (json) printJson({ organization: charter.organization.id, evidence: records });
          else printRecords(records);
        } finally {
          await target.close();
        }
      },
    );
}
