import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

interface JsonRpcServer {
  listen(): Promise<{ address: string; port: number }>;
  close(): Promise<void>;
}

/** A hardhat 2 network in this process, served over JSON-RPC on a free 127.0.0.1 port. */
export interface LocalChain {
  readonly url: string;
  /** The network's funded accounts, unlocked for `eth_sendTransaction`. */
  readonly accounts: readonly `0x${string}`[];
  close(): Promise<void>;
}

/**
 * Starts hardhat's in-process network (its defaults: chain id 31337, twenty funded accounts,
 * automine) behind hardhat's own JSON-RPC server on port 0, so the readers are tested through a
 * real RPC URL exactly as `devolve observe --rpc` uses one.
 */
export async function startLocalChain(): Promise<LocalChain> {
  const dir = mkdtempSync(join(tmpdir(), 'devolve-chain-'));
  const { resolveConfig } = require('hardhat/internal/core/config/config-resolution') as {
    resolveConfig(path: string, config: object): unknown;
  };
  const { createProvider } = require('hardhat/internal/core/providers/construction') as {
    createProvider(
      config: unknown,
      network: string,
    ): Promise<{ request(args: { method: string }): Promise<unknown> }>;
  };
  const { JsonRpcServer } = require('hardhat/internal/hardhat-network/jsonrpc/server') as {
    JsonRpcServer: new (config: { hostname: string; port: number; provider: unknown }) => JsonRpcServer;
  };
  // Hardhat resolves its paths from a config file's folder; an empty one in a temp folder will do.
  writeFileSync(join(dir, 'hardhat.config.js'), 'module.exports = {};\n');
  const config = resolveConfig(join(dir, 'hardhat.config.js'), {
    networks: { hardhat: { loggingEnabled: false } },
  });
  const provider = await createProvider(config, 'hardhat');
  const accounts = (await provider.request({ method: 'eth_accounts' })) as `0x${string}`[];
  const server = new JsonRpcServer({ hostname: '127.0.0.1', port: 0, provider });
  const { port } = await server.listen();
  return {
    url: `http://127.0.0.1:${port}`,
    accounts,
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
