import type { MethodName } from '../charter/charterSchema.js';

/**
 * What each decision method is made of, in the spirit of OpenZeppelin's Governor: a counting
 * module (how ballots become a result), optional quorum and threshold modules, and the timing the
 * method needs. A policy is checked against these rules once, when it is declared, so a charter
 * can never hold a policy whose parts do not fit together (a quorum on a single-owner decision, a
 * supermajority without a threshold, an optimistic decision nobody can veto).
 */
export interface MethodRule {
  /** Plain words for the counting rule, used by `explain`. */
  readonly counting: string;
  /** Ballots are counted, so quorum, minimum voters and late-quorum extension apply. */
  readonly counted: boolean;
  /** The decision stays open for a period (voting, objections) that must be declared. */
  readonly needsPeriod: boolean;
  readonly threshold: 'required' | 'allowed' | 'forbidden';
  readonly winners: boolean;
  readonly needsConsultation: boolean;
  readonly needsVeto: boolean;
  /** Weight must come from tokens or reputation (quadratic voting over equal weights is plain majority). */
  readonly needsWeightedElectorate: boolean;
}

export const METHOD_RULES: Readonly<Record<MethodName, MethodRule>> = {
  'single-owner': {
    counting: 'any one of them decides alone',
    counted: false,
    needsPeriod: false,
    threshold: 'forbidden',
    winners: false,
    needsConsultation: false,
    needsVeto: false,
    needsWeightedElectorate: false,
  },
  majority: {
    counting: 'by simple majority: more than half of the weight cast for or against',
    counted: true,
    needsPeriod: true,
    threshold: 'forbidden',
    winners: false,
    needsConsultation: false,
    needsVeto: false,
    needsWeightedElectorate: false,
  },
  supermajority: {
    counting: 'by supermajority',
    counted: true,
    needsPeriod: true,
    threshold: 'required',
    winners: false,
    needsConsultation: false,
    needsVeto: false,
    needsWeightedElectorate: false,
  },
  approval: {
    counting: 'by approval voting: each voter approves any number of options and the most approved win',
    counted: true,
    needsPeriod: true,
    threshold: 'forbidden',
    winners: true,
    needsConsultation: false,
    needsVeto: false,
    needsWeightedElectorate: false,
  },
  'ranked-choice': {
    counting:
      'by ranked choice (instant runoff): the option with fewest first preferences is eliminated until one has a majority',
    counted: true,
    needsPeriod: true,
    threshold: 'forbidden',
    winners: false,
    needsConsultation: false,
    needsVeto: false,
    needsWeightedElectorate: false,
  },
  quadratic: {
    counting: 'by quadratic voting: each voter’s votes count as the square root of the weight spent on them',
    counted: true,
    needsPeriod: true,
    threshold: 'forbidden',
    winners: false,
    needsConsultation: false,
    needsVeto: false,
    needsWeightedElectorate: true,
  },
  'weighted-split': {
    counting: 'by weighted split: each voter divides their weight among the options',
    counted: true,
    needsPeriod: true,
    threshold: 'forbidden',
    winners: false,
    needsConsultation: false,
    needsVeto: false,
    needsWeightedElectorate: false,
  },
  consent: {
    counting: 'by consent: the proposal passes unless one of them raises a reasoned objection',
    counted: false,
    needsPeriod: true,
    threshold: 'forbidden',
    winners: false,
    needsConsultation: false,
    needsVeto: false,
    needsWeightedElectorate: false,
  },
  advice: {
    counting: 'by advice process: the proposer decides, after seeking advice from those consulted',
    counted: false,
    needsPeriod: false,
    threshold: 'forbidden',
    winners: false,
    needsConsultation: true,
    needsVeto: false,
    needsWeightedElectorate: false,
  },
  optimistic: {
    counting: 'optimistically: the proposal passes unless vetoed',
    counted: false,
    needsPeriod: false,
    threshold: 'forbidden',
    winners: false,
    needsConsultation: false,
    needsVeto: true,
    needsWeightedElectorate: false,
  },
};
