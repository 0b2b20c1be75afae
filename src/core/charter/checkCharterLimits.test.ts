import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { minimalCharter } from '../../../test/support/charterValue.js';
import { CHARTER_LIMITS, type CharterLimitName, formatCount } from './charterLimits.js';
import { checkCharterValue } from './checkCharterValue.js';
import { loadCharter } from './loadCharter.js';

/** A valid charter of one member, one role and one unit, to grow up to and past each limit. */
const charter = () => minimalCharter({ unit: { level: 'founder' } });

const ids = (prefix: string, count: number) => Array.from({ length: count }, (_, i) => `${prefix}-${i + 1}`);

/** Builders of a charter holding exactly `n` of what each limit counts. */
const AT: Record<Exclude<CharterLimitName, 'bytes'>, (n: number) => unknown> = {
  units: (n) => ({
    ...charter(),
    units: ids('unit', n).map((id) => ({
      id,
      name: id,
      dimension: 'capital',
      owners: ['founders'],
      level: 0,
    })),
  }),
  members: (n) => ({
    ...charter(),
    members: [{ id: 'ann', name: 'Ann' }, ...ids('member', n - 1).map((id) => ({ id, name: id }))],
  }),
  roles: (n) => ({
    ...charter(),
    roles: [
      { id: 'founders', name: 'Founders', members: ['ann'] },
      ...ids('role', n - 1).map((id) => ({ id, name: id, members: ['ann'] })),
    ],
  }),
  // Memberships over all roles: the members split between as many roles as it takes.
  roleMembers: (n) => {
    const members = ids('member', CHARTER_LIMITS.members.max);
    const roles = [];
    for (let given = 0; given < n; given += members.length) {
      roles.push({
        id: `role-${roles.length + 1}`,
        name: 'Role',
        members: members.slice(0, Math.min(members.length, n - given)),
      });
    }
    return {
      ...charter(),
      members: members.map((id) => ({ id, name: id })),
      roles: [...roles, { id: 'founders', name: 'Founders', members: [] }],
      units: [
        { id: 'treasury', name: 'Treasury', dimension: 'capital', owners: ['role-1'], level: 'founder' },
      ],
    };
  },
  levels: (n) => ({
    ...charter(),
    ladders: [
      {
        id: 'long',
        name: 'Long',
        levels: ids('level', n).map((id) => ({
          id,
          name: id,
          policy: { propose: ['$owner'], method: 'single-owner', deciders: ['$owner'] },
        })),
      },
    ],
    units: minimalCharter({ unit: { ladder: 'long' } }).units,
  }),
  // A readiness criterion of `not`s inside one another: the document (1), units (2), the unit (3),
  // readiness (4), its level's criterion (5), then one more mapping per `not`, the innermost a
  // time criterion. n levels of nesting take n − 5 `not`s.
  nesting: (n) => {
    let criterion: Record<string, unknown> = { timeAtLevel: 'P1D' };
    for (let i = 0; i < n - 5; i++) criterion = { not: criterion };
    const base = charter();
    return { ...base, units: [{ ...base.units[0], readiness: { transparent: criterion } }] };
  },
};

describe('checkCharterValue at the charter limits', () => {
  it.each(Object.keys(AT) as (keyof typeof AT)[])('accepts a charter at the %s limit', (limit) => {
    const { valid, issues } = checkCharterValue({ value: AT[limit](CHARTER_LIMITS[limit].max) });
    expect(issues.filter((issue) => issue.severity === 'error')).toEqual([]);
    expect(valid).toBeDefined();
  });

  it.each([
    ['units', ['units'], '2,001 units; a charter may have at most 2,000 (limit: units)'],
    ['members', ['members'], '20,001 members; a charter may have at most 20,000 (limit: members)'],
    ['roles', ['roles'], '1,001 roles; a charter may have at most 1,000 (limit: roles)'],
    [
      'roleMembers',
      // The first role holds every member, the largest list: the one to shorten first.
      ['roles', 0, 'members'],
      '50,001 role memberships; a charter may have at most 50,000 (limit: roleMembers)',
    ],
    [
      'levels',
      ['ladders', 0, 'levels'],
      '21 levels in one ladder; a charter may have at most 20 (limit: levels)',
    ],
    [
      'nesting',
      // The 33rd collection is the innermost mapping, under 33 − 5 = 28 `not`s.
      ['units', 0, 'readiness', 'transparent', ...Array<string>(28).fill('not')],
      '33 levels of nesting; a charter may have at most 32 (limit: nesting)',
    ],
  ] as const)(
    'refuses a charter one past the %s limit, naming it, and checks nothing else',
    (limit, path, message) => {
      const { valid, issues } = checkCharterValue({ value: AT[limit](CHARTER_LIMITS[limit].max + 1) });
      expect(valid).toBeUndefined();
      expect(issues).toEqual([
        {
          path,
          code: CHARTER_LIMITS[limit].code,
          message,
          hint: expect.any(String),
          severity: 'error',
          onKey: true,
        },
      ]);
    },
  );

  it('refuses a value nested a hundred thousand deep without exhausting the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    const { issues } = checkCharterValue({ value: { ...charter(), organization: deep } });
    expect(issues.map((issue) => issue.code)).toEqual(['charter/too-deep']);
  });

  it('refuses a value that contains itself, as too deep', () => {
    const looped: Record<string, unknown> = { id: 'acme' };
    looped['self'] = looped;
    const { issues } = checkCharterValue({ value: { ...charter(), organization: looped } });
    expect(issues.map((issue) => issue.code)).toEqual(['charter/too-deep']);
  });
});

describe('loadCharter at the byte limit', () => {
  const text = `${JSON.stringify(charter())}\n# `;
  /** The charter padded with a comment to exactly `bytes` bytes of UTF-8. */
  const padded = (bytes: number, pad = 'x') =>
    text + pad.repeat((bytes - text.length) / Buffer.byteLength(pad));

  it('loads a charter of exactly the limit', () => {
    const at = padded(CHARTER_LIMITS.bytes.max);
    expect(Buffer.byteLength(at)).toBe(CHARTER_LIMITS.bytes.max);
    expect(loadCharter({ text: at, file: 'devolve.yaml' }).ok).toBe(true);
  });

  it('refuses one byte more, where the text passes the limit, before parsing it', () => {
    // The JSON is line 1; the comment is line 2 and passes the limit at its last character.
    const over = `${padded(CHARTER_LIMITS.bytes.max)}x`;
    const load = loadCharter({ text: over, file: 'devolve.yaml' });
    expect(load).toEqual({
      ok: false,
      errors: [
        {
          file: 'devolve.yaml',
          line: 2,
          column: over.length - text.lastIndexOf('\n') - 1,
          severity: 'error',
          code: 'charter/too-large',
          message: '4,194,305 bytes; a charter may have at most 4,194,304 (limit: bytes)',
          hint: expect.any(String),
          path: '',
        },
      ],
      warnings: [],
    });
  });

  it('counts bytes, not characters: three-byte characters reach the limit three times sooner', () => {
    // '€' is 3 bytes in UTF-8 and 1 UTF-16 unit.
    const euros = padded(CHARTER_LIMITS.bytes.max - ((CHARTER_LIMITS.bytes.max - text.length) % 3), '€');
    expect(Buffer.byteLength(euros)).toBeLessThanOrEqual(CHARTER_LIMITS.bytes.max);
    expect(loadCharter({ text: euros, file: 'devolve.yaml' }).ok).toBe(true);
    const over = loadCharter({ text: `${euros}€€`, file: 'devolve.yaml' });
    expect(over.ok ? [] : over.errors.map((e) => e.code)).toEqual(['charter/too-large']);
  });
});

describe('the limits in the README', () => {
  it('lists every limit with its value and code, as charterLimits.ts sets them', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    for (const [name, { max, code }] of Object.entries(CHARTER_LIMITS)) {
      const shown = name === 'bytes' ? `${max / 1024 / 1024} MiB` : formatCount(max);
      expect(readme, name).toContain(`| ${shown} | \`${code}\` |`);
    }
  });
});
