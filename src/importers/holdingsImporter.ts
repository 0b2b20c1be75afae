import { holdingsObservations } from '../core/evidence/loadEvidence.js';
import type { Importer } from './Importer.js';
import { parseDecimals, readHoldings } from './readHoldings.js';

/** `devolve import holdings f.csv`: balances per holder from a CSV of address/member and balance. */
export const holdingsImporter: Importer = {
  name: 'holdings',
  description: 'token holdings CSV (address or member, balance) summed per holder',
  source: 'the CSV file',
  options: [
    {
      flags: '--decimals <n>',
      description: "the token's decimals, for decimal balances",
      defaultValue: '18',
    },
  ],
  async run({ source, options }) {
    const decimals = parseDecimals(options['decimals'] as string | undefined);
    const { result, rows, issues } = await readHoldings({ path: source, decimals });
    let total = 0n;
    for (const amount of result.values()) total += amount;
    const observations = holdingsObservations({
      balances: [...result.values()],
      at: Date.now(),
      source: `holdings ${source}`,
    });
    return { rows, issues, summary: { holders: result.size, total, decimals }, observations };
  },
};
