import type { Command } from 'commander';
import { DevolveError } from '../core/errors/DevolveError.js';
import type { EvidenceRecord } from '../core/evidence/EvidenceRecord.js';
import type { Organization } from '../core/model/Organization.js';
import { diffCharter } from '../core/state/diffCharter.js';
import type { OrgState } from '../core/state/OrgState.js';
import { organizationInForce } from '../core/state/organizationInForce.js';
import { DATA_OPTION, holdsStore, storeDirFor } from './openStore.js';
import { readValidCharter, type ValidCharter } from './readValidCharter.js';
import { openTarget, SERVER_OPTION, serverUrl } from './serverClient.js';

/** Where a command that shows "today" may find the charter's log: `--data` and `--server`. */
export interface LogOptions {
  readonly data?: string | undefined;
  readonly server?: string | undefined;
}

/**
 * Where the levels a command shows came from: the signed log (the charter in force, each unit at
 * the level executed slider moves put it at), or the charter file's declared levels when there is
 * no log for it.
 */
export type LevelSource =
  | {
      readonly kind: 'log';
      /** The store or server: `PGlite acme/.devolve/data`, `server http://127.0.0.1:4747`. */
      readonly where: string;
      readonly seq: number;
      readonly head: string;
      /** The file differs from the charter in force (an edit not yet applied or proposed). */
      readonly fileDiffers: boolean;
    }
  | {
      readonly kind: 'file';
      readonly file: string;
      /** Why the file was read: no log beside it, or the log does not hold this organization. */
      readonly why: string;
    };

export interface CharterInForce {
  /** The charter file as read: its path, and its organization as declared. */
  readonly charter: ValidCharter;
  /** What the command shows: the organization in force when there is a log, else as declared. */
  readonly organization: Organization;
  readonly source: LevelSource;
  /** The state the log built, when there is one: its signed attestations and metrics are evidence. */
  readonly state?: OrgState;
  /** The evidence the log's store keeps for the organization, when asked for (`withEvidence`). */
  readonly stored?: readonly EvidenceRecord[];
}

/** Adds `--data` and `--server` to a command that shows the state in force. */
export function withLogOptions(command: Command): Command {
  return command.option(...DATA_OPTION).option(...SERVER_OPTION);
}

/**
 * The organization as `status`, `plan`, `explain` and `report` show it. When the charter has a log
 * — the server named by `--server` (or `DEVOLVE_SERVER`), the store named by `--data`, the
 * PostgreSQL named by `DATABASE_URL`, else the embedded store beside the charter if one was ever
 * recorded — it is the charter in force with each unit at the level the log moved it to, since
 * when it got there. With no log the file's declared levels are shown, and the source says so.
 *
 * Only reads: a charter with no store beside it gets none (an explicit `--data` that holds no log
 * is a usage error, as for every reading command).
 *
 * @example
 * const { organization, source } = await readCharterInForce({ file: 'devolve.yaml', json: false, log: {} });
 * describeLevelSource(source) // 'Levels in force from the signed log: PGlite .devolve/data, event 7 (head 3f2a9c…)'
 */
export async function readCharterInForce(args: {
  file: string | undefined;
  json: boolean;
  now?: number;
  log: LogOptions;
  env?: NodeJS.ProcessEnv;
  /** Also read the evidence the store keeps for the organization. */
  withEvidence?: boolean;
}): Promise<CharterInForce> {
  const charter = await readValidCharter({
    file: args.file,
    json: args.json,
    ...(args.now === undefined ? {} : { now: args.now }),
  });
  const env = args.env ?? process.env;
  const named =
    serverUrl({ server: args.log.server, env }) !== undefined ||
    args.log.data !== undefined ||
    (env['DATABASE_URL'] ?? '') !== '';
  const declared = (why: string): CharterInForce => ({
    charter,
    organization: charter.organization,
    source: { kind: 'file', file: charter.file, why },
  });
  if (!named && !holdsStore(storeDirFor({ charterFile: charter.file })))
    return declared('no signed log beside it (`devolve apply` records one)');

  const { target, where } = await openTarget({
    server: args.log.server,
    data: args.log.data,
    charterFile: charter.file,
    mode: 'read',
    env,
  });
  try {
    const org = charter.organization.id;
    let state: Awaited<ReturnType<typeof target.readState>>;
    try {
      state = await target.readState({ org });
    } catch (error) {
      if (error instanceof DevolveError && error.code === 'organization/not-found')
        return declared(`${where} holds no log for ${org} (\`devolve apply\` records one)`);
      throw error;
    }
    const fileDiffers =
      diffCharter({ state, organization: charter.organization, input: charter.input }).sections.length > 0;
    const stored = args.withEvidence === true ? await target.readEvidence({ org }) : undefined;
    return {
      charter,
      organization: organizationInForce({ state }),
      source: { kind: 'log', where, seq: state.seq, head: state.head, fileDiffers },
      state,
      ...(stored === undefined ? {} : { stored }),
    };
  } finally {
    await target.close();
  }
}

/**
 * The one line that says where the levels shown came from.
 *
 * @example
 * describeLevelSource({ kind: 'file', file: 'devolve.yaml', why: 'no signed log beside it' })
 * // 'Declared levels from devolve.yaml: no signed log beside it'
 */
export function describeLevelSource(source: LevelSource): string {
  if (source.kind === 'file') return `Declared levels from ${source.file}: ${source.why}`;
  const differs = source.fileDiffers ? '; the charter file has changes not in force (`devolve diff`)' : '';
  return `Levels in force from the signed log: ${source.where}, event ${source.seq} (head ${source.head.slice(0, 12)}…)${differs}`;
}
