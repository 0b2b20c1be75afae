import type { Evidence } from '../core/evidence/Evidence.js';
import type { Plan } from '../core/planner/makePlan.js';
import { makePlan } from '../core/planner/makePlan.js';
import { parseNowOption, readEvidence } from './readEvidence.js';
import { readValidCharter, type ValidCharter } from './readValidCharter.js';

export interface PlanInputs {
  readonly charter: ValidCharter;
  /** The evidence file used, if any. */
  readonly evidenceFile: string | undefined;
  readonly now: number;
  readonly evidence: Evidence;
  readonly plan: Plan;
}

/**
 * What `status`, `plan`, `report` and `demo` start from: the valid charter, its evidence (the file
 * given, else `evidence.yaml` beside the charter), the date (`--now`, else the clock) and the plan.
 *
 * @example
 * const { charter, plan } = await readPlan({ file: 'devolve.yaml', evidence: undefined, now: undefined, json: false });
 */
export async function readPlan(args: {
  file: string | undefined;
  evidence: string | undefined;
  now: string | undefined;
  json: boolean;
}): Promise<PlanInputs> {
  const { json } = args;
  const now = parseNowOption(args.now);
  const charter = await readValidCharter({ file: args.file, json, now });
  const { organization } = charter;
  const { evidence, file } = await readEvidence({
    file: args.evidence,
    // Beside the charter as found, which may be in a folder above the working directory.
    charterFile: charter.file,
    organization,
    json,
  });
  return { charter, evidenceFile: file, now, evidence, plan: makePlan({ organization, evidence, now }) };
}
