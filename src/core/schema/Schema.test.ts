// One file on purpose, a little over 450 lines: it is the behaviour of one small module (Schema.ts),
// every combinator beside the others, sharing the `check` helper.
import { describe, expect, it } from 'vitest';
import { type Schema, type SchemaIssue, s, toJsonSchemaDocument } from './Schema.js';

function check(schema: Schema<unknown>, value: unknown): { ok: boolean; issues: SchemaIssue[] } {
  const issues: SchemaIssue[] = [];
  const ok = schema.validate(value, [], issues);
  return { ok, issues };
}

const person = s.object(
  { name: s.string({ minLength: 1 }), email: s.optional(s.string()), age: s.optional(s.integer({ min: 0 })) },
  'person',
);

describe('type errors', () => {
  it.each<[string, Schema<unknown>, unknown, string]>([
    ['text', s.string(), 5, 'expected text, found the number 5'],
    ['a whole number', s.integer(), 1.5, 'expected a whole number, found the number 1.5'],
    ['a finite number', s.number(), Number.NaN, 'expected a number, found the number NaN'],
    ['a boolean', s.boolean(), 'yes', "expected true or false, found the text 'yes'"],
    ['a boolean, given nothing', s.boolean(), null, 'expected true or false, found nothing'],
    ['a list', s.array(s.string()), { a: 1 }, 'expected a list, found a mapping'],
    ['a mapping', person, [1], 'expected a mapping (person), found a list'],
    [
      'an enum value',
      s.enum(['web3', 'company'], 'organization kind'),
      true,
      "expected one of 'web3', 'company', found the boolean true",
    ],
  ])('reports wrong-type where %s is expected, saying what was found', (_what, schema, value, message) => {
    expect(check(schema, value)).toEqual({
      ok: false,
      issues: [{ path: [], code: 'charter/wrong-type', message }],
    });
  });

  it('shortens long text in a message to 40 characters', () => {
    const { issues } = check(s.integer(), 'x'.repeat(50));
    expect(issues[0]?.message).toBe(`expected a whole number, found the text '${'x'.repeat(40)}…'`);
  });
});

describe('scalars', () => {
  it('checks string length and pattern, with the pattern hint', () => {
    expect(check(s.string({ minLength: 1 }), '').issues).toEqual([
      { path: [], code: 'charter/too-short', message: 'must not be empty' },
    ]);
    expect(check(s.string({ minLength: 3 }), 'ab').issues[0]?.message).toBe('must be at least 3 characters');
    expect(check(s.string({ maxLength: 3 }), 'abcd').issues).toEqual([
      { path: [], code: 'charter/too-long', message: 'must be at most 3 characters' },
    ]);
    expect(check(s.string({ pattern: /^a/, patternHint: 'start with a' }), 'b').issues).toEqual([
      {
        path: [],
        code: 'charter/bad-format',
        message: "'b' is not in the expected form",
        hint: 'start with a',
      },
    ]);
  });

  it('checks number ranges', () => {
    expect(check(s.number({ min: 0, max: 1 }), 2).issues).toEqual([
      { path: [], code: 'charter/out-of-range', message: '2 is out of range: must be between 0 and 1' },
    ]);
    expect(check(s.integer({ min: 1 }), 0).issues[0]?.message).toBe('0 is out of range: must be at least 1');
    expect(check(s.integer({ max: 9 }), 10).issues[0]?.message).toBe('10 is out of range: must be at most 9');
  });

  it('answers an unknown enum value with did-you-mean', () => {
    expect(check(s.enum(['web3', 'company', 'hybrid'], 'organization kind'), 'compny').issues).toEqual([
      {
        path: [],
        code: 'charter/unknown-value',
        message: "unknown organization kind 'compny'",
        hint: "did you mean 'company'?",
      },
    ]);
  });
});

describe('lists and records', () => {
  it('reports a short list and every bad item, each at its own index', () => {
    expect(check(s.array(s.string(), { minItems: 3 }), [1, 'ok']).issues).toEqual([
      { path: [], code: 'charter/too-few', message: 'the list needs at least 3 entries' },
      { path: [0], code: 'charter/wrong-type', message: 'expected text, found the number 1' },
    ]);
    expect(check(s.array(s.string(), { minItems: 1 }), []).issues[0]?.message).toBe(
      'the list must not be empty',
    );
    expect(check(s.array(s.string(), { maxItems: 1 }), ['a', 'b']).issues).toEqual([
      { path: [], code: 'charter/too-many', message: 'the list may hold at most 1 entries' },
    ]);
  });

  it('checks every value of a record under its key', () => {
    expect(check(s.record(s.integer(), 'counts'), { a: 1, b: 'x' }).issues).toEqual([
      { path: ['b'], code: 'charter/wrong-type', message: "expected a whole number, found the text 'x'" },
    ]);
  });
});

describe('mappings', () => {
  it('accepts a mapping with its required keys and any optional ones', () => {
    expect(check(person, { name: 'Ann' })).toEqual({ ok: true, issues: [] });
    expect(check(person, { name: 'Ann', age: 40, email: 'ann@example.org' }).ok).toBe(true);
  });

  it('reports an unknown key on the key itself, with did-you-mean', () => {
    expect(check(person, { name: 'Ann', emial: 'a@b.c' }).issues).toEqual([
      {
        path: ['emial'],
        onKey: true,
        code: 'charter/unknown-key',
        message: "unknown key 'emial' in person",
        hint: "did you mean 'email'?",
      },
    ]);
  });

  it('lists the known keys when an unknown key resembles none', () => {
    expect(check(person, { name: 'Ann', colour: 'red' }).issues[0]?.hint).toBe(
      "known keys: 'name', 'email', 'age'",
    );
  });

  it('reports a missing key at the mapping, hinting at what to add', () => {
    expect(check(person, { age: 3 }).issues).toEqual([
      {
        path: [],
        code: 'charter/missing-key',
        message: "person is missing 'name'",
        hint: "add 'name:' (text)",
      },
    ]);
  });

  it('collects every problem of a mapping in one pass', () => {
    // An unknown key, a missing key and an out-of-range value: three issues, none hiding another.
    const { ok, issues } = check(person, { nmae: 'Ann', age: -1 });
    expect(ok).toBe(false);
    expect(issues.map((issue) => [issue.code, issue.path])).toEqual([
      ['charter/unknown-key', ['nmae']],
      ['charter/missing-key', []],
      ['charter/out-of-range', ['age']],
    ]);
  });

  it('treats a key present with an undefined value as missing', () => {
    expect(check(person, { name: undefined }).issues[0]?.code).toBe('charter/missing-key');
  });

  it('extends paths through nested values', () => {
    const team = s.object({ people: s.array(person) }, 'team');
    expect(check(team, { people: [{ name: 'Ann' }, { name: 'Bob', age: 'old' }] }).issues).toEqual([
      {
        path: ['people', 1, 'age'],
        code: 'charter/wrong-type',
        message: "expected a whole number, found the text 'old'",
      },
    ]);
  });
});

describe('keyed unions', () => {
  const criterion = s.keyed(
    [
      ['all', s.object({ all: s.array(s.string()) }, 'all-of criterion')],
      ['metric', s.object({ metric: s.string(), atLeast: s.optional(s.number()) }, 'metric criterion')],
    ] as const,
    'criterion',
  );

  it('checks a value as the variant whose key it carries, so errors speak of that variant', () => {
    expect(check(criterion, { metric: 'voters', atleast: 3 }).issues).toEqual([
      {
        path: ['atleast'],
        onKey: true,
        code: 'charter/unknown-key',
        message: "unknown key 'atleast' in metric criterion",
        hint: "did you mean 'atLeast'?",
      },
    ]);
    expect(check(criterion, { all: 'x' }).issues).toEqual([
      { path: ['all'], code: 'charter/wrong-type', message: "expected a list, found the text 'x'" },
    ]);
    expect(check(criterion, { metric: 'voters', atLeast: 3 }).ok).toBe(true);
  });

  it('names the variant keys when none is present, guessing a misspelt one', () => {
    expect(check(criterion, { metrc: 'voters' }).issues).toEqual([
      {
        path: [],
        code: 'charter/unknown-variant',
        message: "a criterion needs one of the keys 'all', 'metric'",
        hint: "'metrc': did you mean 'metric'?",
      },
    ]);
    expect(check(criterion, { colour: 'red' }).issues[0]?.hint).toBe('e.g. { all: … }');
  });

  it('refuses a value that is not a mapping', () => {
    expect(check(criterion, ['metric']).issues).toEqual([
      { path: [], code: 'charter/wrong-type', message: 'expected a criterion (a mapping), found a list' },
    ]);
  });
});

describe('unions', () => {
  const weight = s.union(
    [
      s.enum(['equal'], 'weight'),
      s.object({ token: s.string({ pattern: /^[A-Z]+$/ }) }, 'token weight'),
      s.object({ reputation: s.string(), decay: s.optional(s.integer()) }, 'reputation weight'),
    ],
    "a weight: 'equal', { token } or { reputation }",
  );

  it('accepts any branch that fits', () => {
    expect(check(weight, 'equal').ok).toBe(true);
    expect(check(weight, { token: 'LUM' }).ok).toBe(true);
    expect(check(weight, { reputation: 'karma' }).ok).toBe(true);
  });

  it('reports the issues of the one mapping branch that knows every key written', () => {
    // Only the reputation branch knows both 'reputation' and 'decay', so its own issue is reported.
    expect(check(weight, { reputation: 'karma', decay: 'fast' }).issues).toEqual([
      {
        path: ['decay'],
        code: 'charter/wrong-type',
        message: "expected a whole number, found the text 'fast'",
      },
    ]);
    expect(check(weight, { token: 'lum' }).issues).toEqual([
      { path: ['token'], code: 'charter/bad-format', message: "'lum' is not in the expected form" },
    ]);
  });

  it('reports the single branch of the right basic shape', () => {
    // Only the enum takes text, so its did-you-mean answers.
    expect(check(weight, 'equl').issues).toEqual([
      {
        path: [],
        code: 'charter/unknown-value',
        message: "unknown weight 'equl'",
        hint: "did you mean 'equal'?",
      },
    ]);
  });

  it('falls back to naming the union when no branch fits the keys', () => {
    expect(check(weight, { stake: 'LUM' }).issues).toEqual([
      {
        path: [],
        code: 'charter/wrong-type',
        message: "expected a weight: 'equal', { token } or { reputation }, found a mapping",
      },
    ]);
    expect(check(weight, 7).issues[0]?.message).toBe(
      "expected a weight: 'equal', { token } or { reputation }, found the number 7",
    );
  });
});

describe('nullable', () => {
  it('accepts null or the inner value, and reports the inner issues otherwise', () => {
    const schema = s.nullable(s.integer());
    expect(check(schema, null).ok).toBe(true);
    expect(check(schema, 3).ok).toBe(true);
    expect(check(schema, 'x').issues).toEqual([
      { path: [], code: 'charter/wrong-type', message: "expected a whole number, found the text 'x'" },
    ]);
    expect(schema.expected()).toBe('a whole number or null');
  });
});

describe('refinements', () => {
  const even = s
    .integer()
    .refine((n) => (n % 2 === 0 ? undefined : { code: 'odd', reason: `${n} is odd`, hint: 'add one' }));

  it('run after the shape passes and report as charter/<code> with the hint', () => {
    expect(check(even, 4).ok).toBe(true);
    expect(check(even, 3).issues).toEqual([
      { path: [], code: 'charter/odd', message: '3 is odd', hint: 'add one' },
    ]);
  });

  it('do not run on a value of the wrong shape', () => {
    expect(check(even, 'three').issues.map((issue) => issue.code)).toEqual(['charter/wrong-type']);
  });

  it('do not run when the shape check already found a problem', () => {
    let calls = 0;
    const pair = s.array(s.integer(), { minItems: 2 }).refine(() => {
      calls++;
      return { reason: 'never' };
    });
    expect(check(pair, [1]).issues.map((issue) => issue.code)).toEqual(['charter/too-few']);
    expect(calls).toBe(0);
  });

  it('default to charter/invalid-value and stop at the first refusal', () => {
    const schema = s
      .string()
      .refine(() => ({ reason: 'first' }))
      .refine(() => ({ reason: 'second' }));
    expect(check(schema, 'x').issues).toEqual([
      { path: [], code: 'charter/invalid-value', message: 'first' },
    ]);
  });
});

describe('schemas are values', () => {
  it('describe returns a copy and leaves the shared schema without a description', () => {
    const shared = s.string();
    const described = shared.describe('A name.');
    expect(described).not.toBe(shared);
    expect(described.toJsonSchema({ defs: {} })).toEqual({ description: 'A name.', type: 'string' });
    expect(shared.toJsonSchema({ defs: {} })).toEqual({ type: 'string' });
  });

  it('refine returns a copy and leaves the shared schema accepting what it accepted', () => {
    const shared = s.integer();
    const positive = shared.refine((n) => (n > 0 ? undefined : { reason: 'not positive' }));
    expect(check(positive, -1).ok).toBe(false);
    expect(check(shared, -1).ok).toBe(true);
    // A second refinement of the copy does not reach back into the first copy either.
    const small = positive.refine((n) => (n < 10 ? undefined : { reason: 'too big' }));
    expect(check(small, 11).ok).toBe(false);
    expect(check(positive, 11).ok).toBe(true);
  });

  it('a refined copy keeps its description, and a described copy keeps its refinements', () => {
    const schema = s
      .integer()
      .refine((n) => (n > 0 ? undefined : { reason: 'not positive' }))
      .describe('A count.');
    expect(check(schema, 0).ok).toBe(false);
    expect(schema.toJsonSchema({ defs: {} })).toEqual({ description: 'A count.', type: 'integer' });
  });
});

describe('JSON Schema rendering', () => {
  it('renders mappings with required keys and no additional properties', () => {
    expect(person.toJsonSchema({ defs: {} })).toEqual({
      type: 'object',
      properties: {
        name: { type: 'string', minLength: 1 },
        email: { type: 'string' },
        age: { type: 'integer', minimum: 0 },
      },
      required: ['name'],
      additionalProperties: false,
    });
  });

  it('renders scalars, lists, records, enums, nullables and unions', () => {
    const context = { defs: {} };
    expect(s.string({ pattern: /^a+$/, maxLength: 4 }).toJsonSchema(context)).toEqual({
      type: 'string',
      pattern: '^a+$',
      maxLength: 4,
    });
    expect(s.number({ min: 0, max: 1 }).toJsonSchema(context)).toEqual({
      type: 'number',
      minimum: 0,
      maximum: 1,
    });
    expect(s.boolean().toJsonSchema(context)).toEqual({ type: 'boolean' });
    expect(s.array(s.boolean(), { minItems: 1, maxItems: 2 }).toJsonSchema(context)).toEqual({
      type: 'array',
      items: { type: 'boolean' },
      minItems: 1,
      maxItems: 2,
    });
    expect(s.record(s.integer(), 'counts').toJsonSchema(context)).toEqual({
      type: 'object',
      additionalProperties: { type: 'integer' },
    });
    expect(s.enum(['a', 'b'], 'letter').toJsonSchema(context)).toEqual({ type: 'string', enum: ['a', 'b'] });
    expect(s.nullable(s.integer()).toJsonSchema(context)).toEqual({
      anyOf: [{ type: 'integer' }, { type: 'null' }],
    });
    expect(s.union([s.integer(), s.string()], 'id').toJsonSchema(context)).toEqual({
      anyOf: [{ type: 'integer' }, { type: 'string' }],
    });
    expect(context.defs).toEqual({});
  });

  it('renders a recursive reference once under $defs and points at it', () => {
    type Tree = { children: Tree[] };
    const tree: Schema<Tree> = s.ref<Tree>('Tree', () => s.object({ children: s.array(tree) }, 'tree'));
    const document = toJsonSchemaDocument({
      schema: s.object({ root: tree, spare: s.optional(tree) }, 'forest'),
      id: 'https://example.org/forest.json',
      title: 'Forest',
    });
    expect(document).toEqual({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://example.org/forest.json',
      title: 'Forest',
      type: 'object',
      properties: { root: { $ref: '#/$defs/Tree' }, spare: { $ref: '#/$defs/Tree' } },
      required: ['root'],
      additionalProperties: false,
      $defs: {
        Tree: {
          type: 'object',
          properties: { children: { type: 'array', items: { $ref: '#/$defs/Tree' } } },
          required: ['children'],
          additionalProperties: false,
        },
      },
    });
  });

  it('validates through a recursive reference, with paths into the depth', () => {
    type Tree = { children: Tree[] };
    const tree: Schema<Tree> = s.ref<Tree>('Tree', () => s.object({ children: s.array(tree) }, 'tree'));
    const { issues } = check(tree, { children: [{ children: [{ children: 'none' }] }] });
    expect(issues).toEqual([
      {
        path: ['children', 0, 'children', 0, 'children'],
        code: 'charter/wrong-type',
        message: "expected a list, found the text 'none'",
      },
    ]);
  });

  it('renders a keyed union as anyOf of its variants', () => {
    const keyed = s.keyed([['a', s.object({ a: s.integer() }, 'a')]] as const, 'thing');
    expect(keyed.toJsonSchema({ defs: {} })).toEqual({
      anyOf: [
        {
          type: 'object',
          properties: { a: { type: 'integer' } },
          required: ['a'],
          additionalProperties: false,
        },
      ],
    });
  });
});

describe('I-JSON strings (RFC 7493)', () => {
  it('refuses a lone surrogate or a noncharacter in any string, and in any record key', () => {
    const text = s.string();
    for (const bad of ['a\uD800', '\uDC00b', 'x\uFFFE', '\uFFFF', 'y\uFDD0', '\u{1FFFF}', '\u{10FFFF}']) {
      const result = check(text, bad);
      expect(result.ok, JSON.stringify(bad)).toBe(false);
      expect(result.issues[0]?.message).toMatch(/I-JSON/);
    }
    const balances = s.record(s.string(), 'balances');
    expect(check(balances, { '\uD83D': '1' }).ok).toBe(false);
    expect(check(balances, { ada: '1' }).ok).toBe(true);
  });

  it('accepts every other character, surrogate pairs (astral characters) included', () => {
    for (const good of ['Grüße ✓', '🎉', '\u{10FFFD}', '\uFDCF\uFDF0', '\uFFFD', ''])
      expect(check(s.string(), good).ok, JSON.stringify(good)).toBe(true);
  });
});
