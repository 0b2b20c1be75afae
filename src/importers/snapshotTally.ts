import type { ImportIssue } from '../core/evidence/ImportIssue.js';
import { normalizeHolder } from '../core/evidence/normalizeHolder.js';
import { parseTokenAmount } from '../core/evidence/parseTokenAmount.js';
import type { ProposalFact, VoteFact } from '../core/metrics/votingReport.js';
import type { JsonRecord } from './jsonRecords.js';

/** Snapshot's voting power is a float; it is counted in units of 10^-18, like an 18-decimal token. */
export const SNAPSHOT_VP_DECIMALS = 18;

/** What a Snapshot import keeps: proposals and votes as facts, and every bad record. */
export interface SnapshotHistory {
  readonly proposals: ProposalFact[];
  readonly votes: VoteFact[];
  readonly spaces: Set<string>;
  readonly issues: ImportIssue[];
  records: number;
}

type Check = { ok: true } | { ok: false; field: string; code: string; message: string };
const OK: Check = { ok: true };
const bad = (field: string, message: string, code = 'import/invalid-field'): Check => ({
  ok: false,
  field,
  code,
  message,
});

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmptyString(record: Record<string, unknown>, field: string): Check {
  const value = record[field];
  return typeof value === 'string' && value !== '' ? OK : bad(field, `${field} must be a non-empty string`);
}

function timestamp(record: Record<string, unknown>, field: string): Check {
  const value = record[field];
  return Number.isSafeInteger(value) && (value as number) >= 0
    ? OK
    : bad(field, `${field} must be a Unix time in whole seconds`);
}

function idOf(record: Record<string, unknown>, field: string): string | undefined {
  const inner = record[field];
  return isObject(inner) && typeof inner['id'] === 'string' && inner['id'] !== '' ? inner['id'] : undefined;
}

/**
 * A JSON number as the decimal text JavaScript writes for it (Snapshot's hub writes its floats
 * the same way, so this is the text of the file): `1e-7` becomes `0.0000001`, `2.5e21` becomes
 * `2500000000000000000000`.
 */
export function plainDecimal(value: number): string {
  const text = String(value);
  const e = text.indexOf('e');
  if (e === -1) return text;
  const exponent = Number(text.slice(e + 1));
  const [whole = '', fraction = ''] = text.slice(0, e).split('.');
  const digits = whole + fraction;
  const point = whole.length + exponent;
  if (point <= 0) return `0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return digits + '0'.repeat(point - digits.length);
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * Judges one record of a Snapshot GraphQL answer (`proposals` or `votes`; a record outside those
 * lists is told apart by its fields: a vote has `voter`, a proposal has `author`) and keeps it as
 * a fact, or reports why not. Shapes, as the hub's schema gives them:
 * proposal { id, author, created, start, end, choices: [String], type, scores: [Float], space { id } },
 * vote { id, voter, created, choice (a number, a list or an object by voting type), vp: Float, proposal { id }, reason }.
 * A second record with the same id, or a second vote by one voter on one proposal, is an issue:
 * the API returns each once, so a repeat means a file put together wrongly.
 */
export function snapshotTally() {
  const history: SnapshotHistory = { proposals: [], votes: [], spaces: new Set(), issues: [], records: 0 };
  const seenProposals = new Set<string>();
  const seenVotes = new Set<string>();
  const ballots = new Set<string>();

  let file = '';
  const report = (record: JsonRecord, field: string, code: string, message: string) => {
    history.issues.push({
      file,
      line: record.line,
      column: record.column,
      code,
      message: `${record.path}: ${message}`,
      path: field === '' ? record.path : `${record.path}.${field}`,
    });
  };

  const proposal = (record: JsonRecord, value: Record<string, unknown>) => {
    const checks = [
      nonEmptyString(value, 'id'),
      nonEmptyString(value, 'author'),
      timestamp(value, 'created'),
      timestamp(value, 'start'),
      timestamp(value, 'end'),
      Array.isArray(value['choices']) && value['choices'].every((c) => typeof c === 'string')
        ? OK
        : bad('choices', 'choices must be a list of strings'),
      nonEmptyString(value, 'type'),
      value['scores'] === undefined ||
      value['scores'] === null ||
      (Array.isArray(value['scores']) && value['scores'].every((s) => typeof s === 'number' && s >= 0))
        ? OK
        : bad('scores', 'scores must be a list of non-negative numbers'),
      idOf(value, 'space') !== undefined ? OK : bad('space', 'space must be an object with an id'),
    ];
    const failed = checks.find((c) => !c.ok);
    if (failed !== undefined && !failed.ok) return report(record, failed.field, failed.code, failed.message);
    if ((value['end'] as number) < (value['start'] as number))
      return report(record, 'end', 'import/invalid-field', 'end is before start');
    const author = normalizeHolder(value['author'] as string);
    if (!author.ok) return report(record, 'author', 'import/invalid-holder', author.message);
    const id = value['id'] as string;
    if (seenProposals.has(id))
      return report(record, 'id', 'import/duplicate-record', `proposal ${id} is listed twice`);
    seenProposals.add(id);
    history.spaces.add(idOf(value, 'space')!);
    history.proposals.push({ id, proposer: author.key });
  };

  const vote = (record: JsonRecord, value: Record<string, unknown>) => {
    const choice = value['choice'];
    const checks = [
      nonEmptyString(value, 'id'),
      nonEmptyString(value, 'voter'),
      timestamp(value, 'created'),
      (typeof choice === 'number' && Number.isInteger(choice)) || Array.isArray(choice) || isObject(choice)
        ? OK
        : bad('choice', 'choice must be a choice number, a list or an object of choices'),
      typeof value['vp'] === 'number' && Number.isFinite(value['vp']) && value['vp'] >= 0
        ? OK
        : bad('vp', 'vp must be a non-negative number'),
      idOf(value, 'proposal') !== undefined ? OK : bad('proposal', 'proposal must be an object with an id'),
      value['reason'] === undefined || value['reason'] === null || typeof value['reason'] === 'string'
        ? OK
        : bad('reason', 'reason must be a string'),
    ];
    const failed = checks.find((c) => !c.ok);
    if (failed !== undefined && !failed.ok) return report(record, failed.field, failed.code, failed.message);
    const voter = normalizeHolder(value['voter'] as string);
    if (!voter.ok) return report(record, 'voter', 'import/invalid-holder', voter.message);
    const weight = parseTokenAmount({
      text: plainDecimal(value['vp'] as number),
      decimals: SNAPSHOT_VP_DECIMALS,
    });
    if (!weight.ok) return report(record, 'vp', weight.code, weight.message);
    const id = value['id'] as string;
    const proposalId = idOf(value, 'proposal')!;
    if (seenVotes.has(id))
      return report(record, 'id', 'import/duplicate-record', `vote ${id} is listed twice`);
    const ballot = `${proposalId}\n${voter.key}`;
    if (ballots.has(ballot))
      return report(
        record,
        'voter',
        'import/duplicate-vote',
        `${voter.key} has a second vote on proposal ${proposalId}`,
      );
    seenVotes.add(id);
    ballots.add(ballot);
    history.votes.push({ proposal: proposalId, voter: voter.key, weight: weight.value });
  };

  return {
    history,
    /** Judges one record read from `from` (the file named in its issues). */
    record(record: JsonRecord, from: string) {
      file = from;
      history.records++;
      if (!record.parsed.ok) return report(record, '', 'import/bad-json', record.parsed.message);
      const value = record.parsed.value;
      if (!isObject(value))
        return report(record, '', 'import/invalid-record', 'a record must be a JSON object');
      const kind =
        record.list === 'votes' || (record.list === undefined && 'voter' in value)
          ? 'vote'
          : record.list === 'proposals' || (record.list === undefined && 'author' in value)
            ? 'proposal'
            : undefined;
      if (kind === 'vote') return vote(record, value);
      if (kind === 'proposal') return proposal(record, value);
      report(record, '', 'import/invalid-record', 'neither a proposal (with author) nor a vote (with voter)');
    },
  };
}
