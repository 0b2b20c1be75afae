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
 * Compiles `contracts/DevolveFixtures.sol` and the OpenZeppelin contracts it imports with the
 * `solc` npm package (solc-js: no compiler download), reading imports from node_modules.
 */
export function compileFixtures(): Record<FixtureName, Artifact> {
  const solc = require('solc') as {
    compile(input: string, options: { import(path: string): object }): string;
  };
  const source = 'DevolveFixtures.sol';
  const input = {
    language: 'Solidity',
    sources: { [source]: { content: readFileSync(join(here, 'contracts', source), 'utf8') } },
    settings: {
      evmVersion: 'cancun',
      optimizer: { enabled: false },
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
  const find = (name: FixtureName): Artifact => {
    for (const contracts of Object.values(output.contracts)) {
      const found = contracts[name];
      if (found !== undefined) return { abi: found.abi, bytecode: `0x${found.evm.bytecode.object}` };
    }
    throw new Error(`no artifact ${name}`);
  };
  return {
    OwnedVault: find('OwnedVault'),
    MiniMultisig: find('MiniMultisig'),
    TimelockController: find('TimelockController'),
    TransparentUpgradeableProxy: find('TransparentUpgradeableProxy'),
    ProxyAdmin: find('ProxyAdmin'),
  };
}
