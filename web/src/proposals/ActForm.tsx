import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { ApiError, type RecordedAction } from '../api.js';

/** A refusal or failure as a readable line next to the control that caused it. */
export function Problem(props: { id: string; error: ApiError }) {
  const { error } = props;
  return (
    <p id={props.id} class="error form-error" role="alert">
      <strong>Not recorded.</strong> {error.message}
      {error.hint !== undefined && <> {error.hint}.</>} <code class="error__code">{error.code}</code>
    </p>
  );
}

let forms = 0;

/**
 * One signed act as a form: its fields, a submit button, and beside the button either the
 * server's refusal (its words and code) or the event the action was recorded as. `build` returns
 * the payload, or an `ApiError` for input the browser can already tell is wrong.
 */
export function ActForm(props: {
  title: string;
  submit: string;
  children?: ComponentChildren;
  build: () => { kind: string; payload: unknown } | ApiError;
  act: (kind: string, payload: unknown) => Promise<RecordedAction>;
  onRecorded?: (recorded: RecordedAction) => void;
  class?: string;
}) {
  const [id] = useState(() => `act-${++forms}`);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ error: ApiError } | { seq: number } | undefined>(undefined);
  const onSubmit = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const built = props.build();
    if (built instanceof ApiError) {
      setOutcome({ error: built });
      return;
    }
    setBusy(true);
    setOutcome(undefined);
    try {
      const recorded = await props.act(built.kind, built.payload);
      setOutcome({ seq: recorded.event.seq });
      props.onRecorded?.(recorded);
    } catch (error) {
      setOutcome({
        error:
          error instanceof ApiError
            ? error
            : new ApiError({ code: 'client', status: 0, message: (error as Error).message }),
      });
    } finally {
      setBusy(false);
    }
  };
  const errorId = `${id}-error`;
  return (
    <form class={`act ${props.class ?? ''}`} aria-labelledby={`${id}-title`} onSubmit={onSubmit} noValidate>
      <h3 id={`${id}-title`}>{props.title}</h3>
      {props.children}
      <div class="act__submit">
        <button
          type="submit"
          class="button"
          disabled={busy}
          aria-describedby={outcome !== undefined && 'error' in outcome ? errorId : undefined}
        >
          {busy ? 'Signing…' : props.submit}
        </button>
        {outcome !== undefined && 'seq' in outcome && (
          <span class="act__done" role="status">
            Signed and recorded as event #{outcome.seq}.
          </span>
        )}
      </div>
      {outcome !== undefined && 'error' in outcome && <Problem id={errorId} error={outcome.error} />}
    </form>
  );
}

/** A labelled field: the label names the control, the hint describes it. */
export function Field(props: { id: string; label: string; hint?: string; children: ComponentChildren }) {
  return (
    <div class="field">
      <label for={props.id}>{props.label}</label>
      {props.children}
      {props.hint !== undefined && (
        <p id={`${props.id}-hint`} class="muted small field__hint">
          {props.hint}
        </p>
      )}
    </div>
  );
}

/** Input the browser can already tell is wrong, as the same kind of error the server sends. */
export const inputError = (message: string) =>
  new ApiError({ code: 'client/invalid-input', status: 0, message });

/** A labelled text area; its hint, when there is one, describes it to screen readers too. */
export function TextField(props: {
  id: string;
  label: string;
  hint?: string;
  rows?: number;
  value: string;
  onInput: (value: string) => void;
}) {
  return (
    <Field id={props.id} label={props.label} {...(props.hint === undefined ? {} : { hint: props.hint })}>
      <textarea
        id={props.id}
        rows={props.rows ?? 2}
        value={props.value}
        aria-describedby={props.hint === undefined ? undefined : `${props.id}-hint`}
        onInput={(e) => props.onInput(e.currentTarget.value)}
      />
    </Field>
  );
}
