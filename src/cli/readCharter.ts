import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { type CharterLoad, loadCharter } from '../core/charter/loadCharter.js';
import { usageError } from './CliError.js';

export const DEFAULT_CHARTER = 'devolve.yaml';

/** Charters larger than this are refused before parsing: no real organization needs 20 MB of YAML. */
const MAX_CHARTER_BYTES = 20 * 1024 * 1024;

export interface CharterFile {
  /** The path as the user should see it (relative to the working directory when inside it). */
  readonly file: string;
  readonly text: string;
  readonly load: CharterLoad;
}

/**
 * Reads and loads a charter file. A missing or unreadable file is a usage error (exit 2); an
 * invalid charter is returned as a failed load for the command to report (exit 1).
 */
export async function readCharter(path: string | undefined, now?: number): Promise<CharterFile> {
  const target = path ?? DEFAULT_CHARTER;
  let buffer: Buffer;
  try {
    buffer = await readFile(target);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw usageError({
        code: 'charter-not-found',
        message: `no charter at ${target}`,
        // Commands pass the default name themselves, so it counts as no file given.
        hint:
          path === undefined || path === DEFAULT_CHARTER
            ? 'create one with `devolve init --template dao`, or pass the file: devolve check path/to/devolve.yaml'
            : 'check the path',
      });
    }
    if (code === 'EISDIR') {
      throw usageError({
        code: 'charter-is-directory',
        message: `${target} is a directory`,
        hint: `pass ${target}/devolve.yaml`,
      });
    }
    throw usageError({
      code: 'charter-unreadable',
      message: `cannot read ${target}: ${(cause as Error).message}`,
    });
  }
  if (buffer.length > MAX_CHARTER_BYTES) {
    throw usageError({
      code: 'charter-too-large',
      message: `${target} is larger than 20 MB`,
      hint: 'is this really a charter?',
    });
  }
  const text = buffer.toString('utf8');
  const shown = relative(process.cwd(), target).startsWith('..')
    ? target
    : relative(process.cwd(), target) || target;
  return { file: shown, text, load: loadCharter({ text, file: shown, now: now ?? Date.now() }) };
}
