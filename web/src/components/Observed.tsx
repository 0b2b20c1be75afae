import type { ObservedSummary } from '../../../src/core/observed/describeObserved.js';

/**
 * Declared beside observed: the level the evidence supports (or "not observed" when there is no
 * evidence to judge by), and each finding with its evidence in words. Nothing when not given.
 */
export function Observed(props: { observed: ObservedSummary | undefined }) {
  const { observed } = props;
  if (observed === undefined) return null;
  const level =
    observed.observed === null ? (
      <span class="muted">not observed (no control fact recorded, no decisions in the last 90 days)</span>
    ) : (
      <strong>{observed.observed}</strong>
    );
  // Without findings it is one line, one paragraph (the board draws one per unit).
  if (observed.findings.length === 0) return <p class="observed small">Observed level: {level}</p>;
  return (
    <div class="observed small">
      <p>Observed level: {level}</p>
      <ul class="plain">
        {observed.findings.map((f) => (
          <li key={`${f.declared} ${f.observed}`}>
            Declared {f.declared}, observed {f.observed}: {f.evidence.join('; ')}
          </li>
        ))}
      </ul>
    </div>
  );
}
