/**
 * Small charters for tests, as text, so that tests can assert the line and column an issue is
 * reported at by finding the offending token in the text they wrote.
 */

/**
 * A valid charter with one unit. Every bindable slot has a role through `defaults`, with the
 * usual scopes: the team is the core team, the council a council, the community the open holders
 * role and the guardian a council. Units are the last section, so tests can append units.
 */
export const BASE_CHARTER = `devolve: 1
organization:
  id: acme
  name: Acme
  kind: web3
  tokens:
    - { symbol: ACM, name: Acme token }
members:
  - { id: ann, name: Ann }
  - { id: bob, name: Bob }
  - { id: cy, name: Cy }
roles:
  - id: founders
    name: Founders
    members: [ann]
  - id: core-team
    name: Core team
    scope: team
    members: [ann, bob]
  - id: council
    name: Council
    scope: council
    members: [bob, cy]
  - id: holders
    name: Holders
    scope: community
    open: true
    weight: { token: ACM }
  - id: guardians
    name: Guardians
    scope: council
    members: [cy]
defaults:
  roles:
    team: [core-team]
    council: [council]
    community: [holders]
    guardian: [guardians]
units:
  - id: treasury
    name: Treasury
    dimension: capital
    owners: [founders]
    level: founder
`;

/** The base charter with more units (YAML list entries indented by two spaces) appended. */
/**
 * The base charter (or `text`) with `from` replaced by `to`; `from` must be there, so a case
 * cannot silently test the unedited charter.
 *
 * @example
 * editCharter('owners: [founders]', 'owners: [foundrs]') // one unknown role
 */
export function editCharter(from: string, to: string, text = BASE_CHARTER): string {
  if (!text.includes(from)) throw new Error(`${JSON.stringify(from)} is not in the charter`);
  return text.replace(from, to);
}

export function withUnits(units: string): string {
  return BASE_CHARTER + units;
}

/**
 * Line and column (from 1) of the first `needle` in `text` — after the first `anchor`, when one is
 * given, to pick among repeated tokens.
 */
export function positionOf(text: string, needle: string, anchor?: string): { line: number; column: number } {
  const start = anchor === undefined ? 0 : text.indexOf(anchor);
  if (start < 0) throw new Error(`anchor ${JSON.stringify(anchor)} is not in the text`);
  const offset = text.indexOf(needle, start);
  if (offset < 0)
    throw new Error(`${JSON.stringify(needle)} is not in the text after ${JSON.stringify(anchor)}`);
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - (before.lastIndexOf('\n') + 1) + 1;
  return { line, column };
}
