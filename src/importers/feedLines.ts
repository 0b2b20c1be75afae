import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { Readable } from 'node:stream';
import { DevolveError } from '../core/errors/DevolveError.js';
import type { LineTally } from '../core/evidence/LineTally.js';
import { progressBar } from './progressBar.js';

const LF = 10;
const CR = 13;

/**
 * Cuts byte chunks into lines the way `readline` does — `\n`, `\r\n` and a lone `\r` each end a
 * line, a last line needs no break — numbering them from 1, and hands each to the tally: as bytes
 * to its fast path if it has one, else (or if that refuses) as UTF-8 text. A UTF-8 byte-order mark
 * at the very start is dropped. Only the unfinished last line is kept between chunks.
 */
function lineSplitter(tally: LineTally<unknown>): { push(chunk: Buffer): void; end(): void } {
  let carry: Buffer | undefined;
  let n = 0;
  let started = false;
  const emit = (bytes: Buffer, start: number, end: number) => {
    const stop = end > start && bytes[end - 1] === CR ? end - 1 : end;
    if (tally.bytes?.(bytes, start, stop, n + 1)) {
      n++;
      return;
    }
    const text = bytes.toString('utf8', start, stop);
    if (!text.includes('\r')) tally.line(text, ++n);
    else for (const part of text.split('\r')) tally.line(part, ++n);
  };
  /** Emits every finished line from `start` on; returns where the unfinished rest begins. */
  const emitLines = (bytes: Buffer, from: number): number => {
    let start = from;
    for (let lf = bytes.indexOf(LF, start); lf !== -1; lf = bytes.indexOf(LF, start)) {
      emit(bytes, start, lf);
      start = lf + 1;
    }
    return start;
  };
  return {
    push(chunk) {
      let bytes = chunk;
      let start = 0;
      if (!started) {
        bytes = carry === undefined ? chunk : Buffer.concat([carry, chunk]);
        carry = undefined;
        if (bytes.length < 3) {
          carry = bytes;
          return;
        }
        started = true;
        if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) start = 3;
      } else if (carry !== undefined) {
        // Only the carried line is joined with the chunk's first, not the whole chunk copied.
        const lf = chunk.indexOf(LF);
        const head = Buffer.concat([carry, lf === -1 ? chunk : chunk.subarray(0, lf)]);
        carry = undefined;
        if (lf === -1) {
          carry = head;
          return;
        }
        emit(head, 0, head.length);
        start = lf + 1;
      }
      start = emitLines(bytes, start);
      // Copied, so the chunk it came from is not kept alive.
      if (start < bytes.length) carry = Buffer.from(bytes.subarray(start));
    },
    end() {
      if (carry === undefined) return;
      const rest = carry;
      carry = undefined;
      const start = !started && rest[0] === 0xef && rest[1] === 0xbb && rest[2] === 0xbf ? 3 : 0;
      if (start < rest.length) emit(rest, start, rest.length);
    },
  };
}

/**
 * Streams a readable line by line into a tally (`lineSplitter`). Memory stays bounded by what
 * the tally keeps and the longest line.
 */
export async function feedStream<R>(args: {
  input: Readable;
  tally: LineTally<R>;
  onBytes?: (bytes: number) => void;
}): Promise<ReturnType<LineTally<R>['finish']>> {
  const lines = lineSplitter(args.tally);
  let bytes = 0;
  for await (const chunk of args.input as AsyncIterable<Buffer | string>) {
    const data = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    bytes += data.length;
    lines.push(data);
    args.onBytes?.(bytes);
  }
  lines.end();
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
