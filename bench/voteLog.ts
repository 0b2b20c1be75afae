import { createPublicKey, type KeyObject } from 'node:crypto';
import { actionSigningText } from '../src/core/log/Action.js';
import { canonicalJson } from '../src/core/log/canonicalJson.js';
import { sealEvent } from '../src/core/log/sealEvent.js';
import { ED25519_PREFIX, generateEd25519 } from '../src/identity/ed25519.js';
import { sha256Hex } from '../src/identity/sha256.js';
import { signAction } from '../src/identity/signAction.js';

/** What the floor verifies: the very bytes each event's signature covers. */
export interface SignedText {
  readonly text: Buffer;
  readonly signature: Buffer;
  readonly key: KeyObject;
}

const ORG = 'bench-votes';
const DAY = 86_400_000;
const START = Date.parse('2026-03-01T00:00:00.000Z');
/** Proposals open side by side; every vote goes to one of them. */
const PROPOSALS = 6;
/** One member in this many lends their weight to another before the proposals open. */
const DELEGATE_EVERY = 25;

interface Member {
  readonly id: string;
  readonly secret: string;
  readonly identity: string;
  readonly publicKey: KeyObject;
}

/**
 * A cooperative of `members` members, all in the community role `citizens` (one vote each), with
 * one autonomous unit: proposals are open to comment for 7 days, then voted on for 7 (majority,
 * 10% quorum, a late-quorum extension, a reason required), then wait out a 7-day timelock.
 */
function charterOf(members: readonly Member[]): Record<string, unknown> {
  return {
    devolve: 1,
    organization: { id: ORG, name: 'Bench Voting Cooperative', kind: 'company' },
    members: members.map((m) => ({ id: m.id, name: `Member ${m.id}`, key: m.identity })),
    roles: [
      { id: 'stewards', name: 'Stewards', scope: 'team', members: members.slice(0, 3).map((m) => m.id) },
      { id: 'citizens', name: 'Citizens', scope: 'community', members: members.map((m) => m.id) },
    ],
    units: [
      {
        id: 'budget',
        name: 'Budget',
        dimension: 'capital',
        description: 'The yearly budget, decided by every citizen.',
        owners: ['citizens'],
        level: 'autonomous',
        roles: { team: ['stewards'], council: ['stewards'], community: ['citizens'], guardian: ['stewards'] },
      },
    ],
  };
}

/**
 * Signs and seals a vote log through the real signing path: `org.create`, a `key.register` by
 * every other member, delegations, `PROPOSALS` decisions opened side by side, then votes (each
 * with a reason; members vote many times, so most votes change the member's earlier ballot) until the log holds `votes`
 * of them, and finally the execution of every proposal, each of which counts its ballots through
 * the counting module. Calls `line` with each event's exported line and what its signature covers.
 */
export function buildVoteLog(args: {
  members: number;
  votes: number;
  line: (text: string, signed: SignedText) => void;
}): { events: number; votes: number } {
  const members: Member[] = [];
  for (let i = 0; i < args.members; i++) {
    const pair = generateEd25519();
    const x = pair.publicKey.slice(ED25519_PREFIX.length);
    const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x }, format: 'jwk' });
    members.push({
      id: `m${String(i).padStart(5, '0')}`,
      secret: pair.secret,
      identity: pair.publicKey,
      publicKey,
    });
  }
  let prev: string | null = null;
  let seq = 0;
  const append = (member: Member, kind: string, payload: unknown, at: number) => {
    const now = new Date(at);
    const signed = signAction({
      key: { type: 'ed25519', secret: member.secret },
      org: ORG,
      kind,
      actor: member.id,
      payload,
      head: prev,
      now,
    });
    const event = sealEvent({ signed, seq, prev, recordedAt: now.toISOString(), sha256Hex });
    prev = event.hash;
    seq += 1;
    args.line(canonicalJson(event), {
      text: Buffer.from(actionSigningText(signed.action), 'utf8'),
      signature: Buffer.from(signed.signature, 'base64url'),
      key: member.publicKey,
    });
  };

  let at = START;
  const tick = () => {
    at += 1;
    return at;
  };
  append(members[0]!, 'org.create', { charter: charterOf(members) }, at);
  for (const member of members.slice(1)) append(member, 'key.register', {}, tick());
  for (let i = DELEGATE_EVERY - 1; i < members.length; i += DELEGATE_EVERY) {
    const to = members[(i * 7) % members.length]!;
    if (to === members[i]) continue;
    append(members[i]!, 'delegation.set', { role: 'citizens', to: [{ member: to.id, share: 1 }] }, tick());
  }
  const proposals = Array.from({ length: PROPOSALS }, (_, p) => `budget-${p + 1}`);
  for (const [p, id] of proposals.entries()) {
    const payload = {
      id,
      unit: 'budget',
      kind: 'decision',
      title: `Budget line ${p + 1}`,
      subject: { outcome: `Fund budget line ${p + 1}` },
    };
    append(members[p]!, 'proposal.create', payload, tick());
  }
  // Voting opens after the 7-day comment period.
  at += 7 * DAY + 1000;
  const choices = ['for', 'for', 'against', 'for', 'abstain'];
  for (let v = 0; v < args.votes; v++) {
    // Members take turns; past the first round, each vote changes an earlier ballot.
    const member = members[(v * 7919) % members.length]!;
    const proposal = proposals[v % PROPOSALS]!;
    const choice = choices[(v * 31 + Math.floor(v / members.length)) % choices.length]!;
    const reason = `${member.id} votes ${choice} on ${proposal} (ballot ${v})`;
    append(member, 'vote.cast', { proposal, ballot: { choice }, reason }, tick());
  }
  // After voting (with any late-quorum extension) and the timelock, each proposal is executed.
  at += 17 * DAY;
  for (const [p, id] of proposals.entries())
    append(members[p]!, 'proposal.execute', { proposal: id }, tick());
  return { events: seq, votes: args.votes };
}
