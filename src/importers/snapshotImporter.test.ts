import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from '../../test/support/builtCli.js';
import { referenceConcentration } from '../../test/support/referenceConcentration.js';
import { seededRandom } from '../../test/support/seededRandom.js';
import { votingReport } from '../core/metrics/votingReport.js';
import { makeRatio } from '../core/ratio/Ratio.js';
import { readEntities } from './entitiesImporter.js';
import { readSnapshot, snapshotImporter } from './snapshotImporter.js';

const dir = mkdtempSync(join(tmpdir(), 'devolve-snapshot-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function address(i: number): string {
  return `0x${(0xa11ce000 + i).toString(16).padStart(40, '0')}`;
}

/**
 * A space's history as Snapshot's API returns it: 14 proposals by 5 authors, 60 voters voting on
 * each proposal with probability 0.4 (about 340 votes), voting power in millionths (vp 1234.567891),
 * single-choice, approval and weighted ballots. One record per line, so each record's line is known;
 * six bad records are mixed in at known lines.
 */
function writeSpace() {
  const next = seededRandom(2026);
  const lines: string[] = ['{', '  "data": {', '    "proposals": ['];
  const proposals: { id: string; author: string }[] = [];
  const bad: { line: number; code: string; path: string }[] = [];
  const record = (value: unknown, last: boolean) =>
    lines.push(`      ${JSON.stringify(value)}${last ? '' : ','}`);
  const types = ['single-choice', 'approval', 'weighted'] as const;
  for (let p = 0; p < 14; p++) {
    const author = address(1000 + (p % 5 === 4 ? 0 : p % 5));
    const created = 1_700_000_000 + p * 86_400;
    const proposal = {
      id: `0xprop${p}`,
      author: p % 3 === 0 ? author.toUpperCase().replace('0X', '0x') : author,
      created,
      start: created,
      end: created + 5 * 86_400,
      choices: ['For', 'Against', 'Abstain'],
      type: types[p % 3],
      scores: [0, 0, 0],
      space: { id: 'devolve.eth' },
    };
    proposals.push({ id: proposal.id, author });
    record(proposal, false);
  }
  bad.push({ line: lines.length + 1, code: 'import/invalid-field', path: 'data.proposals[14].space' });
  record(
    { id: '0xprop-nospace', author: address(1000), created: 1, start: 1, end: 2, choices: [], type: 'basic' },
    true,
  );
  lines.push('    ],', '    "votes": [');
  const votes: { proposal: string; voter: string; micro: bigint }[] = [];
  let v = 0;
  const voteLines: string[] = [];
  for (const proposal of proposals) {
    for (let voter = 0; voter < 60; voter++) {
      if (next() >= 0.4) continue;
      const micro = BigInt(Math.floor((1 / (1 - next()) ** 1.5) * 1_000_000));
      const type = types[Number(proposal.id.slice(6)) % 3];
      const choice =
        type === 'single-choice' ? 1 + (voter % 3) : type === 'approval' ? [1, 3] : { '1': 2, '2': 1 };
      votes.push({ proposal: proposal.id, voter: address(voter), micro });
      voteLines.push(
        JSON.stringify({
          id: `0xvote${v++}`,
          voter: address(voter),
          created: 1_700_000_100 + v,
          choice,
          vp: Number(micro) / 1e6,
          proposal: { id: proposal.id },
          reason: voter % 7 === 0 ? 'as discussed on the forum, with "quotes" and a \\ backslash' : '',
        }),
      );
    }
  }
  const badVotes = [
    {
      code: 'import/invalid-field',
      field: 'vp',
      text: JSON.stringify({
        id: 'b1',
        voter: address(1),
        created: 1,
        choice: 1,
        vp: '12',
        proposal: { id: '0xprop1' },
      }),
    },
    {
      code: 'import/invalid-holder',
      field: 'voter',
      text: JSON.stringify({
        id: 'b2',
        voter: '0x1234',
        created: 1,
        choice: 1,
        vp: 1,
        proposal: { id: '0xprop1' },
      }),
    },
    {
      code: 'import/duplicate-vote',
      field: 'voter',
      text: voteLines[3]!.replace(/"id":"0xvote\d+"/, '"id":"b3"'),
    },
    { code: 'import/duplicate-record', field: 'id', text: voteLines[5]! },
    { code: 'import/bad-json', field: '', text: '{"id": "b5", "voter": , "vp": 1}' },
  ];
  const at = [10, 50, 120, 200, 260];
  let index = 0;
  voteLines.forEach((text, i) => {
    const b = at.indexOf(i);
    if (b !== -1) {
      const { code, field, text: badText } = badVotes[b]!;
      bad.push({
        line: lines.length + 1,
        code,
        path: `data.votes[${index}]${field === '' ? '' : `.${field}`}`,
      });
      lines.push(`      ${badText},`);
      index++;
    }
    lines.push(`      ${text}${i === voteLines.length - 1 ? '' : ','}`);
    index++;
  });
  lines.push('    ]', '  }', '}');
  const path = join(dir, 'space.json');
  writeFileSync(path, `${lines.join('\n')}\n`);
  // Voters 0–9 are one entity, voters 10–14 another; authors 1000 and 1001 are one entity.
  const entitiesPath = join(dir, 'entities.csv');
  const entityOf = (key: string): string => {
    const i = Number.parseInt(key.slice(2), 16) - 0xa11ce000;
    return i < 10 ? 'Acme' : i < 15 ? 'Beta' : i === 1000 || i === 1001 ? 'Core' : key;
  };
  const entityRows = [...Array(15).keys(), 1000, 1001].map((i) => `${address(i)},${entityOf(address(i))}`);
  writeFileSync(entitiesPath, `address,entity\n${entityRows.join('\n')}\n`);
  return { path, entitiesPath, proposals, votes, bad, entityOf };
}

/** Voter and proposer figures the plain way: nested loops over the fixture's own lists. */
function reference(
  proposals: readonly { id: string; author: string }[],
  votes: readonly { proposal: string; voter: string; micro: bigint }[],
  entityOf: (key: string) => string,
) {
  const power = new Map<string, bigint>();
  for (const vote of votes) {
    const who = entityOf(vote.voter);
    // vp in millionths, counted in 10^-18 units: micro · 10^12.
    power.set(who, (power.get(who) ?? 0n) + vote.micro * 10n ** 12n);
  }
  const made = new Map<string, bigint>();
  for (const p of proposals) made.set(entityOf(p.author), (made.get(entityOf(p.author)) ?? 0n) + 1n);
  let heard = 0;
  for (const p of proposals) {
    const on = new Set(votes.filter((vote) => vote.proposal === p.id).map((vote) => entityOf(vote.voter)));
    heard += on.size;
  }
  return {
    distinctVoters: power.size,
    distinctProposers: made.size,
    participation: makeRatio(BigInt(heard), BigInt(proposals.length * power.size)),
    voters: referenceConcentration(power.values()),
    proposers: referenceConcentration(made.values()),
  };
}

describe('Snapshot importer', () => {
  const space = writeSpace();

  it('reads every good record and reports every bad one with its line and position', async () => {
    const history = await readSnapshot({ paths: [space.path] });
    expect(space.votes.length).toBeGreaterThan(300);
    expect(history.records).toBe(space.proposals.length + space.votes.length + space.bad.length);
    expect(history.proposals.length).toBe(space.proposals.length);
    expect(history.votes.length).toBe(space.votes.length);
    expect(history.issues.map((i) => ({ line: i.line, code: i.code, path: i.path }))).toEqual(space.bad);
    expect([...history.spaces]).toEqual(['devolve.eth']);
  });

  for (const byEntity of [false, true]) {
    it(`voter and proposer metrics equal the plain computation (${byEntity ? 'entities' : 'addresses'})`, async () => {
      const history = await readSnapshot({ paths: [space.path] });
      const entities = byEntity ? (await readEntities({ path: space.entitiesPath })).result : undefined;
      const report = votingReport({
        proposals: history.proposals,
        votes: history.votes,
        ...(entities === undefined ? {} : { entities }),
      });
      const expected = reference(space.proposals, space.votes, byEntity ? space.entityOf : (key) => key);
      expect(report.distinctVoters).toBe(expected.distinctVoters);
      expect(report.distinctProposers).toBe(expected.distinctProposers);
      expect(report.participation.ratio).toEqual(expected.participation);
      for (const [got, want] of [
        [report.voters, expected.voters],
        [report.proposers, expected.proposers],
      ] as const) {
        expect(got.total).toBe(want.total);
        expect(got.nonZeroHolders).toBe(want.holders);
        expect(got.gini.ratio).toEqual(want.gini);
        expect(got.herfindahl.ratio).toEqual(want.hhi);
        expect(got.nakamoto.count).toBe(want.nakamoto);
      }
      if (byEntity) {
        // 60 voters: 10 + 5 of them folded into Acme and Beta leave at most 47 entities.
        expect(report.distinctVoters).toBeLessThanOrEqual(47);
        expect(report.distinctProposers).toBe(3);
      }
    });
  }

  it('reads a bare array, pretty-printed, and JSON lines the same way', async () => {
    const votes = [
      { id: 'a', voter: address(1), created: 5, choice: 1, vp: 2.5, proposal: { id: 'P' }, reason: '' },
      {
        id: 'b',
        voter: address(2),
        created: 6,
        choice: [1, 2],
        vp: 1e-7,
        proposal: { id: 'P' },
        reason: '}{',
      },
      { id: 'c', voter: address(3), created: 7, choice: 1, vp: -1, proposal: { id: 'P' } },
    ];
    const pretty = join(dir, 'pretty.json');
    writeFileSync(pretty, JSON.stringify(votes, null, 2));
    const lines = join(dir, 'votes.jsonl');
    writeFileSync(lines, `${votes.map((vote) => JSON.stringify(vote)).join('\n')}\n`);
    const fromArray = await readSnapshot({ paths: [pretty] });
    const fromLines = await readSnapshot({ paths: [lines] });
    // 2.5 → 2.5·10^18; 1e-7 → 10^11 units of 10^-18.
    const weights = [2_500_000_000_000_000_000n, 100_000_000_000n];
    expect(fromArray.votes.map((vote) => vote.weight)).toEqual(weights);
    expect(fromLines.votes.map((vote) => vote.weight)).toEqual(weights);
    // The third vote opens on the line where the first two, printed alone, close their array.
    expect(fromArray.issues.map((i) => [i.path, i.code])).toEqual([['[2].vp', 'import/invalid-field']]);
    expect(fromArray.issues[0]!.line).toBe(JSON.stringify(votes.slice(0, 2), null, 2).split('\n').length);
    expect(fromLines.issues.map((i) => [i.line, i.path])).toEqual([[3, 'line 3.vp']]);
  });

  it('reports a file cut short once, keeping the records before it', async () => {
    const path = join(dir, 'cut.json');
    writeFileSync(
      path,
      '{"data":{"votes":[\n{"id":"a","voter":"0x0000000000000000000000000000000000000001","created":1,"choice":1,"vp":1,"proposal":{"id":"P"}},\n{"id":"b",',
    );
    const history = await readSnapshot({ paths: [path] });
    expect(history.votes).toHaveLength(1);
    expect(history.issues.map((i) => [i.line, i.code])).toEqual([[3, 'import/bad-json']]);
  });

  it('the command summary counts entities when given an entities file; a missing file is import/not-found', async () => {
    const outcome = await snapshotImporter.run({
      source: space.path,
      options: { entities: space.entitiesPath },
    });
    expect(outcome.summary['countedBy']).toBe('entity');
    expect(outcome.summary['distinctProposers']).toBe(3);
    expect(outcome.issues).toHaveLength(space.bad.length);
    await expect(snapshotImporter.run({ source: join(dir, 'nope.json'), options: {} })).rejects.toMatchObject(
      {
        code: 'import/not-found',
      },
    );
  });

  it('devolve import snapshot prints each bad record as file:line:column and exits 1; governor without an RPC exits 2', () => {
    const cwd = mkdtempSync(join(dir, 'cli-'));
    const vote = (id: string, vp: unknown) =>
      JSON.stringify({ id, voter: address(1), created: 1, choice: 1, vp, proposal: { id: 'P' } });
    writeFileSync(
      join(cwd, 'votes.json'),
      `{"data":{"votes":[\n${vote('a', 3)},\n  ${vote('b', 'x')}\n]}}\n`,
    );
    const run = runCli(cwd, 'import', 'snapshot', 'votes.json');
    expect(run.code).toBe(1);
    expect(run.stderr.trim()).toBe(
      'votes.json:3:3: data.votes[1]: vp must be a non-negative number [import/invalid-field]',
    );
    const json = JSON.parse(runCli(cwd, 'import', 'snapshot', 'votes.json', '--json').stdout);
    expect(json).toMatchObject({
      rows: 2,
      votes: 1,
      distinctVoters: 1,
      voters: { total: '3000000000000000000' },
    });
    const governor = runCli(cwd, 'import', 'governor', '--address', address(2));
    expect(governor.code).toBe(2);
    expect(governor.stderr.trim().split('\n')).toHaveLength(1);
  });
});
