/**
 * The most a charter may hold. One request or one `devolve check` must not be able to cost more
 * than a bounded amount of work, so the loader and the server refuse a charter past any of these
 * with an error naming the limit, before checking anything else in it. Each is several times what
 * a large real organization needs: 1,000 units and 10,000 members are checked in well under a
 * second (see `npm run bench -- charter`).
 */
export const CHARTER_LIMITS = {
  /** The charter's text in UTF-8 (a file for the CLI; the JSON body for the server). */
  bytes: { max: 4 * 1024 * 1024, noun: 'bytes', code: 'charter/too-large' },
  /** Mappings and lists inside one another, counting the document itself as 1. */
  nesting: { max: 32, noun: 'levels of nesting', code: 'charter/too-deep' },
  units: { max: 2_000, noun: 'units', code: 'charter/too-many-units' },
  members: { max: 20_000, noun: 'members', code: 'charter/too-many-members' },
  roles: { max: 1_000, noun: 'roles', code: 'charter/too-many-roles' },
  /** Entries under `members:` of every role together. */
  roleMembers: { max: 50_000, noun: 'role memberships', code: 'charter/too-many-role-members' },
  /** Levels of one declared ladder. */
  levels: { max: 20, noun: 'levels in one ladder', code: 'charter/too-many-levels' },
} as const;

export type CharterLimitName = keyof typeof CHARTER_LIMITS;

/** `4,194,304` — limits are written with separators wherever they are shown. */
export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

/** The message for a charter past a limit: `2,001 units; a charter may have at most 2,000 (limit: units)`. */
export function limitMessage(args: { limit: CharterLimitName; found: number }): string {
  const { max, noun } = CHARTER_LIMITS[args.limit];
  return `${formatCount(args.found)} ${noun}; a charter may have at most ${formatCount(max)} (limit: ${args.limit})`;
}
