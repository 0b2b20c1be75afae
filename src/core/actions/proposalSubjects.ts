import type { ProposalKind } from '../governance/lifecycle/Proposal.js';
import type { ProposalSubjectKind } from './ProposalSubjectKind.js';
import { subjectCharterChange } from './subjectCharterChange.js';
import { subjectCommitment } from './subjectCommitment.js';
import { subjectDecision } from './subjectDecision.js';
import { subjectSliderMove } from './subjectSliderMove.js';

/** Every kind of proposal, one record each: how it opens and what executing it does. */
export const PROPOSAL_SUBJECTS: Readonly<Record<ProposalKind, ProposalSubjectKind>> = {
  decision: subjectDecision as ProposalSubjectKind,
  'slider-move': subjectSliderMove as ProposalSubjectKind,
  'charter-change': subjectCharterChange as ProposalSubjectKind,
  commitment: subjectCommitment as ProposalSubjectKind,
};
