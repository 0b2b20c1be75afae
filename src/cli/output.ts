import { DevolveError } from '../core/errors/DevolveError.js';

/** Colours only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export interface Style {
  bold(text: string): string;
  dim(text: string): string;
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  cyan(text: string): string;
}

export function makeStyle(enabled: boolean): Style {
  const wrap = (open: number, close: number) => (text: string) =>
    enabled ? `\u001b[${open}m${text}\u001b[${close}m` : text;
  return {
    bold: wrap(1, 22),
    dim: wrap(2, 22),
    red: wrap(31, 39),
    yellow: wrap(33, 39),
    green: wrap(32, 39),
    cyan: wrap(36, 39),
  };
}

export function defaultStyle(): Style {
  return makeStyle(process.stdout.isTTY === true && process.env['NO_COLOR'] === undefined);
}

/** JSON with bigints as decimal strings, as everywhere in Devolve. */
export function toJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) => (typeof v === 'bigint' ? v.toString() : v), 2);
}

export function printJson(value: unknown): void {
  process.stdout.write(`${toJson(value)}\n`);
}

/** One readable line for a failure, with its hint. */
export function formatFailure(error: unknown): string {
  if (error instanceof DevolveError) {
    return `devolve: ${error.message}${error.hint === undefined ? '' : ` — ${error.hint}`}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `devolve: unexpected failure: ${message}`;
}

export function failureJson(error: unknown): unknown {
  if (error instanceof DevolveError) {
    return {
      error: {
        code: error.code,
        message: error.message,
        ...(error.hint === undefined ? {} : { hint: error.hint }),
        // Located problems (a charter's or evidence file's errors) travel with the error.
        ...(Object.keys(error.details).length === 0 ? {} : { details: error.details }),
      },
    };
  }
  return { error: { code: 'internal', message: error instanceof Error ? error.message : String(error) } };
}
