import { usageError } from './CliError.js';

/**
 * A `--port` value: 0 … 65535, where 0 asks for any free port; anything else is `usage/bad-port`.
 *
 * @example
 * parsePort('4799') // 4799
 */
export function parsePort(text: string): number {
  const port = /^\d{1,5}$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isInteger(port) || port > 65_535) {
    throw usageError({
      code: 'bad-port',
      message: `'${text}' is not a port`,
      hint: 'use 1–65535, or 0 for any free port',
    });
  }
  return port;
}
