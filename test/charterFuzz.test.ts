import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { type CharterIssue, type CharterLoad, loadCharter } from '../src/core/charter/loadCharter.js';
import {
  applyStructureMutation,
  applyTextMutation,
  type Json,
  serialization,
  serialize,
  structureMutation,
  textMutation,
} from './support/charterMutations.js';

/**
 * The loader's promise to charter authors: whatever they write, `devolve check` answers with
 * issues that point inside their file, never with a crash. This test takes the templates, breaks
 * them in many ways — as text, and as documents that parse but are wrong — and holds the loader
 * to that promise.
 *
 * Case counts: FUZZ_RUNS if set, else 2,000 under CI, else 300 so that `npm test` stays quick.
 * The count is the total over the three properties below.
 */
const RUNS = fuzzRuns();
/** A ceiling, not a speed check: generous enough for a loaded 2-core machine, scaled to the cases. */
const FUZZ_TIMEOUT_MS = Math.max(60_000, RUNS * 100);
const FILE = 'devolve.yaml';
const CODE = /^[a-z0-9-]+\/[a-z0-9-]+$/;

function fuzzRuns(): number {
  const explicit = process.env['FUZZ_RUNS'];
  if (explicit !== undefined && explicit !== '') {
    const runs = Number(explicit);
    if (!Number.isInteger(runs) || runs < 1)
      throw new Error(`FUZZ_RUNS must be a positive whole number, not '${explicit}'`);
    return runs;
  }
  const ci = process.env['CI'];
  return ci !== undefined && ci !== '' && ci !== '0' && ci !== 'false' ? 2_000 : 300;
}

const templatesDir = new URL('../templates/', import.meta.url);
// Every charter template present when the test runs: new templates join the fuzz without an edit
// here. Sample evidence files (`*.evidence.yaml`) sit beside them but are not charters.
const templates = readdirSync(templatesDir)
  .filter((file) => file.endsWith('.yaml') && !file.endsWith('.evidence.yaml'))
  .sort()
  .map((file) => ({ file, text: readFileSync(new URL(file, templatesDir), 'utf8') }));
// Structure mutations start from the parsed document; a template that does not parse (one being
// written) still serves the text mutations.
const documents = templates.flatMap((template) => {
  try {
    const value = parse(template.text) as Json;
    return typeof value === 'object' && value !== null ? [{ ...template, value }] : [];
  } catch {
    return [];
  }
});
const dao = templates.find((template) => template.file === 'dao.yaml');
if (dao === undefined || !documents.some((d) => d.file === 'dao.yaml')) {
  throw new Error('templates/dao.yaml is missing or does not parse');
}
const daoText = dao.text;

type Phase = 'ok' | 'syntax' | 'schema' | 'resolve';

const SCHEMA_CODES = new Set(
  [
    'wrong-type',
    'unknown-key',
    'missing-key',
    'bad-format',
    'too-short',
    'too-long',
    'out-of-range',
    'too-few',
    'too-many',
    'unknown-value',
    'unknown-variant',
    'bad-duration',
    'bad-instant',
    'bad-ratio',
    'invalid-value',
  ].map((code) => `charter/${code}`),
);

/**
 * Loads `text` and checks every promise the loader makes about its answer; throws a readable
 * error, with the offending part of the text, when one is broken. Returns how far loading got.
 */
function loadAndCheck(text: string): Phase {
  let load: CharterLoad;
  try {
    load = loadCharter({ text, file: FILE });
  } catch (thrown) {
    const detail = thrown instanceof Error ? (thrown.stack ?? thrown.message) : String(thrown);
    throw new Error(`loadCharter threw on this input:\n${excerpt(text)}\n--- thrown ---\n${detail}`);
  }
  const lines = text.split('\n');
  const errors = load.ok ? [] : load.errors;
  if (!load.ok && errors.length === 0) throw new Error(`a failed load reports no error:\n${excerpt(text)}`);
  const checkIssue = (issue: CharterIssue, severity: CharterIssue['severity']) => {
    const problem = issueProblem(issue, severity, lines);
    if (problem === undefined) return;
    throw new Error(
      `${problem.message}\nissue: ${JSON.stringify(issue)}\n--- input ---\n${excerpt(text, issue.line)}`,
    );
  };
  for (const error of errors) checkIssue(error, 'error');
  for (const warning of load.warnings) checkIssue(warning, 'warning');
  if (load.ok) return 'ok';
  if (errors.some((e) => e.code.startsWith('yaml/'))) return 'syntax';
  if (errors.some((e) => SCHEMA_CODES.has(e.code))) return 'schema';
  return 'resolve';
}

/**
 * What is wrong with an issue, or undefined. Lines and columns count from 1; a column may sit
 * just past the line's end (an error at the end of a line or of the file).
 */
function issueProblem(
  issue: CharterIssue,
  severity: CharterIssue['severity'],
  lines: readonly string[],
): { message: string; position: boolean } | undefined {
  const positions = [
    { what: 'the issue', ...issue },
    ...(issue.related ? [{ what: 'its related place', ...issue.related }] : []),
  ];
  for (const { what, line, column } of positions) {
    const text = Number.isInteger(line) && line >= 1 ? lines[line - 1] : undefined;
    if (text === undefined) {
      return {
        message: `${what} is on line ${line}, outside the file's ${lines.length} lines`,
        position: true,
      };
    }
    if (!Number.isInteger(column) || column < 1 || column > text.length + 1) {
      return {
        message: `${what} is at ${line}:${column}, outside line ${line} (${text.length} characters)`,
        position: true,
      };
    }
  }
  const problem = (message: string) => ({ message, position: false });
  if (!CODE.test(issue.code)) return problem(`code '${issue.code}' is not of the form area/name`);
  if (issue.message.trim() === '') return problem('the message is empty');
  if (issue.severity !== severity)
    return problem(`an issue listed as ${severity} has severity '${issue.severity}'`);
  if (issue.file !== FILE) return problem(`the issue names file '${issue.file}'`);
  return undefined;
}

/** A few lines around `line` (or the head of the text), numbered, for failure messages. */
function excerpt(text: string, line?: number): string {
  const lines = text.split('\n');
  const centre = line === undefined || !Number.isFinite(line) ? 1 : Math.min(Math.max(1, line), lines.length);
  const from = Math.max(1, centre - 6);
  const shown = lines
    .slice(from - 1, centre + 6)
    .map((l, i) => `${String(from + i).padStart(4)}| ${JSON.stringify(l).slice(1, -1)}`);
  return `(${text.length} characters, ${lines.length} lines)\n${shown.join('\n')}`;
}

/** Runs a property and returns how often each phase was reached, so each test can show it went deep. */
function fuzz<T>(
  arbitrary: fc.Arbitrary<T>,
  toText: (plan: T) => string,
  numRuns: number,
): Map<Phase, number> {
  const phases = new Map<Phase, number>();
  fc.assert(
    fc.property(arbitrary, (plan) => {
      const phase = loadAndCheck(toText(plan));
      phases.set(phase, (phases.get(phase) ?? 0) + 1);
    }),
    { numRuns },
  );
  return phases;
}

const templateIndex = fc.nat({ max: templates.length - 1 });
const documentIndex = fc.nat({ max: documents.length - 1 });

function mutateDocument(
  index: number,
  mutations: readonly Parameters<typeof applyStructureMutation>[1][],
): Json {
  let value: Json = structuredClone(documents[index]!.value);
  for (const mutation of mutations) value = applyStructureMutation(value, mutation);
  return value;
}

describe('loadCharter under fuzzing', () => {
  it.each(templates.map((t) => t.file))('starts from %s, which loads with no error or warning', (file) => {
    const text = templates.find((t) => t.file === file)!.text;
    expect(loadAndCheck(text)).toBe('ok');
    const load = loadCharter({ text, file: FILE });
    expect(load.ok ? [] : load.errors).toEqual([]);
    expect(load.warnings).toEqual([]);
    // Every template parses as a document, so the structure mutations below start from each one.
    expect(documents.map((d) => d.file)).toContain(file);
  });

  it(
    'answers text-level damage with issues inside the file',
    () => {
      const plan = fc.record({
        template: templateIndex,
        edits: fc.array(textMutation, { minLength: 1, maxLength: 6 }),
      });
      const phases = fuzz(
        plan,
        ({ template, edits }) => edits.reduce(applyTextMutation, templates[template]!.text),
        Math.ceil(RUNS * 0.4),
      );
      // Broken YAML must be common, and some damage must still parse and reach the schema.
      expect(phases.get('syntax')).toBeGreaterThan(0);
      expect(
        (phases.get('schema') ?? 0) + (phases.get('resolve') ?? 0) + (phases.get('ok') ?? 0),
      ).toBeGreaterThan(0);
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'answers documents that parse but are wrong with issues inside the file',
    () => {
      const plan = fc.record({
        document: documentIndex,
        // No mutation at all leaves only the writing style (flow, quoting, anchors, merge keys) to vary.
        mutations: fc.array(structureMutation, { maxLength: 4 }),
        serialization,
      });
      const phases = fuzz(
        plan,
        ({ document, mutations, serialization }) =>
          serialize(mutateDocument(document, mutations), serialization),
        Math.ceil(RUNS * 0.4),
      );
      // Most structure mutations keep the document's shape, so they must reach reference resolution;
      // restyled but unmutated templates must load.
      expect(phases.get('schema')).toBeGreaterThan(0);
      expect(phases.get('resolve')).toBeGreaterThan(0);
      expect(phases.get('ok')).toBeGreaterThan(0);
    },
    FUZZ_TIMEOUT_MS,
  );

  it(
    'answers wrong documents that were then damaged as text with issues inside the file',
    () => {
      const plan = fc.record({
        document: documentIndex,
        mutations: fc.array(structureMutation, { maxLength: 3 }),
        serialization,
        edits: fc.array(textMutation, { minLength: 1, maxLength: 3 }),
      });
      fuzz(
        plan,
        ({ document, mutations, serialization, edits }) =>
          edits.reduce(applyTextMutation, serialize(mutateDocument(document, mutations), serialization)),
        Math.ceil(RUNS * 0.2),
      );
    },
    FUZZ_TIMEOUT_MS,
  );
});

describe('the fuzz serializer', () => {
  // Found by the structure fuzz (seed -330716174): a value shared by two places is written once with
  // an anchor and then as an alias. When a merge key supplied the anchored copy's key, removing that
  // copy left the alias pointing at nothing, and writing the document threw instead of loading it.
  it('keeps a shared value that a merge key would supply, so its aliases still resolve', () => {
    const shared = { k: 1 };
    const root = { units: [{ x: { k: 1 } }, { x: shared }], other: shared };
    // Mappings in document order: root, units[0], units[0].x, units[1], units[1].x; merge the
    // first unit (the only earlier mapping of the same shape) into the second.
    const text = serialize(root, {
      format: 'yaml',
      indent: 2,
      collectionStyle: 'block',
      stringType: 'PLAIN',
      indentSeq: true,
      lineWidth: 0,
      merges: [[3, 0]],
    });
    expect(text).toContain('<<: *m0');
    expect(parse(text, { merge: true })).toEqual(root);
  });
});

describe('loadCharter on the same mistakes in every template', () => {
  /** The template's document with `change` made to a copy, written back as YAML. */
  const changed = (file: string, change: (units: Record<string, Json>[]) => void) => {
    const value = structuredClone(documents.find((d) => d.file === file)!.value) as {
      units: Record<string, Json>[];
    };
    change(value.units);
    return stringify(value);
  };

  it.each(templates.map((t) => t.file))(
    '%s: a misspelt key on a unit is reported on the key, with the correction',
    (file) => {
      const text = changed(file, (units) => {
        units[0]!['dependson'] = [];
      });
      expect(errorsOf(text)).toEqual([
        expect.objectContaining({
          code: 'charter/unknown-key',
          path: 'units[0].dependson',
          hint: "did you mean 'dependsOn'?",
          ...positionOf(text, 'dependson:'),
        }),
      ]);
    },
  );

  it.each(templates.map((t) => t.file))(
    '%s: a misspelt owner role is reported on the value, with the correction',
    (file) => {
      let role = '';
      const text = changed(file, (units) => {
        const owners = units[0]!['owners'] as string[];
        role = owners[0]!;
        owners[0] = `${role}x`;
      });
      expect(role).not.toBe('');
      const errors = errorsOf(text);
      expect(errors.length).toBeGreaterThanOrEqual(1);
      expect(errors[0]).toEqual(
        expect.objectContaining({
          path: 'units[0].owners[0]',
          hint: expect.stringContaining(`did you mean '${role}'?`),
          ...positionOf(text, `${role}x`),
        }),
      );
    },
  );
});

/** Line (1-based) and column (1-based) of the first occurrence of `needle` in `text`. */
function positionOf(text: string, needle: string): { line: number; column: number } {
  const offset = text.indexOf(needle);
  if (offset === -1) throw new Error(`'${needle}' not found`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before.at(-1)!.length + 1 };
}

/** `text` with `from` replaced by `to`, failing loudly if the template no longer has `from`. */
function edit(text: string, from: string, to: string): string {
  if (!text.includes(from)) throw new Error(`templates/dao.yaml no longer contains ${JSON.stringify(from)}`);
  return text.replace(from, to);
}

function errorsOf(text: string): readonly CharterIssue[] {
  expect(loadAndCheck(text)).not.toBe('ok');
  const load = loadCharter({ text, file: FILE });
  return load.ok ? [] : load.errors;
}

describe('loadCharter on known mistakes', () => {
  // risk-parameters (units[1]) depends on upgrades; misspelling another unit's id there is the
  // classic typo, and it must be reported on the value, with the correction.
  const riskDependency = '      - unit: upgrades\n';

  it('reports a misspelt dependency with a suggestion, on its line and column', () => {
    const text = edit(daoText, riskDependency, '      - unit: tresury\n');
    expect(errorsOf(text)).toEqual([
      expect.objectContaining({
        code: 'charter/unknown-unit',
        path: 'units[1].dependsOn[0].unit',
        hint: expect.stringContaining("did you mean 'treasury'?"),
        ...positionOf(text, 'tresury'),
      }),
    ]);
  });

  it('counts lines the same with Windows line endings and a byte-order mark', () => {
    const text = `\uFEFF${edit(daoText, riskDependency, '      - unit: tresury\n').replace(/\n/g, '\r\n')}`;
    const unix = edit(daoText, riskDependency, '      - unit: tresury\n');
    // The mark is not part of line 1's text as authors see it, so the column stays as in the plain file.
    expect(errorsOf(text)).toEqual([
      expect.objectContaining({ code: 'charter/unknown-unit', ...positionOf(unix, 'tresury') }),
    ]);
  });

  it('reports a misspelt key on the key itself', () => {
    const text = edit(
      daoText,
      '    dependsOn:\n      - unit: upgrades',
      '    dependson:\n      - unit: upgrades',
    );
    expect(errorsOf(text)).toEqual([
      expect.objectContaining({
        code: 'charter/unknown-key',
        path: 'units[1].dependson',
        hint: expect.stringContaining("did you mean 'dependsOn'?"),
        ...positionOf(text, 'dependson'),
      }),
    ]);
  });

  it('reports dependencies that no order of moves can satisfy', () => {
    // upgrades at delegated needs treasury at community; treasury at community needs
    // risk-parameters at community; risk-parameters at community needs upgrades at delegated.
    // Reaching upgrades@delegated thus needs itself.
    const text = edit(
      daoText,
      '    level: consultative\n    since: 2026-02-01\n',
      '    level: consultative\n    since: 2026-02-01\n    dependsOn:\n      - { unit: treasury, level: community, for: delegated }\n',
    );
    const errors = errorsOf(text);
    expect(errors.map((e) => e.code)).toContain('charter/dependency-cycle');
    const cycle = errors.find((e) => e.code === 'charter/dependency-cycle')!;
    expect(cycle.message).toContain('upgrades@delegated needs treasury@community');
  });

  it('reports a tab used as indentation at the tab', () => {
    const text = edit(daoText, '  - id: product\n', '\t- id: product\n');
    expect(errorsOf(text)[0]).toEqual(
      expect.objectContaining({ code: 'yaml/tab-as-indent', ...positionOf(text, '\t') }),
    );
  });

  it('reports a duration with months as a bad duration on its value', () => {
    const text = edit(daoText, '          - timeAtLevel: P90D\n', '          - timeAtLevel: P3M\n');
    expect(errorsOf(text)).toEqual([
      expect.objectContaining({ code: 'charter/bad-duration', ...positionOf(text, 'P3M') }),
    ]);
  });

  it('refuses an alias bomb instead of expanding it', () => {
    // Each line multiplies the previous by nine: 9^5 = 59,049 nodes from 46 aliases.
    const rows = ['a: &a [x, x, x, x, x, x, x, x, x]'];
    for (const [name, previous] of [
      ['b', 'a'],
      ['c', 'b'],
      ['d', 'c'],
      ['e', 'd'],
    ] as const) {
      rows.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(', ')}]`);
    }
    rows.push(`f: [${Array(9).fill('*e').join(', ')}]`);
    expect(errorsOf(rows.join('\n'))).toEqual([
      expect.objectContaining({ code: 'yaml/too-many-aliases', line: 1, column: 1 }),
    ]);
  });

  it('reports an empty file at its first position', () => {
    for (const text of ['', '\n\n', '# only a comment\n', '~\n']) {
      expect(errorsOf(text)).toEqual([expect.objectContaining({ code: 'yaml/empty', line: 1, column: 1 })]);
    }
  });

  it('reads the JSON form of a template as the same organization', () => {
    const json = JSON.stringify(parse(daoText), null, 2);
    const fromYaml = loadCharter({ text: daoText, file: FILE });
    const fromJson = loadCharter({ text: json, file: FILE });
    if (!fromYaml.ok || !fromJson.ok) throw new Error('dao.yaml, or its JSON form, did not load');
    expect(fromJson.organization).toEqual(fromYaml.organization);
  });
});

describe('loadCharter on inputs the fuzz found', () => {
  /** A small valid charter on a declared ladder whose first level is `levelId`. */
  const onLadder = (levelId: string) => `devolve: 1
organization: { id: acme, name: Acme, kind: company }
members: [{ id: ann, name: Ann }]
roles: [{ id: team, name: Team, members: [ann] }]
ladders:
  - id: simple
    name: Simple
    levels:
      - { id: ${levelId}, name: First, policy: { method: single-owner, deciders: [$owner] } }
      - { id: second, name: Second, policy: { method: single-owner, deciders: [$owner] } }
units:
  - id: site
    name: Web site
    dimension: product
    owners: [team]
    ladder: simple
    level: second
    readiness: { second: { timeAtLevel: P7D } }
`;

  it('loads a charter whose ladder has a level named like a property of every object', () => {
    // Lookups by level id once read Object.prototype.constructor (a function) from the unit's
    // `readiness:` mapping and resolved it as a criterion, which threw.
    expect(loadAndCheck(onLadder('first'))).toBe('ok');
    expect(loadAndCheck(onLadder('constructor'))).toBe('ok');
  });

  // The alias makes the criterion contain itself: refused at the alias, before any checking.
  it('refuses a criterion that contains itself through an alias', () => {
    const text = edit(
      daoText,
      '      delegated:\n        all:\n',
      '      delegated: &loop\n        all:\n          - not: *loop\n',
    );
    expect(loadAndCheck(text)).toBe('syntax');
    const load = loadCharter({ text, file: FILE });
    expect(load.ok ? [] : load.errors.map((e) => e.code)).toEqual(['yaml/recursive-alias']);
  });

  // After the stray space on line 1 the parser reads the block scalar's three lines as one token;
  // lines are counted from the text itself, so \`units\` is still found on line 6.
  it('locates syntax errors that follow a block scalar the parser skipped', () => {
    const text = ' devolve: 1\norganization: >-\n  one\n  two\n  three\nunits: []\n';
    expect(loadAndCheck(text)).toBe('syntax');
  });
});
