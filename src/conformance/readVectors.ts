import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { DevolveError } from '../core/errors/DevolveError.js';
import type { ConformanceVector } from './ConformanceVector.js';
import { parseVectorFile } from './parseVectorFile.js';

const LOG = '.jsonl';
const EXPECTATION = '.json';
/** A JSON Schema kept beside the vectors is not one of them. */
const SCHEMA = '.schema.json';

/**
 * Reads a vectors directory: every `<id>.jsonl` log with its `<id>.json` expectation, sorted by
 * id. Other files are ignored (a README, `*.schema.json`). A directory that is missing or holds
 * no vector is `usage/no-vectors`; a log without its expectation, an expectation without its log,
 * or an expectation that `parseVectorFile` refuses is `usage/bad-vector`, naming the file and
 * what is wrong (the first problem in the message, all of them in `details.problems`).
 *
 * @example
 * readVectors({ dir: 'conformance/vectors' })[0] // { id: 'bad-hash-line-2', expected: { verdict: 'bad', line: 2, rule: '3' }, … }
 */
export function readVectors(args: { dir: string }): ConformanceVector[] {
  const { dir } = args;
  let names: string[];
  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a directory');
    names = readdirSync(dir);
  } catch {
    throw new DevolveError({
      code: 'usage/no-vectors',
      message: `no vectors directory at ${dir}`,
      hint: 'pass --vectors <dir>, a directory of <id>.jsonl logs each with its <id>.json',
    });
  }
  const files = new Set(names);
  const problems: { file: string; problem: string }[] = [];
  const vectors: ConformanceVector[] = [];
  for (const name of [...names].sort()) {
    if (name.endsWith(LOG)) {
      const id = name.slice(0, -LOG.length);
      if (!files.has(id + EXPECTATION)) {
        problems.push({
          file: join(dir, name),
          problem: `has no expectation file ${id}${EXPECTATION} beside it`,
        });
        continue;
      }
      const file = join(dir, id + EXPECTATION);
      let text: string;
      try {
        text = readFileSync(file, 'utf8');
      } catch (error) {
        problems.push({
          file,
          problem: `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'unreadable'})`,
        });
        continue;
      }
      const parsed = parseVectorFile({ id, text });
      // An absolute path: the verifier may resolve paths from anywhere.
      if (parsed.ok) vectors.push({ ...parsed.vector, log: resolve(dir, name) });
      else problems.push({ file, problem: parsed.problem });
    } else if (name.endsWith(EXPECTATION) && !name.endsWith(SCHEMA)) {
      const id = name.slice(0, -EXPECTATION.length);
      if (!files.has(id + LOG))
        problems.push({ file: join(dir, name), problem: `has no log ${id}${LOG} beside it` });
    }
  }
  const [first] = problems;
  if (first !== undefined) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : '';
    throw new DevolveError({
      code: 'usage/bad-vector',
      message: `${first.file} ${first.problem}${more}`,
      hint: 'a vector is <id>.jsonl with <id>.json: {"id","description","rules":[…],"verdict":"ok"|"bad", and for bad "line","rule"; optional "args"}',
      details: { problems },
    });
  }
  if (vectors.length === 0) {
    throw new DevolveError({
      code: 'usage/no-vectors',
      message: `${dir} holds no vectors`,
      hint: 'a vector is a log <id>.jsonl with its expectation <id>.json',
    });
  }
  return vectors;
}
