import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../errors/ErrorCode.js';
import { VERIFY_RULES, verifyRuleOf } from './verifyRules.js';

/**
 * Codes of the log, action and proposal families that no line of a log can earn: the file itself
 * missing or unreadable (the verifier stops before any line), a value that cannot be encoded (the
 * verifier only decodes), a proposal looked up by a reader (not by an action), and the store's refusals of an action it receives (an exported log was
 * already accepted; the verifier checks the same things as L8–L10 and A-rules).
 */
const NEVER_FROM_A_LINE = new Set([
  'log/not-found',
  'log/unreadable',
  'log/not-json',
  'proposal/not-found',
  'action/bad-signature',
  'action/malformed',
  'action/missing-head',
  'action/unexpected-head',
  'action/unknown-head',
  'action/nonce-reused',
  'action/not-org-create',
  'action/issued-in-future',
]);

describe('VERIFY_RULES', () => {
  it('gives every code a verifier can report exactly one rule, and no rule a code twice', () => {
    const owners = new Map<string, string[]>();
    for (const rule of VERIFY_RULES)
      for (const code of rule.codes) owners.set(code, [...(owners.get(code) ?? []), rule.id]);
    expect([...owners].filter(([, ids]) => ids.length > 1)).toEqual([]);
    const reportable = (['log', 'action', 'proposal'] as const).flatMap((family) =>
      ERROR_CODES[family].map((problem) => `${family}/${problem}`),
    );
    const unruled = reportable.filter((code) => !NEVER_FROM_A_LINE.has(code) && !owners.has(code));
    expect(unruled).toEqual([]);
    // and no rule claims a code the verifier cannot meet
    expect([...owners.keys()].filter((code) => NEVER_FROM_A_LINE.has(code))).toEqual([]);
  });

  it('has unique ids in the documented forms, each with a one-line statement', () => {
    const ids = VERIFY_RULES.map((rule) => rule.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of VERIFY_RULES) {
      expect(rule.id).toMatch(/^(L|A|E)\d+$/);
      expect(rule.statement).toMatch(/^[A-Z`].*\.$/);
      expect(rule.statement).not.toContain('\n');
    }
  });

  it('names each refusal by its code', () => {
    expect(verifyRuleOf('log/bad-hash')).toBe('L5');
    expect(verifyRuleOf('action/proposal-required')).toBe('A8');
    expect(verifyRuleOf('proposal/wrong-phase')).toBe('A15');
    // a code no rule lists is the verifier's fault, never the log's
    expect(verifyRuleOf('store/corrupt')).toBe('E1');
  });

  it('are the rules the README lists, id for id, in order ("The log format", "Rules")', () => {
    const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');
    const from = readme.indexOf('\n## The log format');
    const section = readme.slice(from, readme.indexOf('\n## ', from + 1));
    const listed = [...section.matchAll(/^\| `([LAE]\d+)` \| ([^|]+) \|$/gm)];
    expect(listed.map((m) => m[1])).toEqual(VERIFY_RULES.map((rule) => rule.id));
    for (const row of listed) expect(row[2]!.trim().length).toBeGreaterThan(10);
    // the complete specification the README links to names every rule too
    const spec = readFileSync(new URL('../../../docs/log-format.md', import.meta.url), 'utf8');
    expect(section).toContain('docs/log-format.md');
    const named = VERIFY_RULES.map((rule) => rule.id).filter((id) => id.startsWith('A'));
    expect(named.filter((id) => !new RegExp(`\\b${id}\\b`).test(spec))).toEqual([]);
  });
});
