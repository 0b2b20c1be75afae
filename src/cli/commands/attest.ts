import type { Command } from 'commander';
import { type ActOptions, act, withActOptions } from '../recordAction.js';

/**
 * `devolve attest <unit> <item> --evidence <url> [--note …] --as <member>`: signs that a unit's
 * checklist item holds (`attestation.record`), so readiness counts it as attested by that member —
 * not by whoever typed a name into an evidence file. `--withdraw` takes one's own back. Who may
 * attest which item is the charter's (`attesters:` on the item, else the unit's owners); the store
 * or server checks it.
 */
export function registerAttest(program: Command): void {
  withActOptions(
    program
      .command('attest')
      .description("sign that a unit's checklist item holds, with a link to the evidence")
      .argument('<unit>', 'the unit')
      .argument('<item>', "the checklist item's id")
      .option('--evidence <url>', 'a link to the evidence (https://…, ipfs://…, ar://…)')
      .option('--note <text>', 'what you checked')
      .option('--withdraw', 'withdraw your own attestation of the item instead'),
  ).action(
    async (
      unit: string,
      checklist: string,
      options: ActOptions & { evidence?: string; note?: string; withdraw?: boolean },
    ) => {
      if (options.withdraw === true) {
        await act({
          options,
          kind: 'attestation.withdraw',
          payload: { unit, checklist },
          done: `withdrew the attestation of ${checklist} for ${unit}`,
        });
        return;
      }
      await act({
        options,
        kind: 'attestation.record',
        payload: {
          unit,
          checklist,
          ...(options.evidence === undefined ? {} : { evidence: options.evidence }),
          ...(options.note === undefined ? {} : { note: options.note }),
        },
        done: `attested ${checklist} for ${unit}`,
      });
    },
  );
}
