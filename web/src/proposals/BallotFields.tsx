import { Field, TextField } from './ActForm.js';
import { type BallotDraft, CHOICES } from './ballotOf.js';

/** The controls of a ballot for `method`: radio buttons, checkboxes, ranks or shares. */
export function BallotFields(props: {
  method: string;
  options: readonly string[];
  draft: BallotDraft;
  onChange: (draft: BallotDraft) => void;
}) {
  const { method, options, draft, onChange } = props;
  const choices = CHOICES[method];
  if (choices !== undefined) {
    return (
      <fieldset class="choices">
        <legend>Your vote</legend>
        {choices.map(([value, label]) => (
          <label key={value} class="check">
            <input
              type="radio"
              name={`choice-${method}`}
              value={value}
              checked={draft.choice === value}
              onChange={() => onChange({ ...draft, choice: value })}
            />{' '}
            {label}
          </label>
        ))}
      </fieldset>
    );
  }
  if (method === 'approval') {
    return (
      <fieldset class="choices">
        <legend>Approve any number of options</legend>
        {options.map((o) => (
          <label key={o} class="check">
            <input
              type="checkbox"
              checked={draft.approve.includes(o)}
              onChange={(e) =>
                onChange({
                  ...draft,
                  approve: e.currentTarget.checked
                    ? [...draft.approve, o]
                    : draft.approve.filter((x) => x !== o),
                })
              }
            />{' '}
            {o}
          </label>
        ))}
      </fieldset>
    );
  }
  if (method === 'ranked-choice') {
    return (
      <fieldset class="choices">
        <legend>Rank the options (1 is your first choice; leave any unranked)</legend>
        {options.map((o, i) => (
          <Field key={o} id={`rank-${i}`} label={`Rank for ${o}`}>
            <select
              id={`rank-${i}`}
              value={draft.ranks[o] ?? ''}
              onChange={(e) => onChange({ ...draft, ranks: { ...draft.ranks, [o]: e.currentTarget.value } })}
            >
              <option value="">Not ranked</option>
              {options.map((_, r) => (
                <option key={r} value={String(r + 1)}>
                  {r + 1}
                </option>
              ))}
            </select>
          </Field>
        ))}
      </fieldset>
    );
  }
  if (method === 'weighted-split' || method === 'quadratic') {
    return (
      <fieldset class="choices">
        <legend>
          {method === 'quadratic'
            ? 'Spend your voice credits: shares per option (√credits become votes)'
            : 'Split your weight: whole-number shares per option'}
        </legend>
        {options.map((o, i) => (
          <Field key={o} id={`share-${i}`} label={`Shares for ${o}`}>
            <input
              id={`share-${i}`}
              inputMode="numeric"
              value={draft.split[o] ?? ''}
              onInput={(e) => onChange({ ...draft, split: { ...draft.split, [o]: e.currentTarget.value } })}
            />
          </Field>
        ))}
      </fieldset>
    );
  }
  if (method === 'advice') {
    return (
      <TextField
        id="ballot-advice"
        label="Your advice"
        rows={3}
        value={draft.advice}
        onInput={(advice) => onChange({ ...draft, advice })}
      />
    );
  }
  return null;
}
