import { randomBytes } from 'node:crypto';
import { constants, type Stats } from 'node:fs';
import { type FileHandle, link, lstat, open, realpath, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { DevolveError } from '../core/errors/DevolveError.js';
import type { ProblemIn } from '../core/errors/ErrorCode.js';
import { errorOfFamily } from '../core/errors/errorOfFamily.js';

/** Text to write: whole, or in pieces (an export streams its log line by line). */
export type FileContent = string | Iterable<string> | AsyncIterable<string>;

export interface WrittenFile {
  /** `replaced`/`created`: a regular file, written atomically; `direct`: a device or pipe, written through. */
  readonly how: 'created' | 'replaced' | 'direct';
  readonly bytes: number;
}

/** Pieces are gathered up to this size before each write. */
const CHUNK_BYTES = 1 << 20;
const checksPermissions = process.platform !== 'win32';

const outputFailure = errorOfFamily('output');

function outputError(
  code: ProblemIn<'output'>,
  message: string,
  file: string,
  hint?: string,
  cause?: unknown,
) {
  return outputFailure(code, message, { details: { file }, hint, cause });
}

function unwritable(file: string, error: unknown, hint?: string): DevolveError {
  return outputError('unwritable', `cannot write ${file}: ${(error as Error).message}`, file, hint, error);
}

function errno(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

async function lstatOrNone(file: string): Promise<Stats | undefined> {
  try {
    return await lstat(file);
  } catch (error) {
    if (errno(error) === 'ENOENT') return undefined;
    throw unwritable(file, error);
  }
}

/** Writes every piece of `content` to `handle`; the number of bytes written. */
async function writeAll(handle: FileHandle, content: FileContent): Promise<number> {
  if (typeof content === 'string') {
    await handle.write(content);
    return Buffer.byteLength(content);
  }
  let bytes = 0;
  let buffer = '';
  for await (const piece of content) {
    buffer += piece;
    if (buffer.length >= CHUNK_BYTES) {
      await handle.write(buffer);
      bytes += Buffer.byteLength(buffer);
      buffer = '';
    }
  }
  await handle.write(buffer);
  return bytes + Buffer.byteLength(buffer);
}

/** Makes a rename durable; a platform that cannot open a directory loses nothing already flushed. */
async function syncDirectory(directory: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(directory, constants.O_RDONLY);
    await handle.sync();
  } catch {
    // Best effort: the file's data was flushed before the rename.
  } finally {
    await handle?.close();
  }
}

/**
 * The one way a command writes a file the user named (`export --out`, `report --out`, `init`,
 * the key file), so that writing never destroys what was there:
 *
 * - a **regular file** (or a new one) is written atomically: a temporary file beside it, flushed
 *   to disk, renamed over it, and the directory flushed — a crash leaves the old file or the new,
 *   never half of one. A replaced file keeps its permissions unless `mode` is given;
 * - a **character device or FIFO** (`/dev/null`, `/dev/stdout`, a named pipe) is written
 *   directly — renaming over it would replace the device itself with a regular file;
 * - a **symbolic link** is followed only to a device or FIFO (so `/dev/stdout` works); a link to a
 *   regular file, or to nothing, is refused (`output/symlink`) naming where it points: Devolve
 *   does not replace files through links, which in a shared directory could point anywhere;
 * - a directory, block device or socket is refused, and so is anything but a regular file when
 *   `regularOnly` (the key file).
 *
 * `exclusive` refuses an existing file (`output/exists`), decided atomically by link(2).
 *
 * @example
 * await writeFileSafely({ file: 'log.jsonl', content: lines });
 */
export async function writeFileSafely(args: {
  file: string;
  content: FileContent;
  /** Permissions of the file written (default: the replaced file's, else 0644 less the umask). */
  mode?: number;
  exclusive?: boolean;
  regularOnly?: boolean;
}): Promise<WrittenFile> {
  const { file } = args;
  const found = await lstatOrNone(file);
  if (found !== undefined) {
    if (args.exclusive) throw outputError('exists', `${file} already exists`, file);
    let target = found;
    if (found.isSymbolicLink()) {
      const points = await realpath(file).catch(() => undefined);
      const resolved = points === undefined ? undefined : await stat(points).catch(() => undefined);
      if (points === undefined || resolved === undefined || resolved.isFile() || args.regularOnly) {
        throw outputError(
          'symlink',
          `${file} is a symbolic link${points === undefined ? ' to nothing' : ` to ${points}`}; Devolve does not replace files through links`,
          file,
          points === undefined ? 'remove the link, or name another file' : `name the file itself: ${points}`,
        );
      }
      target = resolved;
    }
    if (target.isDirectory()) {
      throw outputError('is-directory', `${file} is a directory`, file, 'name a file inside it');
    }
    if (!target.isFile()) {
      if (args.regularOnly || !(target.isCharacterDevice() || target.isFIFO())) {
        throw outputError(
          'unsupported-type',
          `${file} is not a regular file${args.regularOnly ? '' : ', a character device or a named pipe'}`,
          file,
          'name a regular file',
        );
      }
      return { how: 'direct', bytes: await writeDirectly(file, args.content) };
    }
  }
  return writeAtomically({
    file,
    content: args.content,
    mode: args.mode ?? (found === undefined ? 0o644 : found.mode & 0o777),
    exclusive: args.exclusive === true,
    replacing: found !== undefined,
  });
}

async function writeDirectly(file: string, content: FileContent): Promise<number> {
  // No O_CREAT, no O_TRUNC: a device or pipe is written to, never made or cut.
  const handle = await open(file, constants.O_WRONLY).catch((error: unknown) => {
    throw unwritable(file, error);
  });
  try {
    return await writeAll(handle, content);
  } finally {
    await handle.close();
  }
}

async function writeAtomically(args: {
  file: string;
  content: FileContent;
  mode: number;
  exclusive: boolean;
  replacing: boolean;
}): Promise<WrittenFile> {
  const { file } = args;
  const directory = dirname(file);
  const temporary = join(directory, `.${basename(file)}.${randomBytes(6).toString('hex')}.tmp`);
  let handle: FileHandle;
  try {
    handle = await open(temporary, 'wx', args.mode);
  } catch (error) {
    throw unwritable(
      file,
      error,
      errno(error) === 'ENOENT' ? `create the directory ${directory} first` : undefined,
    );
  }
  let bytes: number;
  try {
    try {
      if (checksPermissions) await handle.chmod(args.mode);
      bytes = await writeAll(handle, args.content);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (args.exclusive) {
      await link(temporary, file).catch((error: unknown) => {
        if (errno(error) === 'EEXIST') throw outputError('exists', `${file} already exists`, file);
        throw error;
      });
      await rm(temporary, { force: true });
    } else {
      // Whatever was swapped in meanwhile is not replaced unless it is a regular file too.
      const now = await lstatOrNone(file);
      if (now !== undefined && !now.isFile()) {
        throw outputError(
          'unsupported-type',
          `${file} changed into something that is not a regular file`,
          file,
        );
      }
      await rename(temporary, file);
    }
  } catch (error) {
    await rm(temporary, { force: true });
    if (error instanceof DevolveError) throw error;
    throw unwritable(file, error);
  }
  await syncDirectory(directory);
  return { how: args.replacing ? 'replaced' : 'created', bytes };
}
