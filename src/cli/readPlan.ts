import type { Command } from 'commander';
import type { Evidence } from '../core/evidence/Evidence.js';
import { evidenceOfRecords, mergeEvidence } from '../core/evidence/EvidenceRecord.js';
import { withLogEvidence } from '../core/evidence/withLogEvidence.js';
import type { Organization } from '../core/model/Organization.js';
import { type ObservedUnit, observeOrganization } from '../core/observed/observeOrganization.js';
import type { Plan } from '../core/planner/makePlan.js';
import { makePlan } from '../core/planner/makePlan.js';
import {
  type CharterInForce,
  type LevelSource,
  type LogOptions,
  readCharterInForce,
  withLogOptions,
} from './readCharterInForce.js';
import { parseNowOption, readEvidence } from './readEvidence.js';
import { readValidCharter, type ValidCharter } from './readValidCharter.js';

export interface PlanInputs {
  readonly charter: ValidCharter;
  /** The organization planned: in force when read from a log, else the charter as declared. */
  readonly organization: Organization;
  /** Where its levels came from; the file alone when no log was asked for. */
  readonly source: LevelSource;
  /** The evidence file used, if any. */
  readonly evidenceFile: string | undefined;
  /** How many entries of evidence the log's store keeps for the organization (0 without a log). */
  readonly storedEvidence: number;
  readonly now: number;
  readonly evidence: Evidence;
  readonly plan: Plan;
  /** Declared beside observed, per unit: from stored control facts and the log's decisions. */
  readonly observed: readonly ObservedUnit[];
}

/** The options `withPlanOptions` adds, as commander hands them to the action. */
export type PlanOptions = LogOptions & { evidence?: string; now?: string; json?: boolean };

/**
 * The charter argument and the options of a command that plans (`status`, `plan`, `report`):
 * `[file]`, `--evidence`, `--now` (`asOf` says what it dates), the log's `--data` and `--server`,
 * and `--json` (`json` says what it prints).
 *
 * @example
 * withPlanOptions(program.command('plan'), { asOf: 'plan', json: 'print the plan as JSON' })
 */
export function withPlanOptions(command: Command, words: { asOf: string; json: string }): Command {
  return withLogOptions(
    command
      .argument('[file]', 'the charter', 'devolve.yaml')
      .option('-e, --evidence <file>', 'evidence file (default: evidence.yaml beside the charter, if any)')
      .option('--now <instant>', `${words.asOf} as of this date or instant (default: now)`)
      .option('--json', words.json),
  );
}

/**
 * What `status`, `plan`, `report` and `demo` start from: the valid charter, its evidence (the file
 * given, else `evidence.yaml` beside the charter), the date (`--now`, else the clock) and the plan.
 * Given `log`, the organization is the one in force in the charter's log, if it has one
 * (`readCharterInForce`); without it, the file as declared.
 *
 * @example
 * const { organization, plan, source } = await readPlan({ file: 'devolve.yaml', evidence: undefined, now: undefined, json: false, log: {} });
 */
export async function readPlan(args: {
  file: string | undefined;
  evidence: string | undefined;
  now: string | undefined;
  json: boolean;
  log?: LogOptions;
}): Promise<PlanInputs> {
  const { json } = args;
  const now = parseNowOption(args.now);
  const { charter, organization, source, state, stored } =
    args.log === undefined
      ? await declaredOnly({ file: args.file, json, now })
      : await readCharterInForce({ file: args.file, json, now, log: args.log, withEvidence: true });
  const read = await readEvidence({
    file: args.evidence,
    // Beside the charter as found, which may be in a folder above the working directory.
    charterFile: charter.file,
    organization,
    json,
  });
  // The store's evidence beside the file's (whose attestations are unsigned); criteria take the
  // newest. Then the log's own: its signed attestations and the metrics criteria name.
  const fileAndStored =
    stored === undefined ? read.evidence : mergeEvidence(read.evidence, evidenceOfRecords(stored));
  const evidence =
    state === undefined ? fileAndStored : withLogEvidence({ evidence: fileAndStored, state, now });
  return {
    charter,
    organization,
    source,
    evidenceFile: read.file,
    storedEvidence: stored?.length ?? 0,
    now,
    evidence,
    plan: makePlan({ organization, evidence, now }),
    observed: observeOrganization({ organization, evidence, ...(state === undefined ? {} : { state }), now }),
  };
}

async function declaredOnly(args: {
  file: string | undefined;
  json: boolean;
  now: number;
}): Promise<CharterInForce> {
  const charter = await readValidCharter(args);
  const source: LevelSource = { kind: 'file', file: charter.file, why: 'read as declared' };
  return { charter, organization: charter.organization, source };
}

/**
 * `readPlan` for a command that took `withPlanOptions`: its charter argument and options as given.
 *
 * @example
 * .action(async (file: string, options: PlanOptions) => { const { plan } = await readPlanFor(file, options); … })
 */
export function readPlanFor(file: string, options: PlanOptions): Promise<PlanInputs> {
  return readPlan({
    file,
    evidence: options.evidence,
    now: options.now,
    json: options.json === true,
    log: options,
  });
}
