import { isUtf8 } from 'node:buffer';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { DevolveError } from '../core/errors/DevolveError.js';
import type { LogLine } from '../core/log/verifyLog.js';

/** One event carries at most one charter; no real charter comes near this. */
const DEFAULT_MAX_LINE_BYTES = 64 * 1024 * 1024;
const NEWLINE = 0x0a;

/**
 * Reads an exported log (JSON Lines) as a stream of lines for `verifyLog`, holding one line at a
 * time, so a log of any length verifies in little memory. Lines end at `\n` and only there (a
 * `\r` is part of the line, and so makes it non-canonical), each line must be valid UTF-8, and
 * the last line must end with `\n` too: the file is exactly the concatenation of
 * `canonicalJson(event) + '\n'`, so any changed, added or removed byte shows up in some line.
 * Bytes that cannot be a line are yielded as `{ unreadable }` at the line they spoil.
 *
 * A missing or unreadable file throws `log/not-found` or `log/unreadable` before any line.
 *
 * @example
 * const result = await verifyLog({ lines: readLogFile({ file: 'log.jsonl' }), crypto });
 */
export async function* readLogFile(args: { file: string; maxLineBytes?: number }): AsyncGenerator<LogLine> {
  const { file } = args;
  const maxLineBytes = args.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  await checkReadable(file);
  const stream = createReadStream(file, { highWaterMark: 1024 * 1024 });
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      let start = 0;
      for (let end = chunk.indexOf(NEWLINE, start); end !== -1; end = chunk.indexOf(NEWLINE, start)) {
        const piece = chunk.subarray(start, end);
        start = end + 1;
        if (pendingBytes + piece.length > maxLineBytes) {
          yield tooLong(maxLineBytes);
          return;
        }
        const bytes = pending.length === 0 ? piece : Buffer.concat([...pending, piece]);
        pending = [];
        pendingBytes = 0;
        const line = decode(bytes);
        yield line;
        if (typeof line !== 'string') return;
      }
      if (start < chunk.length) {
        pendingBytes += chunk.length - start;
        if (pendingBytes > maxLineBytes) {
          yield tooLong(maxLineBytes);
          return;
        }
        // Copy: the stream may reuse its buffers.
        pending.push(Buffer.from(chunk.subarray(start)));
      }
    }
    if (pendingBytes > 0) {
      yield {
        unreadable: {
          code: 'log/unterminated',
          reason: 'the last line does not end with a newline: the file was cut short or bytes were added',
        },
      };
    }
  } catch (cause) {
    throw new DevolveError({
      code: 'log/unreadable',
      message: `cannot read ${file}: ${(cause as Error).message}`,
      details: { file },
      cause,
    });
  } finally {
    stream.destroy();
  }
}

function decode(bytes: Buffer): LogLine {
  if (!isUtf8(bytes)) {
    return {
      unreadable: { code: 'log/not-utf8', reason: 'the line is not valid UTF-8: bytes were changed' },
    };
  }
  return bytes.toString('utf8');
}

function tooLong(maxLineBytes: number): LogLine {
  return {
    unreadable: {
      code: 'log/line-too-long',
      reason: `the line is longer than ${maxLineBytes} bytes; no event is that large`,
    },
  };
}

async function checkReadable(file: string): Promise<void> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) {
      throw new DevolveError({
        code: 'log/unreadable',
        message: `${file} is a directory, not a log file`,
        details: { file },
        hint: 'pass the file written by `devolve export --out <file>`',
      });
    }
  } catch (cause) {
    if (cause instanceof DevolveError) throw cause;
    const code = (cause as NodeJS.ErrnoException).code;
    throw new DevolveError({
      code: code === 'ENOENT' ? 'log/not-found' : 'log/unreadable',
      message: code === 'ENOENT' ? `no log at ${file}` : `cannot read ${file}: ${(cause as Error).message}`,
      details: { file },
      ...(code === 'ENOENT' ? { hint: 'write one with `devolve export --out <file>`' } : {}),
      cause,
    });
  }
}
