import type { JsonValue } from './Proposal.js';

/** Everything a member can do to an open proposal, as data: what `checkAct` authorizes. */
export type ProposalAct =
  | { readonly kind: 'vote'; readonly by: string; readonly ballot: JsonValue; readonly reason?: string }
  | { readonly kind: 'object'; readonly by: string; readonly reason: string }
  | { readonly kind: 'advise'; readonly by: string; readonly text: string; readonly party?: string }
  | {
      readonly kind: 'decide';
      readonly by: string;
      readonly outcome: 'passed' | 'rejected';
      readonly reason?: string;
    }
  | { readonly kind: 'veto'; readonly by: string; readonly body?: string; readonly reason?: string }
  | { readonly kind: 'execute'; readonly by: string }
  | { readonly kind: 'expire'; readonly by: string };

export type ProposalActKind = ProposalAct['kind'];
