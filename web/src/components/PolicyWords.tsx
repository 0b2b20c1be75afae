import type { PolicyExplanation } from '../../../src/core/policy/describePolicy.js';

/** A policy in plain words — the same text as `devolve explain`. */
export function PolicyWords(props: { policy: PolicyExplanation }) {
  const { policy } = props;
  const rows: [string, string][] = [
    ['Propose', policy.propose],
    ['Consultation', policy.consultation],
    ['Decide', policy.decide],
    ['Veto', policy.veto],
    ['Delay', policy.delay],
    ['Rationale', policy.rationale],
  ];
  return (
    <dl class="policy">
      {rows.map(([term, text]) => (
        <div key={term} class="policy__row">
          <dt>{term}</dt>
          <dd>{text}</dd>
        </div>
      ))}
    </dl>
  );
}
