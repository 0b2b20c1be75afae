import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { type CharterLoad, loadCharter } from '../core/charter/loadCharter.js';
import { usageError } from './CliError.js';
import { DEFAULT_CHARTER, findCharter } from './findCharter.js';
import { commandWithCharter } from './invocation.js';

/** Charters larger than this are refused before parsing: no real organization needs 20 MB of YAML. */
const MAX_CHARTER_BYTES = 20 * 1024 * 1024;

export interface CharterFile {
  /** The path as the user should see it (relative to the working directory when inside it). */
  readonly file: string;
  readonly text: string;
  readonly load: CharterLoad;
}

/** A path as the user should see it: relative to the working directory when that is shorter. */
export function shownPath(path: string): string {
  const near = relative(process.cwd(), path);
  return near === '' || near.length >= path.length ? path : near;
}

/**
 * The charter file a command was given, or — given none, or the default name — the nearest
 * `devolve.yaml` in the working directory or above it (see `findCharter`).
 */
export function locateCharter(path: string | undefined): string {
  if (path !== undefined && path !== DEFAULT_CHARTER) return path;
  const found = findCharter({ from: process.cwd() });
  if (found !== undefined) return shownPath(found);
  throw usageError({
    code: 'charter-not-found',
    message: `no ${DEFAULT_CHARTER} here or in any folder above`,
    hint: `create one with \`devolve init --template <name>\` (see \`devolve templates\`), or pass the file: ${commandWithCharter()}`,
  });
}

/**
 * Reads and loads a charter file (found as `locateCharter` finds it). A missing or unreadable
 * file is a usage error (exit 2); an invalid charter is returned as a failed load for the command
 * to report (exit 1).
 */
export async function readCharter(path: string | undefined, now?: number): Promise<CharterFile> {
  const target = locateCharter(path);
  let buffer: Buffer;
  try {
    buffer = await readFile(target);
  } catch (cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') {
      throw usageError({
        code: 'charter-not-found',
        message: `no charter at ${target}`,
        hint: 'check the path',
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
  const shown = shownPath(target);
  return { file: shown, text, load: loadCharter({ text, file: shown, now: now ?? Date.now() }) };
}
