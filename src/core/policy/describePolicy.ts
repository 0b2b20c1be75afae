import type { Organization, Party, Policy, Weight } from '../model/Organization.js';
import { formatRatio } from '../ratio/Ratio.js';
import { describeDuration, formatDuration } from '../time/Duration.js';
import { METHOD_RULES } from './methodRules.js';

/** The display name of a party: a role's name, "every member" or "anyone". */
export function describeParty(args: { party: Party; organization: Organization }): string {
  const { party, organization } = args;
  if (party.kind === 'members') return 'every member';
  if (party.kind === 'anyone') return 'anyone';
  return organization.roles.find((role) => role.id === party.role)?.name ?? party.role;
}

/** Parties joined for a sentence: "Core team, Risk council and every member"; "nobody" when empty. */
export function describeParties(args: { parties: readonly Party[]; organization: Organization }): string {
  const names = args.parties.map((party) => describeParty({ party, organization: args.organization }));
  if (names.length === 0) return 'nobody';
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export function describeWeight(weight: Weight): string {
  if (weight.kind === 'equal') return 'one vote each';
  if (weight.kind === 'token') return `weighted by ${weight.token} held`;
  return `weighted by ${weight.name} reputation`;
}

/**
 * One stable line describing a policy, for tables, the log and the dashboard. The same policy
 * always renders the same line, and every module present appears in a fixed order: propose,
 * consult, decide (method, deciders, weight, threshold, quorum, period), veto, timelock, rationale.
 *
 * @example
 * describePolicy({ policy, organization })
 * // 'propose: Core team · consult: every member 1w · decide: majority of Risk council, one vote each, quorum 50%, 5d · veto: Core team within 3d'
 */
export function describePolicy(args: { policy: Policy; organization: Organization }): string {
  const { policy, organization } = args;
  const who = (parties: readonly Party[]) => describeParties({ parties, organization });
  const parts = [`propose: ${who(policy.propose)}`];
  if (policy.consultation !== undefined) {
    parts.push(`consult: ${who(policy.consultation.with)} ${formatDuration(policy.consultation.period)}`);
  }
  const decide = [`${policy.method} of ${who(policy.deciders)}`];
  if (METHOD_RULES[policy.method].counted) decide.push(describeWeight(policy.weight));
  if (policy.threshold !== undefined) decide.push(`threshold ${formatRatio(policy.threshold)}`);
  if (policy.winners !== undefined) decide.push(`${policy.winners} winner${policy.winners === 1 ? '' : 's'}`);
  if (policy.quorum !== undefined) decide.push(`quorum ${formatRatio(policy.quorum)}`);
  if (policy.minVoters !== undefined) decide.push(`min ${policy.minVoters} voters`);
  if (policy.period !== undefined) decide.push(formatDuration(policy.period));
  if (policy.lateQuorumExtension !== undefined)
    decide.push(`late-quorum +${formatDuration(policy.lateQuorumExtension)}`);
  parts.push(`decide: ${decide.join(', ')}`);
  if (policy.veto !== undefined)
    parts.push(`veto: ${who(policy.veto.by)} within ${formatDuration(policy.veto.window)}`);
  if (policy.timelock > 0) parts.push(`timelock ${formatDuration(policy.timelock)}`);
  if (policy.rationale === 'required') parts.push('rationale required');
  return parts.join(' · ');
}

/**
 * Whether the deciders read as plural: several parties, or one whose name's last word is a plural
 * noun ("LUM holders decide", "Founders decide", but "Core team decides", "Risk council decides").
 */
function plural(parties: readonly Party[], names: string): boolean {
  if (parties.length > 1) return true;
  const last = names.split(' ').pop() ?? '';
  return /[^s]s$/i.test(last) && parties[0]?.kind === 'role';
}

/** A policy in plain words, one sentence per module, for `devolve explain` and the unit page. */
export interface PolicyExplanation {
  readonly propose: string;
  readonly consultation: string;
  readonly decide: string;
  readonly veto: string;
  readonly delay: string;
  readonly rationale: string;
}

/**
 * @example
 * explainPolicy({ policy, organization }).decide
 * // 'Risk council decides by simple majority: more than half of the weight cast for or against; one vote each; …'
 */
export function explainPolicy(args: { policy: Policy; organization: Organization }): PolicyExplanation {
  const { policy, organization } = args;
  const who = (parties: readonly Party[]) => describeParties({ parties, organization });
  const rule = METHOD_RULES[policy.method];
  const deciders = who(policy.deciders);
  const details: string[] = [];
  if (rule.counted) details.push(describeWeight(policy.weight));
  if (policy.threshold !== undefined && policy.method !== 'optimistic') {
    details.push(`at least ${formatRatio(policy.threshold)} of the weight cast must be in favour`);
  }
  if (policy.winners !== undefined && policy.winners > 1) details.push(`${policy.winners} options win`);
  if (policy.quorum !== undefined)
    details.push(`at least ${formatRatio(policy.quorum)} of the electorate's weight must take part`);
  if (policy.minVoters !== undefined) details.push(`at least ${policy.minVoters} people must vote`);
  if (policy.period !== undefined) {
    const what = policy.method === 'consent' ? 'objections may be raised for' : 'voting stays open for';
    details.push(`${what} ${describeDuration(policy.period)}`);
  }
  if (policy.lateQuorumExtension !== undefined) {
    details.push(
      `if quorum is reached late, voting is extended to stay open ${describeDuration(policy.lateQuorumExtension)} more`,
    );
  }
  let decide: string;
  switch (policy.method) {
    case 'advice':
      decide = `The proposer decides, after seeking advice from ${who(policy.consultation?.with ?? [])}`;
      break;
    case 'optimistic':
      // An optimistic threshold is the share of the veto holders' weight whose vetoes reject.
      decide =
        policy.threshold === undefined
          ? 'The proposal passes unless it is vetoed'
          : `The proposal passes unless vetoes reach ${formatRatio(policy.threshold)} of the veto holders' weight`;
      break;
    case 'single-owner':
      decide = `Any one member of ${deciders} decides alone`;
      break;
    default:
      decide = `${deciders} ${plural(policy.deciders, deciders) ? 'decide' : 'decides'} ${rule.counting}`;
  }
  // Party names such as 'every member' or 'anyone' may open a sentence.
  const sentence = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
  return {
    propose: sentence(`${who(policy.propose)} may propose.`),
    consultation:
      policy.consultation === undefined
        ? 'There is no required consultation.'
        : `Before a decision, ${who(policy.consultation.with)} ${policy.consultation.with.length > 1 ? 'are' : 'is'} consulted for ${describeDuration(policy.consultation.period)}.`,
    decide: sentence(`${[decide, ...details].join('; ')}.`),
    veto:
      policy.veto === undefined
        ? 'No one can veto a passed decision.'
        : sentence(
            `${who(policy.veto.by)} may veto a passed decision within ${describeDuration(policy.veto.window)}.`,
          ),
    delay:
      policy.timelock === 0
        ? 'A passed decision takes effect at once.'
        : `A passed decision takes effect ${describeDuration(policy.timelock)} later, so anyone who disagrees has that long to exit.`,
    rationale:
      policy.rationale === 'required'
        ? 'Every decision is published with its rationale.'
        : 'Publishing a rationale is optional.',
  };
}
