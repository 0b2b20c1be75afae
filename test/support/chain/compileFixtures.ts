import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Abi, Hex } from 'viem';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));

/** A compiled contract, ready to deploy with viem. */
export interface Artifact {
  readonly abi: Abi;
  readonly bytecode: Hex;
}

export type FixtureName =
  | 'OwnedVault'
  | 'MiniMultisig'
  | 'TimelockController'
  | 'TransparentUpgradeableProxy'
  | 'ProxyAdmin';

/**
 * Compiles one file of `contracts/` and the OpenZeppelin contracts it imports with the `solc` npm
 * package (solc-js: no compiler download), reading imports from node_modules, and returns the
 * named contracts' artifacts.
 */
export function compileContracts<Name extends string>(args: {
  source: string;
  names: readonly Name[];
  optimize?: boolean;
}): Record<Name, Artifact> {
  const solc = require('solc') as {
    compile(input: string, options: { import(path: string): object }): string;
  };
  const { source } = args;
  const input = {
    language: 'Solidity',
    sources: { [source]: { content: readFileSync(join(here, 'contracts', source), 'utf8') } },
    settings: {
      evmVersion: 'cancun',
      optimizer: { enabled: args.optimize === true, runs: 200 },
      outputSelection: { '*': { '*': ['abi', 'evm.bytecode.object'] } },
    },
  };
  const output = JSON.parse(
    solc.compile(JSON.stringify(input), {
      import(path: string) {
        try {
          return { contents: readFileSync(require.resolve(path), 'utf8') };
        } catch {
          return { error: `not found: ${path}` };
        }
      },
    }),
  ) as {
    errors?: { severity: string; formattedMessage: string }[];
    contracts: Record<string, Record<string, { abi: Abi; evm: { bytecode: { object: string } } }>>;
  };
  const errors = (output.errors ?? []).filter((e) => e.severity === 'error');
  if (errors.length > 0) throw new Error(errors.map((e) => e.formattedMessage).join('\n'));
  const find = (name: Name): Artifact => {
    for (const contracts of Object.values(output.contracts)) {
      const found = contracts[name];
      if (found !== undefined) return { abi: found.abi, bytecode: `0x${found.evm.bytecode.object}` };
    }
    throw new Error(`no artifact ${name}`);
  };
  return Object.fromEntries(args.names.map((name) => [name, find(name)])) as Record<Name, Artifact>;
}

/** The control fixtures: `contracts/DevolveFixtures.sol` and what it imports. */
export function compileFixtures(): Record<FixtureName, Artifact> {
  return compileContracts({
    source: 'DevolveFixtures.sol',
    names: ['OwnedVault', 'MiniMultisig', 'TimelockController', 'TransparentUpgradeableProxy', 'ProxyAdmin'],
  });
}

/** An ERC20Votes token and an OpenZeppelin Governor: `contracts/GovernorFixtures.sol`. */
export function compileGovernorFixtures(): Record<'DevolveToken' | 'DevolveGovernor', Artifact> {
  return compileContracts({
    source: 'GovernorFixtures.sol',
    names: ['DevolveToken', 'DevolveGovernor'],
    optimize: true,
  });
}
