import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { DevolveError } from '../core/errors/DevolveError.js';
import type { LineTally } from '../core/evidence/LineTally.js';
import { progressBar } from './progressBar.js';

/**
 * Streams a readable line by line into a tally, numbering lines from 1 (a `\r\n` ending is
 * handled by readline). Memory stays bounded by what the tally keeps.
 */
export async function feedStream<R>(args: {
  input: Readable;
  tally: LineTally<R>;
  onBytes?: (bytes: number) => void;
}): Promise<ReturnType<LineTally<R>['finish']>> {
  const lines = createInterface({ input: args.input, crlfDelay: Number.POSITIVE_INFINITY });
  let n = 0;
  if (args.onBytes !== undefined) {
    const onBytes = args.onBytes;
    let bytes = 0;
    args.input.on('data', (chunk: Buffer | string) => {
      bytes += chunk.length;
      onBytes(bytes);
    });
  }
  for await (const text of lines) args.tally.line(text, ++n);
  return args.tally.finish();
}

/**
 * Streams a file into a tally with a progress bar on stderr (terminals only). A missing file is
 * `import/not-found`.
 *
 * @example
 * const { result, issues } = await feedFile({ path: 'holdings.csv', tally: tallyHoldings({ file, decimals: 18 }) });
 */
export async function feedFile<R>(args: {
  path: string;
  tally: LineTally<R>;
  label?: string;
}): Promise<ReturnType<LineTally<R>['finish']>> {
  let size: number;
  try {
    const info = await stat(args.path);
    if (!info.isFile()) throw new Error('not a regular file');
    size = info.size;
  } catch (cause) {
    throw new DevolveError({
      code: 'import/not-found',
      message: `cannot read ${args.path}: no such file`,
      details: { file: args.path },
      cause,
    });
  }
  const bar = progressBar({ label: args.label ?? basename(args.path), total: size });
  const input = createReadStream(args.path, { highWaterMark: 1 << 20 });
  const result = await feedStream({ input, tally: args.tally, onBytes: (bytes) => bar.update(bytes) });
  bar.finish();
  return result;
}
