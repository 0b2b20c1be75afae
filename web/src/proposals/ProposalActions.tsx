import { useState } from 'preact/hooks';
import type { ProposalDetailView, RecordedAction } from '../api.js';
import { ActForm, inputError, TextField } from './ActForm.js';
import { BallotFields } from './BallotFields.js';
import { type BallotDraft, ballotOf, EMPTY_BALLOT } from './ballotOf.js';

type Act = (kind: string, payload: unknown) => Promise<RecordedAction>;

/** A text field that is the whole of an act's payload beside the proposal id. */
function TextAct(props: {
  id: string;
  title: string;
  label: string;
  submit: string;
  kind: string;
  field: 'reason' | 'advice';
  proposal: string;
  act: Act;
}) {
  const [text, setText] = useState('');
  return (
    <ActForm
      title={props.title}
      submit={props.submit}
      act={props.act}
      build={() =>
        text.trim() === ''
          ? inputError(`${props.label} cannot be empty.`)
          : { kind: props.kind, payload: { proposal: props.proposal, [props.field]: text.trim() } }
      }
      onRecorded={() => setText('')}
    >
      <TextField id={props.id} label={props.label} rows={3} value={text} onInput={setText} />
    </ActForm>
  );
}

const OPEN = new Set(['draft', 'consultation', 'voting', 'deciding']);

/**
 * What a member can do to a proposal at its phase, each a signed action: vote with the ballot
 * of its method, object (consent), advise (advice process), decide (single owner, or the proposer
 * after advice), veto (in the veto window), execute (once it may run). The server decides who
 * may; a refusal is shown beside the button that sent it.
 */
export function ProposalActions(props: { proposal: ProposalDetailView; act: Act }) {
  const { proposal, act } = props;
  const { method, phase, id } = proposal;
  const [draft, setDraft] = useState<BallotDraft>(EMPTY_BALLOT);
  const [reason, setReason] = useState('');
  const [decision, setDecision] = useState<'passed' | 'rejected' | ''>('');
  const [decideReason, setDecideReason] = useState('');
  const votes = phase === 'voting' && method !== 'single-owner' && method !== 'advice';
  const decides =
    phase === 'deciding' || (method === 'single-owner' && (phase === 'consultation' || phase === 'voting'));
  const forms = [
    votes && (
      <ActForm
        key="vote"
        title="Vote"
        submit="Sign and cast the vote"
        act={act}
        build={() => {
          const built = ballotOf({ method, options: proposal.options, draft, reason });
          if ('problem' in built) return inputError(built.problem);
          const inside = method === 'consent' || method === 'optimistic';
          return {
            kind: 'vote.cast',
            payload: {
              proposal: id,
              ballot: built.ballot,
              ...(inside || reason.trim() === '' ? {} : { reason: reason.trim() }),
            },
          };
        }}
      >
        <BallotFields method={method} options={proposal.options} draft={draft} onChange={setDraft} />
        {method !== 'advice' && (
          <TextField
            id="vote-reason"
            label="Reason"
            hint={proposal.policyWords.rationale}
            rows={2}
            value={reason}
            onInput={setReason}
          />
        )}
      </ActForm>
    ),
    method === 'consent' && OPEN.has(phase) && (
      <TextAct
        key="object"
        id="object-reason"
        title="Object"
        label="Your objection"
        submit="Sign the objection"
        kind="proposal.object"
        field="reason"
        proposal={id}
        act={act}
      />
    ),
    method === 'advice' && OPEN.has(phase) && (
      <TextAct
        key="advise"
        id="advice-text"
        title="Give advice"
        label="Your advice"
        submit="Sign the advice"
        kind="proposal.advise"
        field="advice"
        proposal={id}
        act={act}
      />
    ),
    decides && (
      <ActForm
        key="decide"
        title="Decide"
        submit="Sign the decision"
        act={act}
        build={() =>
          decision === ''
            ? inputError('Choose passed or rejected.')
            : {
                kind: 'proposal.decide',
                payload: {
                  proposal: id,
                  decision,
                  ...(decideReason.trim() === '' ? {} : { reason: decideReason.trim() }),
                },
              }
        }
      >
        <fieldset class="choices">
          <legend>Decision</legend>
          {(['passed', 'rejected'] as const).map((value) => (
            <label key={value} class="check">
              <input
                type="radio"
                name="decision"
                checked={decision === value}
                onChange={() => setDecision(value)}
              />{' '}
              {value === 'passed' ? 'Pass it' : 'Reject it'}
            </label>
          ))}
        </fieldset>
        <TextField
          id="decide-reason"
          label="Reason"
          hint={proposal.policyWords.rationale}
          rows={2}
          value={decideReason}
          onInput={setDecideReason}
        />
      </ActForm>
    ),
    (phase === 'veto-window' || (method === 'optimistic' && OPEN.has(phase))) && (
      <TextAct
        key="veto"
        id="veto-reason"
        title="Veto"
        label="Why you veto it"
        submit="Sign the veto"
        kind="proposal.veto"
        field="reason"
        proposal={id}
        act={act}
      />
    ),
    proposal.executable && (
      <ActForm
        key="execute"
        title="Execute"
        submit="Sign and execute"
        act={act}
        build={() => ({ kind: 'proposal.execute', payload: { proposal: id } })}
      >
        <p class="muted small">It passed and its waiting periods are over: executing records its effect.</p>
      </ActForm>
    ),
  ].filter((form) => form !== false);
  return (
    <section class="card" aria-labelledby="acts">
      <h2 id="acts">Take part</h2>
      {forms.length === 0 ? (
        <p class="empty">Nothing can be done in this phase ({phase}); the page updates when it moves on.</p>
      ) : (
        <div class="acts">{forms}</div>
      )}
    </section>
  );
}
