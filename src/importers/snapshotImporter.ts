import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { DevolveError } from '../core/errors/DevolveError.js';
import type { Importer } from './Importer.js';
import { jsonRecords } from './jsonRecords.js';
import { progressBar } from './progressBar.js';
import { type SnapshotHistory, snapshotTally } from './snapshotTally.js';
import { ENTITIES_OPTION, votingOutcome } from './votingOutcome.js';

/** The size of a file to import, or `import/not-found`. */
async function sizeOf(path: string): Promise<number> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new Error('not a regular file');
    return info.size;
  } catch (cause) {
    throw new DevolveError({
      code: 'import/not-found',
      message: `cannot read ${path}: no such file`,
      details: { file: path },
      cause,
    });
  }
}

/**
 * Streams Snapshot JSON files (GraphQL answers `{"data":{"proposals":[…],"votes":[…]}}`, bare
 * arrays, or one record per line) into one history, with a progress bar per file. Memory holds the
 * record being read and the facts kept (an id, an address and a weight per vote), never the file.
 * Repeats are found across files too.
 *
 * @example
 * const history = await readSnapshot({ paths: ['proposals.json', 'votes.json'] });
 */
export async function readSnapshot(args: { paths: readonly string[] }): Promise<SnapshotHistory> {
  const tally = snapshotTally();
  for (const path of args.paths) {
    const size = await sizeOf(path);
    const scan = jsonRecords({
      onRecord: (record) => tally.record(record, path),
      onError: (error) =>
        tally.history.issues.push({
          file: path,
          line: error.line,
          column: error.column,
          code: 'import/bad-json',
          message: error.message,
          path: 'file',
        }),
    });
    const bar = progressBar({ label: basename(path), total: size });
    let bytes = 0;
    for await (const chunk of createReadStream(path, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
      scan.push(chunk as string);
      bytes += Buffer.byteLength(chunk as string);
      bar.update(bytes);
    }
    scan.end();
    bar.finish();
  }
  return tally.history;
}

/** `devolve import snapshot answer.json [--votes votes.json] [--entities e.csv]`: a space's proposals and votes. */
export const snapshotImporter: Importer = {
  name: 'snapshot',
  description: 'Snapshot proposals and votes (the JSON its GraphQL API returns): voter and proposer metrics',
  source: 'the JSON file',
  options: [
    {
      flags: '--votes <file>',
      description: 'more Snapshot JSON, e.g. the votes when fetched apart from the proposals (repeat)',
      repeatable: true,
    },
    ENTITIES_OPTION,
  ],
  async run({ source, options }) {
    const more = options['votes'];
    const paths = [source, ...(more === undefined ? [] : Array.isArray(more) ? more : [more])];
    const history = await readSnapshot({ paths });
    return votingOutcome({
      rows: history.records,
      issues: history.issues,
      about: { spaces: [...history.spaces].sort() },
      proposals: history.proposals,
      votes: history.votes,
      options,
    });
  },
};
