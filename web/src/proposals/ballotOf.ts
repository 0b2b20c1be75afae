/** What a ballot form holds while it is filled in, whatever the method. */
export interface BallotDraft {
  readonly choice: string;
  readonly approve: readonly string[];
  /** Option → its rank (1 is first), or '' when not ranked. */
  readonly ranks: Readonly<Record<string, string>>;
  /** Option → whole-number shares. */
  readonly split: Readonly<Record<string, string>>;
  readonly advice: string;
}

export const EMPTY_BALLOT: BallotDraft = { choice: '', approve: [], ranks: {}, split: {}, advice: '' };

/** The choices a one-question method offers, with their words. */
export const CHOICES: Readonly<Record<string, readonly [string, string][]>> = {
  majority: [
    ['for', 'For'],
    ['against', 'Against'],
    ['abstain', 'Abstain'],
  ],
  supermajority: [
    ['for', 'For'],
    ['against', 'Against'],
    ['abstain', 'Abstain'],
  ],
  'single-owner': [
    ['for', 'For'],
    ['against', 'Against'],
  ],
  consent: [
    ['consent', 'Consent'],
    ['object', 'Object (give your reason)'],
  ],
  optimistic: [['veto', 'Veto']],
};

/**
 * The ballot as the proposal's counting module takes it (see each module's `ballot` schema), or
 * the words saying what is missing. `reason` travels beside the ballot in `vote.cast`, except for
 * consent and optimistic ballots, which carry it inside.
 */
export function ballotOf(args: {
  method: string;
  options: readonly string[];
  draft: BallotDraft;
  reason: string;
}): { ballot: Record<string, unknown> } | { problem: string } {
  const { method, options, draft, reason } = args;
  if (method in CHOICES) {
    if (draft.choice === '') return { problem: 'Choose how you vote.' };
    if (method === 'consent' || method === 'optimistic')
      return { ballot: { choice: draft.choice, ...(reason.trim() === '' ? {} : { reason: reason.trim() }) } };
    return { ballot: { choice: draft.choice } };
  }
  if (method === 'approval') return { ballot: { approve: options.filter((o) => draft.approve.includes(o)) } };
  if (method === 'ranked-choice') {
    const ranked = options
      .filter((o) => (draft.ranks[o] ?? '') !== '')
      .map((o) => [o, Number(draft.ranks[o])] as const)
      .sort((a, b) => a[1] - b[1]);
    if (ranked.length === 0) return { problem: 'Rank at least one option.' };
    const repeated = ranked.find((entry, i) => i > 0 && ranked[i - 1]![1] === entry[1]);
    if (repeated !== undefined)
      return { problem: `Two options share rank ${repeated[1]}: give each its own.` };
    return { ballot: { ranking: ranked.map(([o]) => o) } };
  }
  if (method === 'weighted-split' || method === 'quadratic') {
    const split: Record<string, number> = {};
    for (const o of options) {
      const text = (draft.split[o] ?? '').trim();
      if (text === '') continue;
      if (!/^\d{1,7}$/.test(text)) return { problem: `The share for '${o}' must be a whole number.` };
      split[o] = Number(text);
    }
    if (Object.values(split).every((n) => n === 0)) return { problem: 'Give at least one option a share.' };
    return { ballot: { split } };
  }
  if (method === 'advice') {
    if (draft.advice.trim() === '') return { problem: 'Write your advice.' };
    return { ballot: { advice: draft.advice.trim() } };
  }
  return { problem: `This page cannot fill in a ${method} ballot; use devolve vote --ballot.` };
}
