import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { actionPayloadDocument } from '../src/core/actions/actionPayloadSchemas.js';
import { eventJsonSchema } from '../src/core/log/eventJsonSchema.js';
import { actionVectors } from './actionVectors.js';
import { attestationVectors } from './attestationVectors.js';
import { chainVectors, lineVectors, shapeVectors, type Vector, vectors } from './vectors.js';

export const CONFORMANCE_DIR = fileURLToPath(new URL('.', import.meta.url));

/** Every vector, in a fixed order: line bytes, shapes, the chain, then the rights of each kind. */
export function generateVectors(): readonly Vector[] {
  vectors.length = 0;
  lineVectors();
  shapeVectors();
  chainVectors();
  actionVectors();
  attestationVectors();
  const ids = new Set<string>();
  for (const vector of vectors) {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(vector.id) || ids.has(vector.id))
      throw new Error(`vector id '${vector.id}' is malformed or repeated`);
    ids.add(vector.id);
  }
  return [...vectors];
}

/** The files of the vectors and schemas, by path under `conformance/`: exactly what is committed. */
export function conformanceFiles(): Map<string, Buffer> {
  const files = new Map<string, Buffer>();
  for (const vector of generateVectors()) {
    const { content, ...meta } = vector;
    const expected = {
      id: meta.id,
      description: meta.description,
      rules: meta.rules,
      verdict: meta.verdict,
      ...(meta.verdict === 'bad' ? { line: meta.line, rule: meta.rule } : {}),
      ...(meta.args === undefined ? {} : { args: meta.args }),
    };
    files.set(`vectors/${vector.id}.jsonl`, content);
    files.set(`vectors/${vector.id}.json`, Buffer.from(`${JSON.stringify(expected, null, 2)}\n`));
  }
  const schema = (value: unknown) => Buffer.from(`${JSON.stringify(value, null, 2)}\n`);
  files.set('schema/log-event.schema.json', schema(eventJsonSchema()));
  files.set('schema/action-payload.schema.json', schema(actionPayloadDocument()));
  return files;
}

/** Writes the vectors and schemas afresh (`npm run conformance:generate`). */
function write(): void {
  const files = conformanceFiles();
  for (const folder of ['vectors', 'schema']) {
    const dir = join(CONFORMANCE_DIR, folder);
    mkdirSync(dir, { recursive: true });
    for (const name of readdirSync(dir)) rmSync(join(dir, name));
  }
  for (const [path, content] of files) writeFileSync(join(CONFORMANCE_DIR, path), content);
  console.log(`wrote ${files.size} files under conformance/`);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) write();
