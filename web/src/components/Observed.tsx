import type { ObservedSummary } from '../../../src/core/observed/describeObserved.js';

/**
 * Declared beside observed: the level the evidence supports (or "not observed" when there is no
 * evidence to judge by), and each finding with its evidence in words. Nothing when not given.
 */
export function Observed(props: { observed: ObservedSummary | undefined }) {
  const { observed } = props;
  if (observed === undefined) return null;
  return (
    <div class="observed small">
      <p>
        Observed level:{' '}
        {observed.observed === null ? (
          <span class="muted">not observed (no control fact recorded, no decisions in the last 90 days)</span>
        ) : (
          <strong>{observed.observed}</strong>
        )}
      </p>
      {observed.findings.length > 0 && (
        <ul class="plain">
          {observed.findings.map((f) => (
            <li key={`${f.declared} ${f.observed}`}>
              Declared {f.declared}, observed {f.observed}: {f.evidence.join('; ')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
