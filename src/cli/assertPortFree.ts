import { createServer } from 'node:net';
import { DevolveError } from '../core/errors/DevolveError.js';
import { commandName } from './invocation.js';

/**
 * The error for a port another program holds: `server/port-in-use` (exit 1 — the command was
 * right, the machine is busy), with the way out for `serve` and for `npm start`.
 */
export function portInUseError(args: { port: number; host: string }): DevolveError {
  return new DevolveError({
    code: 'server/port-in-use',
    message: `port ${args.port} on ${args.host} is already in use (another devolve serve or demo, or another program)`,
    // `npm start` runs `devolve demo`, and passes options on only after `--`.
    hint: `choose another port: \`${commandName()} --port 4799\`${commandName() === 'devolve demo' ? ' (or `npm start -- --port 4799`)' : ''}; --port 0 takes any free one`,
    details: { port: args.port, host: args.host },
  });
}

/**
 * Fails with `server/port-in-use` when `host:port` cannot be listened on, by listening on it for
 * a moment: `serve` and `demo` ask before they open a store or print anything, so a busy port
 * costs the user one clear line rather than a screenful of work and then a crash. Port 0 (any
 * free port) is always free. Another program may still take the port between this check and the
 * real listen; that rarer case is reported the same way by the caller.
 *
 * @example
 * await assertPortFree({ port: 4747, host: '127.0.0.1' });
 */
export async function assertPortFree(args: { port: number; host: string }): Promise<void> {
  if (args.port === 0) return;
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') reject(portInUseError(args));
      // Anything else (an address that is not this machine's, no permission for a low port) is
      // left for the real listen to report in full.
      else resolve();
    });
    probe.listen({ port: args.port, host: args.host, exclusive: true }, () => probe.close(() => resolve()));
  });
}

/** `startServer`'s failure, with a busy port turned into `server/port-in-use`. */
export function explainListenFailure(error: unknown, args: { port: number; host: string }): unknown {
  return (error as NodeJS.ErrnoException | undefined)?.code === 'EADDRINUSE' ? portInUseError(args) : error;
}
