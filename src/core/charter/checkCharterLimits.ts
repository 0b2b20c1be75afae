import type { Path } from '../schema/Schema.js';
import type { SourceIssue } from '../yaml/parseLocatedYaml.js';
import { CHARTER_LIMITS, type CharterLimitName, limitMessage } from './charterLimits.js';
import type { ResolveIssue } from './ResolveContext.js';

const HINT: Record<CharterLimitName, string> = {
  bytes: 'split the organization into several charters, or shorten long descriptions',
  nesting: 'a charter needs far fewer levels; flatten the nested criteria',
  units: 'group small units together, or split the organization into several charters',
  members: 'list the people who act in roles; holders can be an open role with a token weight',
  roles: 'merge roles that hold the same members',
  roleMembers: "make a large role 'open: true' with a token weight instead of listing every member",
  levels: 'a ladder of a few notches is easier to follow; merge neighbouring levels',
};

function limitIssue(limit: CharterLimitName, found: number, path: Path): ResolveIssue {
  return {
    path,
    code: CHARTER_LIMITS[limit].code,
    message: limitMessage({ limit, found }),
    hint: HINT[limit],
    severity: 'error',
    onKey: path.length > 0,
  };
}

const isList = (value: unknown): value is unknown[] => Array.isArray(value);

/**
 * The limits a charter value must keep before anything else is checked (see `CHARTER_LIMITS`).
 * The nesting is measured without recursion, so a value nested a million deep is refused rather
 * than exhausting the stack. Each issue is placed on the key of the list that is too long.
 *
 * @example
 * checkCharterLimits({ value: { units: new Array(2_001).fill({}) } }); // [{ code: 'charter/too-many-units', … }]
 */
export function checkCharterLimits(args: { value: unknown }): ResolveIssue[] {
  const { value } = args;
  const deepest = deepestPath(value, CHARTER_LIMITS.nesting.max);
  if (deepest !== undefined) return [limitIssue('nesting', CHARTER_LIMITS.nesting.max + 1, deepest)];
  if (typeof value !== 'object' || value === null || isList(value)) return [];
  const charter = value as Record<string, unknown>;
  const issues: ResolveIssue[] = [];
  const count = (limit: CharterLimitName, found: number, path: Path) => {
    if (found > CHARTER_LIMITS[limit].max) issues.push(limitIssue(limit, found, path));
  };
  if (isList(charter['units'])) count('units', charter['units'].length, ['units']);
  if (isList(charter['members'])) count('members', charter['members'].length, ['members']);
  const roles = charter['roles'];
  if (isList(roles)) {
    count('roles', roles.length, ['roles']);
    // Placed on the largest role's list: the one to shorten first.
    let memberships = 0;
    let largest: { index: number; size: number } | undefined;
    roles.forEach((role, index) => {
      const members = (role as { members?: unknown } | null)?.members;
      if (!isList(members)) return;
      memberships += members.length;
      if (largest === undefined || members.length > largest.size) largest = { index, size: members.length };
    });
    count(
      'roleMembers',
      memberships,
      largest === undefined ? ['roles'] : ['roles', largest.index, 'members'],
    );
  }
  const ladders = charter['ladders'];
  if (isList(ladders)) {
    ladders.forEach((ladder, index) => {
      const levels = (ladder as { levels?: unknown } | null)?.levels;
      if (isList(levels)) count('levels', levels.length, ['ladders', index, 'levels']);
    });
  }
  return issues;
}

/**
 * The path to a collection nested deeper than `max` (the document itself is depth 1), or
 * undefined. Walks with an explicit stack; stops at the first one found.
 */
function deepestPath(value: unknown, max: number): Path | undefined {
  const stack: { value: unknown; path: Path }[] = [{ value, path: [] }];
  while (stack.length > 0) {
    const { value: current, path } = stack.pop()!;
    if (typeof current !== 'object' || current === null) continue;
    // `path` names the collection: the document is depth 1, a collection under it depth 2 …
    if (path.length + 1 > max) return path;
    const entries: [string | number, unknown][] = isList(current)
      ? current.map((item, i) => [i, item])
      : Object.entries(current);
    for (const [key, child] of entries) {
      if (typeof child === 'object' && child !== null) stack.push({ value: child, path: [...path, key] });
    }
  }
  return undefined;
}

/**
 * The byte limit on a charter's text, counted in UTF-8 as the file holds it. The issue is placed
 * where the text passes the limit, so an editor opens the file where it needs cutting.
 *
 * @example
 * checkCharterBytes({ text, file: 'devolve.yaml' }); // undefined, or a `charter/too-large` issue
 */
export function checkCharterBytes(args: { text: string; file: string }): SourceIssue | undefined {
  const { text } = args;
  const { max } = CHARTER_LIMITS.bytes;
  // A UTF-16 unit is at most 3 bytes of UTF-8 (a surrogate pair, 2 units, is 4 bytes).
  if (text.length * 3 <= max) return undefined;
  let bytes = 0;
  let passedAt = -1;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const start = i;
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit < 0xdc00 && i + 1 < text.length) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
    if (passedAt < 0 && bytes > max) passedAt = start;
  }
  if (passedAt < 0) return undefined;
  const lineStart = text.lastIndexOf('\n', passedAt - 1) + 1;
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < passedAt; i = text.indexOf('\n', i + 1)) line += 1;
  return {
    file: args.file,
    line,
    column: passedAt - lineStart + 1,
    severity: 'error',
    code: CHARTER_LIMITS.bytes.code,
    message: limitMessage({ limit: 'bytes', found: bytes }),
    hint: HINT.bytes,
    path: '',
  };
}
