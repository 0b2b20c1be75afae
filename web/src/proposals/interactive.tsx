import type { UnitView } from '../../../src/server/unitView.js';
import type { ProposalDetailView } from '../api.js';
import { useSigner } from '../signing/useSigner.js';
import { NewProposalForm } from './NewProposalForm.js';
import { ProposalActions } from './ProposalActions.js';
import { type MemberView, SignerPanel } from './SignerPanel.js';

/**
 * The part of the proposal pages that signs: loaded only when a proposal page opens, so the board
 * and the public page never download it.
 */
export function ProposalWorkbench(props: {
  org: string;
  members: readonly MemberView[];
  proposal: ProposalDetailView;
}) {
  const signer = useSigner(props.org);
  const member = props.members.find((m) => m.id === signer.member);
  return (
    <>
      <SignerPanel signer={signer} members={props.members} />
      <ProposalActions
        proposal={props.proposal}
        act={(kind, payload) => signer.act(kind, payload, member?.key)}
      />
    </>
  );
}

export function NewProposalWorkbench(props: {
  org: string;
  members: readonly MemberView[];
  units: readonly UnitView[];
  unit?: string | undefined;
  taken: readonly string[];
}) {
  const signer = useSigner(props.org);
  const member = props.members.find((m) => m.id === signer.member);
  return (
    <>
      <SignerPanel signer={signer} members={props.members} />
      <NewProposalForm
        org={props.org}
        units={props.units}
        unit={props.unit}
        taken={props.taken}
        act={(kind, payload) => signer.act(kind, payload, member?.key)}
      />
    </>
  );
}
