import type { Command } from 'commander';
import { DEFAULT_HOST, DEFAULT_PORT, startServer } from '../../server/startServer.js';
import { assertPortFree, explainListenFailure } from '../assertPortFree.js';
import { DATA_OPTION, openStore } from '../openStore.js';
import { defaultStyle } from '../output.js';
import { parsePort } from '../parsePort.js';
import { untilStopped } from '../untilStopped.js';

/**
 * `devolve serve`: the HTTP API (OpenAPI document at /openapi.json) and the dashboard over the store, on
 * 127.0.0.1:4747 unless told otherwise — binding beyond loopback is a choice to make with
 * `--host`. Runs until SIGINT or SIGTERM, then closes the server and the store cleanly.
 */
export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the HTTP API and the dashboard over the store (127.0.0.1:4747 by default)')
    .option('--port <port>', `port to listen on (0: any free port)`, String(DEFAULT_PORT))
    .option('--host <host>', 'address to bind', DEFAULT_HOST)
    .option(...DATA_OPTION)
    .option('--json', 'print where it listens as one JSON line')
    .action(async (options: { port: string; host: string; data?: string; json?: boolean }) => {
      const port = parsePort(options.port);
      // Before the store is opened: a busy port is one clear line, not a failure after the work.
      await assertPortFree({ port, host: options.host });
      const { store, where } = await openStore({ data: options.data, mode: 'write' });
      let server: Awaited<ReturnType<typeof startServer>>;
      try {
        server = await startServer({ store, port, host: options.host });
      } catch (error) {
        await store.close();
        throw explainListenFailure(error, { port, host: options.host });
      }
      if (options.json) {
        console.log(JSON.stringify({ url: server.url, port: server.port, store: where }));
      } else {
        const style = defaultStyle();
        console.log(`Devolve API listening on ${style.bold(server.url)} ${style.dim(`(${where})`)}`);
        console.log(
          style.dim(`  Dashboard: ${server.url}/ · OpenAPI: ${server.url}/openapi.json · stop with Ctrl-C`),
        );
      }
      await untilStopped();
      await server.close();
      await store.close();
    });
}
