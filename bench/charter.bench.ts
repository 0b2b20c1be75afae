import { LineCounter, parse, parseDocument, stringify } from 'yaml';
import { loadCharter } from '../src/core/charter/loadCharter.js';
import { largeCharter } from '../test/support/largeCharter.js';
import { type Benchmark, medianMs } from './Benchmark.js';

/** `CHARTER_BENCH_UNITS` shortens a trial run; the goal is judged on the default. */
const UNITS = Number(process.env['CHARTER_BENCH_UNITS'] ?? 1_000);
/** Members, all in one role besides their teams: the size the reliability goal names. */
const MEMBERS = 10_000;
/** Alternating floor/work measurements; the ratio is their median. */
const PAIRS = 5;
/**
 * Loading a charter parses it, validates it against the schema, resolves every reference and
 * locates each issue; parsing the same text to plain data is the floor any loader pays. The goal
 * says the checking may cost at most twice the parse on top of it.
 */
const benchmark: Benchmark = {
  name: 'charter',
  description: `loadCharter on a ${UNITS.toLocaleString('en')}-unit, ${MEMBERS.toLocaleString('en')}-member charter vs YAML.parse of the same text`,
  async run(log) {
    const text = stringify(largeCharter({ units: UNITS, members: MEMBERS }));
    const load = loadCharter({ text, file: 'bench.yaml' });
    if (!load.ok) {
      const first = load.errors
        .slice(0, 5)
        .map((e) => `${e.line}:${e.column} ${e.code} ${e.message}`)
        .join('\n  ');
      throw new Error(`the generated charter does not load (${load.errors.length} errors):\n  ${first}`);
    }
    if (load.organization.units.length !== UNITS) throw new Error('the generated charter lost units');
    log(
      `${UNITS} units, ${text.split('\n').length.toLocaleString('en')} lines, ${(text.length / 1024).toFixed(0)} KiB, ${load.warnings.length} warnings`,
    );

    const parseOnly = () => parse(text);
    const loadOnly = () => loadCharter({ text, file: 'bench.yaml' });
    // yaml's own share of loading (a document with source positions, then plain data), to tell
    // what the parse costs from what checking costs.
    const documentOnly = () =>
      parseDocument(text, { lineCounter: new LineCounter(), merge: true, uniqueKeys: true }).toJS({
        maxAliasCount: 1_000,
      });
    // Floor and work are measured in alternating short runs and the ratio is the median of the
    // pairs, so a change in machine load during the run weighs on both sides of each pair alike.
    await medianMs(parseOnly, { rounds: 1, warmup: 2 });
    await medianMs(loadOnly, { rounds: 1, warmup: 2 });
    const pairs: { parseMs: number; loadMs: number; documentMs: number }[] = [];
    for (let i = 0; i < PAIRS; i++) {
      const parseMs = await medianMs(parseOnly, { rounds: 3, warmup: 0 });
      const loadMs = await medianMs(loadOnly, { rounds: 3, warmup: 0 });
      const documentMs = await medianMs(documentOnly, { rounds: 1, warmup: 0 });
      pairs.push({ parseMs, loadMs, documentMs });
    }
    const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
    const ratio = median(pairs.map((p) => p.loadMs / p.parseMs));
    const parseMs = median(pairs.map((p) => p.parseMs));
    const loadMs = median(pairs.map((p) => p.loadMs));
    const documentMs = median(pairs.map((p) => p.documentMs));
    log(`YAML.parse          ${parseMs.toFixed(1)} ms`);
    log(`parseDocument+toJS  ${documentMs.toFixed(1)} ms (yaml's part of loadCharter)`);
    log(`loadCharter         ${loadMs.toFixed(1)} ms (checking ≈ ${(loadMs - documentMs).toFixed(1)} ms)`);
    log(`load/parse per pair ${pairs.map((p) => (p.loadMs / p.parseMs).toFixed(2)).join(' ')}`);
    return {
      name: 'charter',
      ratio,
      goal: '<=3',
      figures: {
        units: UNITS,
        lines: text.split('\n').length,
        bytes: text.length,
        loadMs,
        parseMs,
        documentMs,
        pairs: PAIRS,
      },
    };
  },
};

export default benchmark;
