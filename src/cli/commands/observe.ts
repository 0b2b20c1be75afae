import type { Command } from 'commander';
import { createPublicClient, http } from 'viem';
import { followControl } from '../../chain/followControl.js';
import { type Address, type ControlFact, controlPaths } from '../../core/observed/ControlFact.js';
import { observeUnit, type UnitObservation } from '../../core/observed/observeUnit.js';
import { didYouMean } from '../../core/text/didYouMean.js';
import { usageError } from '../CliError.js';
import { defaultStyle, printJson } from '../output.js';
import { readValidCharter } from '../readValidCharter.js';
import { recordEvidence, withRecordOptions } from '../recordEvidence.js';

/** Reads `--control unit=0xaddress` pairs against the charter's units. */
function parseBindings(
  pairs: readonly string[],
  units: readonly string[],
): { unit: string; address: string }[] {
  if (pairs.length === 0)
    throw usageError({
      code: 'missing-control',
      message: 'name at least one unit and the contract it controls with --control unit=0xaddress',
    });
  return pairs.map((pair) => {
    const at = pair.indexOf('=');
    const unit = pair.slice(0, at).trim();
    const address = pair.slice(at + 1).trim();
    if (at === -1 || unit === '' || !/^0x[0-9a-fA-F]{40}$/.test(address))
      throw usageError({
        code: 'invalid-control',
        message: `'${pair}' is not unit=0xaddress (40 hex digits)`,
      });
    if (!units.includes(unit)) {
      const suggestion = didYouMean({ input: unit, candidates: units });
      throw usageError({
        code: 'unknown-unit',
        message: `the charter has no unit '${unit}'`,
        ...(suggestion === undefined ? {} : { hint: `did you mean '${suggestion}'?` }),
      });
    }
    return { unit, address };
  });
}

function describeFact(fact: ControlFact): string {
  switch (fact.kind) {
    case 'multisig':
      return `multisig ${fact.address} (${fact.threshold} of ${fact.owners.length})`;
    case 'timelock':
      return `timelock ${fact.address} (${fact.minDelay / 86_400} days)`;
    default:
      return `${fact.kind} ${fact.address}`;
  }
}

function printObservation(o: UnitObservation): void {
  const style = defaultStyle();
  const ok = o.findings.length === 0;
  console.log(
    `${ok ? style.green('✓') : style.red('✗')} ${style.bold(o.unit)}: declared ${o.declared.id}, observed ${o.observed.id}`,
  );
  for (const path of controlPaths(o.control)) console.log(`    ${path.hops.map(describeFact).join(' → ')}`);
  for (const verdict of o.rules.filter((v) => v.ceiling !== undefined))
    console.log(`    rule ${verdict.rule}: ${verdict.reason}`);
  for (const r of o.requirements)
    console.log(`    level ${r.level} ${r.criterion.kind}: ${r.status} — ${r.reason}`);
}

/**
 * `devolve observe [charter] --rpc URL --control unit=0xaddress…`: reads who controls each
 * named contract on-chain, follows the chain of control to its keys, and prints declared beside
 * observed per unit with the findings. Exit status 1 when any unit declares more than its
 * evidence supports.
 */
export function registerObserve(program: Command): void {
  // Options declared like metrics.ts's, by design: each command file declares its own words.
  const observe = program
    .command('observe')
    .description('declared vs observed level per unit, from who controls its contracts on-chain')
    .argument('[file]', 'the charter', 'devolve.yaml')
    .option('--rpc <url>', 'an Ethereum JSON-RPC URL (default: $DEVOLVE_RPC_URL)')
    .option(
      '--control <unit=address>',
      'a unit and the contract that holds its power (repeat)',
      (v: string, p: string[] = []) => [...p, v],
    )
    .option('--from-block <n>', 'first block to read role events from', '0')
    .option('--json', 'print the result as JSON')
    .option('--power <name>', 'with --record: the power the control facts are recorded as', 'upgrade');
  withRecordOptions(observe).action(
    async (
      file: string,
      options: {
        rpc?: string;
        control?: string[];
        fromBlock: string;
        json?: boolean;
        record?: boolean;
        power: string;
        data?: string;
      },
    ) => {
      const json = options.json === true;
      const { organization } = await readValidCharter({ file, json });
      const rpc = options.rpc ?? process.env['DEVOLVE_RPC_URL'];
      if (rpc === undefined || !/^https?:\/\//.test(rpc))
        throw usageError({ code: 'missing-rpc', message: 'give an http(s) JSON-RPC URL with --rpc <url>' });
      if (!/^[0-9]+$/.test(options.fromBlock))
        throw usageError({
          code: 'invalid-block',
          message: `--from-block '${options.fromBlock}' is not a block number`,
        });
      const bindings = parseBindings(
        options.control ?? [],
        organization.units.map((u) => u.id),
      );
      const client = createPublicClient({ transport: http(rpc, { retryCount: 0 }) });
      const observations: UnitObservation[] = [];
      for (const { unit, address } of bindings) {
        const control = await followControl({ client, address, fromBlock: BigInt(options.fromBlock) });
        observations.push(observeUnit({ unit: organization.units.find((u) => u.id === unit)!, control }));
      }
      if (options.record === true) {
        const chain = await client.getChainId();
        const observedAt = Date.now();
        await recordEvidence({
          charter: file,
          data: options.data,
          json,
          entries: bindings.map(({ unit, address }, i) => ({
            entry: {
              kind: 'control',
              control: {
                unit,
                power: options.power,
                subject: address.toLowerCase() as Address,
                holder: observations[i]!.control,
                chain,
                observedAt,
                source: rpc,
              },
            },
            origin: { command: 'observe', from: rpc },
          })),
        });
      }
      const findings = observations.flatMap((o) => o.findings);
      if (json) printJson({ organization: organization.id, units: observations, findings });
      else {
        for (const o of observations) printObservation(o);
        console.log(
          findings.length === 0 ? 'no findings' : `${findings.length} finding(s): declared above evidence`,
        );
      }
      if (findings.length > 0) process.exitCode = 1;
    },
  );
}
