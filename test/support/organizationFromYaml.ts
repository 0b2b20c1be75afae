import { loadCharter } from '../../src/core/charter/loadCharter.js';
import type { Organization } from '../../src/core/model/Organization.js';

/**
 * The organization a charter written inline in a test describes. A fixture that does not load is a
 * mistake in the test, so it throws with every problem located.
 *
 * @example
 * const organization = organizationFromYaml(`devolve: 1\norganization: …`);
 */
export function organizationFromYaml(text: string): Organization {
  const load = loadCharter({ text, file: 'fixture.yaml' });
  if (!load.ok) {
    const problems = load.errors.map((e) => `${e.line}:${e.column} ${e.message} [${e.code}]`);
    throw new Error(`the fixture charter does not load:\n${problems.join('\n')}`);
  }
  return load.organization;
}

/**
 * How the fixture charters of the readiness and evidence tests begin: the organization Fixture
 * with its token FIX, and members ana and ben. A test writes the rest (more members, roles, units).
 *
 * @example
 * organizationFromYaml(`${FIXTURE_HEAD}roles:\n  - { id: team, … }\n…`)
 */
export const FIXTURE_HEAD = `devolve: 1
organization:
  id: fixture
  name: Fixture
  kind: web3
  tokens:
    - { symbol: FIX, name: Fixture token }
members:
  - { id: ana, name: Ana Lima }
  - { id: ben, name: Ben Okoro }
`;

/** Epoch milliseconds of an ISO-8601 instant or date (dates are 00:00 UTC). */
export function instant(iso: string): number {
  const ms = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(ms)) throw new Error(`not an instant: ${iso}`);
  return ms;
}

export const DAY_MS = 86_400_000;
