import type { ActionRecord, StartRecord } from './ActionRecord.js';
import { attestationRecord, attestationWithdraw } from './attestationRecord.js';
import { charterAmend } from './charterAmend.js';
import { delegationRevoke } from './delegationRevoke.js';
import { delegationSet } from './delegationSet.js';
import { keyRegister } from './keyRegister.js';
import { keyRotate } from './keyRotate.js';
import { orgCreate } from './orgCreate.js';
import { proposalAdvise } from './proposalAdvise.js';
import { proposalCreate } from './proposalCreate.js';
import { proposalDecide } from './proposalDecide.js';
import { proposalExecute } from './proposalExecute.js';
import { proposalObject } from './proposalObject.js';
import { proposalVeto } from './proposalVeto.js';
import { voteCast } from './voteCast.js';

/** The one kind that starts a log. */
export const START_RECORD: StartRecord = orgCreate as unknown as StartRecord;

/**
 * Every action kind after the first, one record each. Adding a kind means one new file in this
 * folder and one line here; `applyEvent`, the store, `devolve verify` and the documents rendered
 * from the payload schemas all read this list.
 */
export const ACTION_RECORDS: readonly ActionRecord[] = [
  charterAmend,
  keyRegister,
  keyRotate,
  proposalCreate,
  voteCast,
  proposalObject,
  proposalAdvise,
  proposalDecide,
  proposalVeto,
  proposalExecute,
  delegationSet,
  delegationRevoke,
  attestationRecord,
  attestationWithdraw,
] as unknown as readonly ActionRecord[];

/** Every kind the log knows, the starting one first. */
export const ACTION_KINDS: readonly string[] = [START_RECORD.kind, ...ACTION_RECORDS.map((r) => r.kind)];

const byKind = new Map(ACTION_RECORDS.map((record) => [record.kind, record]));

/** The record of `kind`, or undefined for the starting kind and unknown kinds. */
export function actionRecordOf(kind: string): ActionRecord | undefined {
  return byKind.get(kind);
}
