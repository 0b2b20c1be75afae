import { useState } from 'preact/hooks';
import { nextProposalId } from '../../../src/core/governance/views/nextProposalId.js';
import type { UnitView } from '../../../src/server/unitView.js';
import type { RecordedAction } from '../api.js';
import { navigate, paths } from '../router.js';
import { ActForm, Field, inputError, TextField } from './ActForm.js';

type Kind = 'decision' | 'slider-move' | 'commitment' | 'charter-change';

const KINDS: readonly [Kind, string][] = [
  ['decision', 'Decision'],
  ['slider-move', 'Slider move'],
  ['commitment', 'Commitment'],
  ['charter-change', 'Charter change'],
];

const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');

/**
 * Opens a proposal on a unit (`proposal.create`), decided under the policy of the unit's current
 * level: a decision with its outcome statement, a slider move one notch up or down, or a change
 * to a commitment. A charter change edits the whole charter, so it points to the CLI.
 */
export function NewProposalForm(props: {
  org: string;
  units: readonly UnitView[];
  unit?: string | undefined;
  taken: readonly string[];
  act: (kind: string, payload: unknown) => Promise<RecordedAction>;
}) {
  const { org, units } = props;
  const [unit, setUnit] = useState(props.unit ?? units[0]?.id ?? '');
  const [kind, setKind] = useState<Kind>('decision');
  const [title, setTitle] = useState('');
  const [body, setBody] = useState('');
  const [outcome, setOutcome] = useState('');
  const [to, setTo] = useState('');
  const [override, setOverride] = useState('');
  const [options, setOptions] = useState('');
  const [commitment, setCommitment] = useState({ action: 'add', id: '', level: '', by: '', statement: '' });
  const view = units.find((u) => u.id === unit);
  const notches =
    view === undefined ? [] : view.levels.filter((l) => Math.abs(l.index - view.level.index) === 1);
  const moveTo =
    to !== '' && notches.some((l) => l.id === to)
      ? to
      : (notches.find((l) => l.index > (view?.level.index ?? 0))?.id ?? notches[0]?.id ?? '');
  const id = nextProposalId({ unit, taken: props.taken });

  const build = () => {
    if (view === undefined) return inputError('Choose the unit the proposal concerns.');
    if (title.trim() === '') return inputError('Give the proposal a title.');
    if (kind === 'charter-change')
      return inputError('A charter change is opened from the CLI: devolve propose charter devolve.yaml');
    let subject: Record<string, unknown>;
    if (kind === 'decision') {
      if (outcome.trim() === '')
        return inputError('A decision needs the outcome statement that is recorded when it passes.');
      subject = { outcome: outcome.trim() };
    } else if (kind === 'slider-move') {
      if (moveTo === '') return inputError('This unit has no level one notch away.');
      subject = { to: moveTo, ...(override.trim() === '' ? {} : { override: override.trim() }) };
    } else {
      if (commitment.id.trim() === '') return inputError('Name the commitment by its id.');
      subject = {
        action: commitment.action,
        commitment: {
          id: commitment.id.trim(),
          ...(commitment.level === '' ? {} : { level: commitment.level }),
          ...(commitment.by === '' ? {} : { by: commitment.by }),
          ...(commitment.statement.trim() === '' ? {} : { statement: commitment.statement.trim() }),
        },
      };
    }
    const named = lines(options);
    if (named.length === 1)
      return inputError('Name at least two options, one per line, or none for a yes/no vote.');
    return {
      kind: 'proposal.create',
      payload: {
        id,
        unit,
        kind,
        title: title.trim(),
        ...(body.trim() === '' ? {} : { body: body.trim() }),
        subject,
        ...(named.length === 0 ? {} : { options: named }),
      },
    };
  };

  return (
    <ActForm
      class="card"
      title="New proposal"
      submit="Sign and open the proposal"
      build={build}
      act={props.act}
      onRecorded={() => navigate(paths.proposal(org, id))}
    >
      <p class="muted small">
        It will be <code>{id}</code>, decided under the policy of the unit's current level
        {view === undefined ? '' : ` (${view.level.name}: ${view.level.policy})`}.
      </p>
      <div class="fields">
        <Field id="new-unit" label="Unit">
          <select id="new-unit" value={unit} onChange={(e) => setUnit(e.currentTarget.value)}>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name} — {u.level.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="new-kind" label="Kind">
          <select id="new-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as Kind)}>
            {KINDS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field id="new-title" label="Title">
        <input
          id="new-title"
          value={title}
          maxLength={200}
          onInput={(e) => setTitle(e.currentTarget.value)}
        />
      </Field>
      <TextField
        id="new-body"
        label="Context and reasoning (optional)"
        rows={3}
        value={body}
        onInput={setBody}
      />
      {kind === 'decision' && (
        <TextField
          id="new-outcome"
          label="Outcome statement"
          hint="What is decided, recorded when it passes."
          rows={2}
          value={outcome}
          onInput={setOutcome}
        />
      )}
      {kind === 'slider-move' && (
        <>
          <Field
            id="new-to"
            label="Move the slider to"
            hint="One notch up or down; a move up needs its readiness met."
          >
            <select
              id="new-to"
              value={moveTo}
              aria-describedby="new-to-hint"
              onChange={(e) => setTo(e.currentTarget.value)}
            >
              {notches.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name} ({l.index > (view?.level.index ?? 0) ? 'up' : 'down'})
                </option>
              ))}
            </select>
          </Field>
          <Field
            id="new-override"
            label="Override reason (optional)"
            hint="Only where the unit's policy allows moving although readiness is unmet."
          >
            <input
              id="new-override"
              value={override}
              aria-describedby="new-override-hint"
              onInput={(e) => setOverride(e.currentTarget.value)}
            />
          </Field>
        </>
      )}
      {kind === 'commitment' && (
        <div class="fields">
          <Field id="new-c-action" label="Change">
            <select
              id="new-c-action"
              value={commitment.action}
              onChange={(e) => setCommitment({ ...commitment, action: e.currentTarget.value })}
            >
              <option value="add">Add a commitment</option>
              <option value="extend">Extend its date</option>
              <option value="cancel">Cancel it</option>
            </select>
          </Field>
          <Field id="new-c-id" label="Commitment id">
            <input
              id="new-c-id"
              value={commitment.id}
              onInput={(e) => setCommitment({ ...commitment, id: e.currentTarget.value })}
            />
          </Field>
          <Field id="new-c-level" label="Level promised">
            <select
              id="new-c-level"
              value={commitment.level}
              onChange={(e) => setCommitment({ ...commitment, level: e.currentTarget.value })}
            >
              <option value="">(unchanged)</option>
              {view?.levels.map((l) => (
                <option key={l.id} value={l.id}>
                  {l.name}
                </option>
              ))}
            </select>
          </Field>
          <Field id="new-c-by" label="By (date)">
            <input
              id="new-c-by"
              type="date"
              value={commitment.by}
              onInput={(e) => setCommitment({ ...commitment, by: e.currentTarget.value })}
            />
          </Field>
          <Field id="new-c-statement" label="Public statement">
            <input
              id="new-c-statement"
              value={commitment.statement}
              onInput={(e) => setCommitment({ ...commitment, statement: e.currentTarget.value })}
            />
          </Field>
        </div>
      )}
      {kind === 'charter-change' && (
        <p class="callout">
          A charter change carries the whole edited charter. Edit <code>devolve.yaml</code>, see what it
          changes with <code>devolve diff</code>, then open it with{' '}
          <code>devolve propose charter devolve.yaml</code>; it is listed here once opened.
        </p>
      )}
      {kind !== 'charter-change' && (
        <TextField
          id="new-options"
          label="Options (optional, one per line)"
          hint="For approval, ranked-choice, quadratic or weighted-split policies; leave empty for a yes/no vote."
          rows={2}
          value={options}
          onInput={setOptions}
        />
      )}
    </ActForm>
  );
}
