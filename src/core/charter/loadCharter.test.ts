// One file (over 450 lines): loadCharter's tests beside their subject — YAML structure, located
// positions, templates — all on the shared charter text of test/support/charterText.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { BASE_CHARTER, editCharter, positionOf, withUnits } from '../../../test/support/charterText.js';
import type { LocatedCase } from '../../../test/support/locatedIssues.js';
import { type CharterIssue, type CharterLoad, loadCharter } from './loadCharter.js';

const FILE = 'devolve.yaml';
const edit = editCharter;

const load = (text: string): CharterLoad => loadCharter({ text, file: FILE });

function errorsOf(text: string): readonly CharterIssue[] {
  const result = load(text);
  return result.ok ? [] : result.errors;
}

/** Line and column of the end of `text`: where the parser stops when something is never closed. */
function endOf(text: string): { line: number; column: number } {
  const lines = text.split('\n');
  return { line: lines.length, column: lines[lines.length - 1]!.length + 1 };
}

// The cases in this file each state one whole located issue, written out by design: the tool
// that finds duplicates pairs their shape (and loadEvidence.test.ts's), but each expectation is
// the message a user sees, and a helper building it would hide exactly what is checked.
describe('YAML syntax errors', () => {
  it('reports a line indented less than its siblings (yaml/bad-indent), at its first character', () => {
    const text = 'devolve: 1\norganization:\n    id: acme\n  name: Acme\n';
    expect(errorsOf(text)).toEqual([
      {
        file: FILE,
        ...positionOf(text, 'name: Acme'),
        severity: 'error',
        code: 'yaml/bad-indent',
        message: 'All mapping items must start at the same column',
        hint: 'indent nested entries consistently with spaces (two is usual)',
        path: '',
      },
    ]);
  });

  it('reports a line indented more than its siblings at the value it runs into, with a hint', () => {
    // '   name' is read as a continuation of the value 'acme' above it.
    const text = 'devolve: 1\norganization:\n  id: acme\n   name: Acme\n';
    const errors = errorsOf(text);
    expect(errors[0]).toMatchObject({ code: 'yaml/block-as-implicit-key', ...positionOf(text, 'acme') });
    for (const error of errors) expect(error.hint).toContain('check the indentation');
  });

  it('reports one dedented line in a real charter once, without the errors that follow from it', () => {
    // templates/dao.yaml with the first unit's `owners:` two spaces short: every later line of
    // the unit, and the next unit, are read against the broken mapping — a dozen errors, one of
    // them a duplicate key that is not there. Only the cause is reported.
    const dao = readFileSync(new URL('../../../templates/dao.yaml', import.meta.url), 'utf8');
    const text = dao.replace('\n    owners: [founders]\n', '\n  owners: [founders]\n');
    expect(text).not.toBe(dao);
    expect(errorsOf(text)).toEqual([
      {
        file: FILE,
        ...positionOf(text, 'owners: [founders]'),
        severity: 'error',
        code: 'yaml/bad-indent',
        message: 'All mapping items must start at the same column',
        hint: 'indent nested entries consistently with spaces (two is usual)',
        path: '',
      },
    ]);
  });

  it('still reports a mistake in another top-level section beside the first', () => {
    const text =
      'devolve: 1\norganization:\n    id: acme\n  name: Acme\n  kind: web3\nmembers:\n  - id: ann\n   name: Ann\n';
    expect(errorsOf(text).map((e) => [e.line, e.code])).toEqual([
      [4, 'yaml/bad-indent'],
      // '   name' is less indented than 'id' above it, in the members section.
      [8, 'yaml/missing-char'],
    ]);
  });

  it('reports a key written twice in one mapping, at the second (yaml/duplicate-key)', () => {
    const text = 'devolve: 1\norganization:\n  id: acme\n  id: other\n';
    expect(errorsOf(text)).toEqual([
      expect.objectContaining({
        ...positionOf(text, 'id: other'),
        code: 'yaml/duplicate-key',
        hint: 'each key may appear once in a mapping; merge the two entries',
      }),
    ]);
  });

  it('reports a unit key written twice deep in a real charter', () => {
    const text = edit('    level: founder\n', '    level: founder\n    owners: [core-team]\n');
    expect(errorsOf(text)).toEqual([
      expect.objectContaining({ ...positionOf(text, 'owners: [core-team]'), code: 'yaml/duplicate-key' }),
    ]);
  });

  it('reports indentation with a tab (yaml/tab-as-indent)', () => {
    const text = 'devolve: 1\norganization:\n\tid: acme\n';
    expect(errorsOf(text)).toEqual([
      expect.objectContaining({
        ...positionOf(text, '\t'),
        code: 'yaml/tab-as-indent',
        message: 'Tabs are not allowed as indentation',
        hint: 'indent with spaces, not tabs',
      }),
    ]);
  });

  it.each([
    ['double', 'devolve: 1\norganization:\n  name: "Acme\n  id: acme\n', 'Missing closing "quote'],
    ['single', "devolve: 1\norganization:\n  name: 'Acme\n  id: acme\n", "Missing closing 'quote"],
  ])('reports an unclosed %s quote (yaml/missing-char) where the file ends', (_kind, text, message) => {
    // The parser reads to the end of the file looking for the closing quote, and reports it there.
    expect(errorsOf(text)).toEqual([
      expect.objectContaining({
        ...endOf(text),
        code: 'yaml/missing-char',
        message,
        hint: 'a closing quote or bracket, or a comma between items, is missing',
      }),
    ]);
  });

  it('reports an unclosed bracket', () => {
    const text = 'devolve: 1\nmembers: [ann, bob\nroles: []\n';
    expect(errorsOf(text)).toEqual([
      expect.objectContaining({ ...positionOf(text, 'roles'), code: 'yaml/bad-indent' }),
    ]);
  });

  it('reports a key with no space after its colon (yaml/multiline-implicit-key), with a hint', () => {
    const text = 'devolve: 1\norganization:\n  name:Acme\n  id: acme\n';
    expect(errorsOf(text)).toEqual([
      expect.objectContaining({
        ...positionOf(text, 'name:Acme'),
        code: 'yaml/multiline-implicit-key',
        hint: 'put a space after the colon, or check the indentation of the line below',
      }),
    ]);
  });

  it('reports a second document (yaml/multiple-docs) at its separator', () => {
    const text = `${BASE_CHARTER}---\n${BASE_CHARTER}`;
    expect(errorsOf(text)).toEqual([
      expect.objectContaining({
        ...positionOf(text, '---'),
        code: 'yaml/multiple-docs',
        hint: 'a charter is one YAML document: remove the extra ---',
      }),
    ]);
  });

  it('refuses aliases that would blow the document up (yaml/too-many-aliases)', () => {
    // Each level multiplies by ten: 10⁴ references to *a in d.
    const text = [
      'a: &a [x, x, x, x, x, x, x, x, x, x]',
      'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]',
      'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]',
      'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]',
      '',
    ].join('\n');
    expect(errorsOf(text)).toEqual([
      expect.objectContaining({ line: 1, column: 1, code: 'yaml/too-many-aliases' }),
    ]);
  });

  it('stops at syntax errors: no schema or reference errors are reported beside them', () => {
    const text = edit(
      'owners: [founders]',
      'owners: [foundrs]',
      edit('devolve: 1\n', 'devolve: 1\nkind: "open\n'),
    );
    expect(errorsOf(text).map((e) => e.code)).toEqual(['yaml/missing-char']);
  });

  it('passes YAML warnings on without failing the charter', () => {
    const text = edit('name: Acme\n', 'name: !fancy Acme\n');
    const result = load(text);
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([
      expect.objectContaining({
        ...positionOf(text, '!fancy'),
        severity: 'warning',
        code: 'yaml/tag-resolve-failed',
      }),
    ]);
  });
});

describe('empty files', () => {
  it.each([
    ['nothing', ''],
    ['blank lines', '\n\n   \n'],
    ['only comments', '# a charter, one day\n# not yet\n'],
    ['an explicit null', 'null\n'],
  ])('reports a file of %s as empty (yaml/empty) at 1:1, pointing at init', (_what, text) => {
    expect(errorsOf(text)).toEqual([
      {
        file: FILE,
        line: 1,
        column: 1,
        severity: 'error',
        code: 'yaml/empty',
        message: 'devolve.yaml is empty',
        hint: 'start from a template: devolve init --template dao',
        path: '',
      },
    ]);
  });

  it.each([
    ['a word', 'hello\n', "expected a mapping (charter), found the text 'hello'"],
    ['a list', '- a\n- b\n', 'expected a mapping (charter), found a list'],
  ])('reports a document that is %s instead of a mapping', (_what, text, message) => {
    expect(errorsOf(text)).toEqual([
      expect.objectContaining({ line: 1, column: 1, code: 'charter/wrong-type', message }),
    ]);
  });
});

describe('JSON charters', () => {
  const json = JSON.stringify(parse(BASE_CHARTER), null, 2);

  it('loads a charter written as JSON, to the same organization as the YAML', () => {
    const fromJson = load(json);
    const fromYaml = load(BASE_CHARTER);
    if (!fromJson.ok || !fromYaml.ok) throw new Error('both should load');
    expect(fromJson.organization).toEqual(fromYaml.organization);
  });

  it('locates errors inside the JSON text', () => {
    const text = edit('[\n        "founders"', '[\n        "foundrs"', json);
    expect(errorsOf(text)).toEqual([
      expect.objectContaining({
        ...positionOf(text, '"foundrs"'),
        code: 'charter/unknown-role',
        path: 'units[0].owners[0]',
        hint: "did you mean 'founders'?",
      }),
    ]);
  });

  it('reports a missing comma in JSON with a hint that names it', () => {
    const text = edit('"name": "Acme",', '"name": "Acme"', json);
    expect(errorsOf(text)).toEqual([
      expect.objectContaining({
        ...positionOf(text, '"kind"'),
        code: 'yaml/missing-char',
        message: 'Missing , between flow map items',
        hint: expect.stringContaining('a comma between items'),
      }),
    ]);
  });

  it('reports JSON cut off before its closing brace', () => {
    const text = json.slice(0, -1);
    const errors = errorsOf(text);
    expect(errors.map((e) => e.code)).toEqual(['yaml/missing-char']);
    expect(errors[0]?.line).toBe(text.split('\n').length);
  });
});

describe('schema errors', () => {
  /** Schema errors always say their message and the path of the value. */
  type Case = LocatedCase & { readonly message: string; readonly path: string };

  const tooManyLevels = Array.from(
    { length: 21 },
    (_, i) => `      - { id: l${i}, name: L${i}, policy: { method: single-owner, deciders: [$owner] } }`,
  ).join('\n');

  const cases: Case[] = [
    {
      title: 'a value of the wrong type (charter/wrong-type)',
      text: edit('kind: web3', 'kind: [web3]'),
      code: 'charter/wrong-type',
      at: '[web3]',
      message: "expected one of 'web3', 'company', 'hybrid', found a list",
      path: 'organization.kind',
    },
    {
      title: 'an empty name (charter/too-short)',
      text: edit('name: Acme', 'name: ""'),
      code: 'charter/too-short',
      at: '""',
      message: 'must not be empty',
      path: 'organization.name',
    },
    {
      title: 'an id longer than 64 characters (charter/too-long)',
      text: edit('id: acme', `id: a${'b'.repeat(64)}`),
      code: 'charter/too-long',
      at: 'abbb',
      message: 'must be at most 64 characters',
      path: 'organization.id',
    },
    {
      title: 'an id in the wrong form (charter/bad-format)',
      text: edit('id: core-team', 'id: Core_Team'),
      code: 'charter/bad-format',
      at: 'Core_Team',
      message: "'Core_Team' is not in the expected form",
      hint: 'use lower-case letters, digits and dashes, starting with a letter, e.g. core-team',
      path: 'roles[1].id',
    },
    {
      title: 'a misspelt enum value (charter/unknown-value)',
      text: edit('kind: web3', 'kind: wbe3'),
      code: 'charter/unknown-value',
      at: 'wbe3',
      message: "unknown organization kind 'wbe3'",
      hint: "did you mean 'web3'?",
      path: 'organization.kind',
    },
    {
      title: 'an unsupported format version (charter/out-of-range)',
      text: edit('devolve: 1', 'devolve: 2'),
      code: 'charter/out-of-range',
      at: '2',
      message: '2 is out of range: must be between 1 and 1',
      path: 'devolve',
    },
    {
      title: 'an empty member list (charter/too-few)',
      text: edit(
        'members:\n  - { id: ann, name: Ann }\n  - { id: bob, name: Bob }\n  - { id: cy, name: Cy }\n',
        'members: []\n',
      ),
      code: 'charter/too-few',
      at: '[]',
      message: 'the list must not be empty',
      path: 'members',
    },
    {
      title: 'a ladder of more than 20 levels, on its key (charter/too-many-levels)',
      text: edit(
        'units:\n',
        `ladders:\n  - id: long\n    name: Long\n    levels:\n${tooManyLevels}\nunits:\n`,
      ),
      code: 'charter/too-many-levels',
      at: 'levels:',
      message: '21 levels in one ladder; a charter may have at most 20 (limit: levels)',
      hint: 'a ladder of a few notches is easier to follow; merge neighbouring levels',
      path: 'ladders[0].levels',
    },
    {
      title: 'a misspelt key, located on the key (charter/unknown-key)',
      text: edit('    level: founder', '    levle: founder\n    level: founder'),
      code: 'charter/unknown-key',
      at: 'levle',
      message: "unknown key 'levle' in unit",
      hint: "did you mean 'level'?",
      path: 'units[0].levle',
    },
    {
      title: 'a missing key, located at the mapping that lacks it (charter/missing-key)',
      text: edit('    dimension: capital\n', ''),
      code: 'charter/missing-key',
      at: 'id: treasury',
      message: "unit is missing 'dimension'",
      hint: "add 'dimension:' (text)",
      path: 'units[0]',
    },
    {
      title: 'a criterion with no known kind (charter/unknown-variant)',
      text: `${BASE_CHARTER}    readiness:\n      transparent: { metrc: participation, atLeast: 0.1 }\n`,
      code: 'charter/unknown-variant',
      at: '{ metrc',
      message:
        "a criterion needs one of the keys 'all', 'any', 'not', 'metric', 'timeAtLevel', 'decisionsAtLevel', 'checklist', 'control', 'unit', 'role', 'exitWindow'",
      hint: "'metrc': did you mean 'metric'?",
      path: 'units[0].readiness.transparent',
    },
    {
      title: 'a duration in months (charter/bad-duration)',
      text: `${BASE_CHARTER}    readiness:\n      transparent: { timeAtLevel: P3M }\n`,
      code: 'charter/bad-duration',
      at: 'P3M',
      message: "duration 'P3M' uses months or years, whose length varies",
      hint: 'write it in days or weeks, e.g. P30D or P52W',
      path: 'units[0].readiness.transparent.timeAtLevel',
    },
    {
      title: 'a duration in words without digits, with the accepted forms',
      text: `${BASE_CHARTER}    readiness:\n      transparent: { timeAtLevel: three days }\n`,
      code: 'charter/bad-format',
      at: 'three days',
      message: "'three days' is not in the expected form",
      hint: "write 7d, 12h, '7 days', '12 hours', or ISO-8601 like P7D or PT12H",
      path: 'units[0].readiness.transparent.timeAtLevel',
    },
    {
      title: 'a duration with no unit, with the accepted forms',
      text: `${BASE_CHARTER}    policies:\n      founder: { timelock: 14 }\n`,
      code: 'charter/wrong-type',
      at: '14',
      message:
        "expected a duration (7d, 12h, '7 days', '12 hours', or ISO-8601 like P7D or PT12H), found the number 14",
      path: 'units[0].policies.founder.timelock',
    },
    {
      title: 'a duration with a unit it does not know, with the accepted forms',
      text: `${BASE_CHARTER}    policies:\n      founder: { timelock: 14 fortnights }\n`,
      code: 'charter/bad-duration',
      at: '14 fortnights',
      message: "'14 fortnights' is not a duration",
      hint: "write 7d, 12h, '7 days', '12 hours', or ISO-8601 like P7D or PT12H",
      path: 'units[0].policies.founder.timelock',
    },
    {
      title: 'a date that is not in the calendar (charter/bad-instant)',
      text: `${BASE_CHARTER}    since: 2027-02-30\n`,
      code: 'charter/bad-instant',
      at: '2027-02-30',
      message: "'2027-02-30' is not a real calendar date or time",
      hint: 'check the day and month',
      path: 'units[0].since',
    },
    {
      title: 'an instant without an offset',
      text: `${BASE_CHARTER}    since: 2027-06-30T12:00:00\n`,
      code: 'charter/bad-instant',
      at: '2027-06-30T12:00:00',
      message: "'2027-06-30T12:00:00' has no time zone offset",
      hint: "add one, e.g. '2027-06-30T12:00:00Z' for UTC",
      path: 'units[0].since',
    },
    {
      title: 'a threshold above 100% (charter/bad-ratio)',
      text: edit('    members: [bob, cy]', '    members: [bob, cy]\n    threshold: 3/2'),
      code: 'charter/bad-ratio',
      at: '3/2',
      message: "'3/2' is more than 100%",
      hint: 'write a fraction like 2/3, a percentage like 66.7%, or a decimal like 0.5',
      path: 'roles[2].threshold',
    },
    {
      title: 'a threshold in words',
      text: edit('    members: [bob, cy]', '    members: [bob, cy]\n    threshold: most'),
      code: 'charter/bad-format',
      at: 'most',
      message: "'most' is not in the expected form",
      hint: 'write a fraction like 2/3, a percentage like 66.7%, or a decimal like 0.5',
      path: 'roles[2].threshold',
    },
  ];

  it.each(cases)('reports $title', (c) => {
    expect(errorsOf(c.text)).toEqual([
      {
        file: FILE,
        ...positionOf(c.text, c.at, c.anchor),
        severity: 'error',
        code: c.code,
        message: c.message,
        ...(c.hint === undefined ? {} : { hint: c.hint }),
        path: c.path,
      },
    ]);
  });
});

describe('all errors in one run', () => {
  /**
   * Six independent mistakes: one entry that fails the schema (the council role's scope) and five
   * reference or duplicate errors elsewhere. The council is referenced by the defaults and by a
   * unit's owners; since it was already reported, those references are not reported again.
   */
  const text = withUnits(`  - id: grants
    name: Grants
    dimension: captal
    owners: [foundrs, council]
    level: delegatd
    dependsOn:
      - { unit: tresury, level: 1, for: 2 }
`)
    .replace('    scope: council\n    members: [bob, cy]', '    scope: councl\n    members: [bob, cy]')
    .replace('  - { id: cy, name: Cy }\n', '  - { id: cy, name: Cy }\n  - { id: bob, name: Robert }\n');

  const errors = errorsOf(text);

  it('reports every mistake, each once, sorted by position', () => {
    expect(errors.map((e) => [e.code, e.line, e.column])).toEqual([
      ['charter/duplicate-id', ...Object.values(positionOf(text, 'bob', 'Cy }'))],
      ['charter/unknown-value', ...Object.values(positionOf(text, 'councl'))],
      ['charter/unknown-dimension', ...Object.values(positionOf(text, 'captal'))],
      ['charter/unknown-role', ...Object.values(positionOf(text, 'foundrs'))],
      ['charter/unknown-level', ...Object.values(positionOf(text, 'delegatd'))],
      ['charter/unknown-unit', ...Object.values(positionOf(text, 'tresury'))],
    ]);
  });

  it('does not report references to the role that failed the schema', () => {
    expect(errors.filter((e) => e.message.includes("'council'"))).toEqual([]);
  });

  it('gives each error its hint', () => {
    expect(errors.map((e) => e.hint)).toEqual([
      'give each member its own id',
      "did you mean 'council'?",
      "did you mean 'capital'?",
      "did you mean 'founders'?",
      "did you mean 'delegated'?",
      "did you mean 'treasury'?",
    ]);
  });

  it('does not report references to a unit that failed the schema', () => {
    // grants has no name, so it is set aside; treasury's dependency on it is not an unknown unit.
    const broken = withUnits(`  - id: grants
    dimension: capital
    owners: [core-team]
    level: founder
`).replace(
      '    level: founder\n  - id: grants',
      '    level: founder\n    dependsOn:\n      - { unit: grants, level: 1, for: 1 }\n  - id: grants',
    );
    expect(errorsOf(broken).map((e) => [e.code, e.message])).toEqual([
      ['charter/missing-key', "unit is missing 'name'"],
    ]);
  });

  it('still reports references to a name that no entry, valid or not, declares', () => {
    const broken = withUnits(`  - id: grants
    dimension: capital
    owners: [core-team]
    level: founder
`).replace(
      '    level: founder\n  - id: grants',
      '    level: founder\n    dependsOn:\n      - { unit: grnats, level: 1, for: 1 }\n  - id: grants',
    );
    expect(errorsOf(broken).map((e) => e.code)).toEqual(['charter/unknown-unit', 'charter/missing-key']);
  });
});

describe('positions', () => {
  const broken = edit('owners: [founders]', 'owners: [foundrs]');
  const expected = positionOf(broken, 'foundrs');

  it('are the same with Windows line endings', () => {
    expect(errorsOf(broken.replace(/\n/g, '\r\n'))[0]).toMatchObject(expected);
  });

  it('are the same after a byte-order mark', () => {
    expect(errorsOf(`\uFEFF${broken}`)[0]).toMatchObject(expected);
  });

  it('follow a merge key to the anchored text it brings in', () => {
    const text = `${edit('units:\n  - id: treasury', 'units:\n  - &base\n    id: treasury', broken)}  - <<: *base\n    id: grants\n    name: Grants\n`;
    // Both units' owners come from the one anchored line.
    expect(errorsOf(text).map((e) => [e.path, e.line, e.column])).toEqual([
      ['units[0].owners[0]', expected.line + 1, expected.column],
      ['units[1].owners[0]', expected.line + 1, expected.column],
    ]);
  });
});

describe('warnings', () => {
  it('come with a valid charter, which still loads', () => {
    const text = edit('level: founder', 'level: transparent\n    target: founder');
    const result = load(text);
    expect(result.ok).toBe(true);
    expect(result.warnings.map((w) => [w.code, w.severity, w.line, w.column])).toEqual([
      ['charter/target-below-level', 'warning', ...Object.values(positionOf(text, 'founder', 'target:'))],
    ]);
  });

  it('come with errors too, kept apart from them', () => {
    const text = edit(
      'owners: [founders]',
      'owners: [foundrs]',
      edit('level: founder', 'level: transparent\n    target: founder'),
    );
    const result = load(text);
    if (result.ok) throw new Error('should fail');
    expect(result.errors.map((e) => e.code)).toEqual(['charter/unknown-role']);
    expect(result.warnings.map((w) => w.code)).toEqual(['charter/target-below-level']);
  });
});

describe('a valid charter', () => {
  it('loads to the organization model and the validated input', () => {
    const result = load(BASE_CHARTER);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.organization.name).toBe('Acme');
    expect(result.organization.units.map((u) => u.id)).toEqual(['treasury']);
    expect(result.input.organization.id).toBe('acme');
    expect(result.warnings).toEqual([]);
  });
});
