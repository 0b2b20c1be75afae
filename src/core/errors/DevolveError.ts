import type { ErrorCode } from './ErrorCode.js';

/**
 * The one base error of Devolve. Every failure carries a stable machine-readable `code`, structured
 * `details`, and an optional `cause`; the message is rendered from that data, so callers match on
 * `code`, never on text. Adapters map codes to exit statuses and HTTP statuses in one place each.
 *
 * @example
 * throw new DevolveError({ code: 'usage/charter-not-found', message: `no charter at ${file}`, details: { file } });
 */
export class DevolveError extends Error {
  override readonly name = 'DevolveError';
  readonly code: ErrorCode;
  readonly details: Readonly<Record<string, unknown>>;
  readonly hint: string | undefined;

  constructor(args: {
    code: ErrorCode;
    message: string;
    details?: Record<string, unknown>;
    hint?: string;
    cause?: unknown;
  }) {
    super(args.message, args.cause === undefined ? undefined : { cause: args.cause });
    this.code = args.code;
    this.details = args.details ?? {};
    this.hint = args.hint;
  }
}
