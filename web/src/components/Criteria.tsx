import type { CriterionResult } from '../../../src/core/readiness/evaluateCriterion.js';

const MARK = { met: '✓', unmet: '✗', unknown: '?' } as const;
const WORD = { met: 'Met', unmet: 'Unmet', unknown: 'Unknown' } as const;

export function StatusMark(props: { status: CriterionResult['status'] }) {
  return (
    <span class={`mark mark--${props.status}`} role="img" aria-label={WORD[props.status]}>
      {MARK[props.status]}
    </span>
  );
}

/**
 * A readiness or requirement checklist: each criterion with its verdict and the reason for it. A
 * checklist that is one `all` of several criteria shows them as the list they are.
 */
export function Criteria(props: { result: CriterionResult }) {
  const { result } = props;
  const items = result.kind === 'all' && result.children !== undefined ? result.children : [result];
  return (
    <ul class="criteria">
      {items.map((item, i) => (
        <CriterionItem key={i} result={item} />
      ))}
    </ul>
  );
}

function CriterionItem(props: { result: CriterionResult }) {
  const { result } = props;
  return (
    <li class={`criterion criterion--${result.status}`}>
      <div class="criterion__line">
        <StatusMark status={result.status} />
        <span class="criterion__text">{result.text}</span>
      </div>
      {result.reason !== '' && result.children === undefined && (
        <p class="criterion__reason">{result.reason}</p>
      )}
      {result.children !== undefined && (
        <ul class="criteria">
          {result.children.map((child, i) => (
            <CriterionItem key={i} result={child} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** Met / unmet / unknown counts at a glance. */
export function Counts(props: { counts: { met: number; unmet: number; unknown: number; total: number } }) {
  const { met, unmet, unknown, total } = props.counts;
  if (total === 0) return <span class="counts counts--none">No criteria</span>;
  const words = `${met} met, ${unmet} unmet, ${unknown} unknown`;
  // The words once, for assistive technology and as the tooltip; the marks are for the eye.
  return (
    <span class="counts" title={words}>
      <span class="sr-only">{words}</span>
      <span class="count count--met" aria-hidden="true">{`✓ ${met}`}</span>
      <span class="count count--unmet" aria-hidden="true">{`✗ ${unmet}`}</span>
      <span class="count count--unknown" aria-hidden="true">{`? ${unknown}`}</span>
    </span>
  );
}
