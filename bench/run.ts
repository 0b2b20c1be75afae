import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Benchmark, meetsGoal } from './Benchmark.js';

/**
 * `npm run bench` runs every benchmark; `npm run bench -- charter verify` runs the named ones.
 * Each writes its figures to bench/out/<name>.json and prints `RESULT <name> ratio=<x> goal<=<y>`
 * as its last line.
 */
const here = dirname(fileURLToPath(import.meta.url));
const available = readdirSync(here)
  .filter((file) => file.endsWith('.bench.ts'))
  .map((file) => file.slice(0, -'.bench.ts'.length))
  .sort();
const requested = process.argv.slice(2);
const unknown = requested.filter((name) => !available.includes(name));
if (unknown.length > 0) {
  console.error(`bench: unknown benchmark '${unknown[0]}' (available: ${available.join(', ')})`);
  process.exit(2);
}
const outDir = join(here, 'out');
mkdirSync(outDir, { recursive: true });
let failed = false;
for (const name of requested.length > 0 ? requested : available) {
  const module = (await import(pathToFileURL(join(here, `${name}.bench.ts`)).href)) as { default: Benchmark };
  const benchmark = module.default;
  console.log(`# ${benchmark.name}: ${benchmark.description}`);
  const result = await benchmark.run((line) => console.log(`  ${line}`));
  writeFileSync(
    join(outDir, `${result.name}.json`),
    `${JSON.stringify({ ...result, meetsGoal: meetsGoal(result), at: new Date().toISOString(), node: process.version }, null, 2)}\n`,
  );
  const verdict = meetsGoal(result);
  if (verdict === false) failed = true;
  console.log(
    result.line ??
      `RESULT ${result.name} ratio=${result.ratio.toFixed(3)}${result.goal === undefined ? '' : ` goal${result.goal}`}`,
  );
}
process.exitCode = failed ? 1 : 0;
