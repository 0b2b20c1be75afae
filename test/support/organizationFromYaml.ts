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

/** Epoch milliseconds of an ISO-8601 instant or date (dates are 00:00 UTC). */
export function instant(iso: string): number {
  const ms = Date.parse(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  if (Number.isNaN(ms)) throw new Error(`not an instant: ${iso}`);
  return ms;
}

export const DAY_MS = 86_400_000;
