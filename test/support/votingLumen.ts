import type { SignedAction } from '../../src/core/log/Action.js';
import { publicIdentityOf, type SigningKey, signAction } from '../../src/identity/signAction.js';
import { LUMEN_MEMBERS } from './governedLog.js';
import { daoCharter, ed25519Key, type JsonObject } from './signedLog.js';

/** The treasury decision every vote of a `votingLumen` is cast on. */
export const TREASURY_PROPOSAL = 'treasury-1';

export interface VotingLumen {
  readonly org: string;
  /** Every member who may vote on the treasury proposal: the core team, grown to `voters`. */
  readonly voters: readonly string[];
  /** Every member's signing key, by member id. */
  readonly keys: Readonly<Record<string, SigningKey>>;
  /** mara's `org.create`. */
  create(): SignedAction;
  /** Each member but mara registers their pinned key, all against `head` (any head in the log). */
  registrations(head: string): SignedAction[];
  /** mara opens the treasury decision the votes are cast on. */
  openProposal(head: string): SignedAction;
  /**
   * The `index`-th ballot: voter `index % voters.length`, for or against in turn, with the reason
   * the treasury's policy asks for. A voter voting again replaces their earlier ballot.
   */
  vote(args: { head: string; index: number }): SignedAction;
}

/**
 * The dao template (Lumen Protocol) with its core team — who decide the treasury at its
 * transparent level — grown to `voters` members with keys of their own: a realistic electorate
 * for vote-ingest load (a benchmark, a crash test). Everything is signed with the real clock.
 *
 * @example
 * const lumen = votingLumen({ org: 'lumen-ingest', voters: 64 });
 * await store.createOrganization({ signed: lumen.create(), now: new Date() });
 */
export function votingLumen(args: { org: string; voters: number }): VotingLumen {
  const extra = Array.from(
    { length: Math.max(0, args.voters - 5) },
    (_, i) => `voter-${String(i).padStart(4, '0')}`,
  );
  const everyone = [...LUMEN_MEMBERS, ...extra];
  const keys: Record<string, SigningKey> = Object.fromEntries(everyone.map((id) => [id, ed25519Key()]));
  const charter = daoCharter({ org: args.org, keys });
  const members = charter['members'] as JsonObject[];
  for (const id of extra)
    members.push({ id, name: `Voter ${id.slice(6)}`, key: publicIdentityOf(keys[id]!) });
  const coreTeam = (charter['roles'] as JsonObject[]).find((role) => role['id'] === 'core-team')!;
  coreTeam['members'] = [...(coreTeam['members'] as string[]), ...extra];
  const voters = coreTeam['members'] as string[];
  const sign = (actor: string, kind: string, payload: unknown, head: string | null) =>
    signAction({ key: keys[actor]!, org: args.org, kind, actor, payload, head, now: new Date() });
  return {
    org: args.org,
    voters,
    keys,
    create: () => sign('mara', 'org.create', { charter }, null),
    registrations: (head) =>
      everyone.filter((id) => id !== 'mara').map((id) => sign(id, 'key.register', {}, head)),
    openProposal: (head) =>
      sign(
        'mara',
        'proposal.create',
        {
          id: TREASURY_PROPOSAL,
          unit: 'treasury',
          kind: 'decision',
          title: 'Fund the v4 audit',
          subject: { outcome: 'Pay two firms for the v4 audit' },
        },
        head,
      ),
    vote: ({ head, index }) => {
      const voter = voters[index % voters.length]!;
      const choice = index % 3 === 0 ? 'against' : 'for';
      return sign(
        voter,
        'vote.cast',
        { proposal: TREASURY_PROPOSAL, ballot: { choice }, reason: `${voter} votes ${choice} (${index})` },
        head,
      );
    },
  };
}
