import type { LevelView, UnitEvidenceItem, UnitEvidenceView } from '../../../src/server/unitView.js';
import { formatDate, formatInstant, plural } from '../format.js';
import './unitEvidence.css';

const KIND_WORDS: Record<UnitEvidenceItem['kind'], string> = {
  observation: 'Observation',
  control: 'Control fact',
  attestation: 'Attestation',
};

/** Only web links become links: a source may name anything, and a `javascript:` URL must stay text. */
const isWebLink = (source: string) => /^https?:\/\//i.test(source);

/**
 * The unit's declared level beside the one its evidence supports, and the newest evidence behind
 * it with where each piece came from. Unlike the board's compact `Observed` line, it names the
 * levels (not their ids), says which way they differ, and shows the team share and control fact
 * the observation read.
 */
export function UnitEvidence(props: { evidence: UnitEvidenceView; levels: readonly LevelView[] }) {
  const { evidence, levels } = props;
  return (
    <div class="unit-evidence">
      <DeclaredObserved evidence={evidence} levels={levels} />
      <h3 id="unit-evidence-items">Newest evidence</h3>
      <EvidenceTable evidence={evidence} />
    </div>
  );
}

function DeclaredObserved(props: { evidence: UnitEvidenceView; levels: readonly LevelView[] }) {
  const { observed, window } = props.evidence;
  const levelOf = (id: string) => props.levels.find((l) => l.id === id);
  const declared = levelOf(observed.declared);
  const seen = observed.observed === null ? undefined : levelOf(observed.observed);
  const days = Math.round(window / 86_400);
  const comparison =
    declared === undefined || seen === undefined
      ? undefined
      : seen.index < declared.index
        ? { word: 'Observed below declared', tone: 'below' }
        : seen.index > declared.index
          ? { word: 'Observed above declared', tone: 'above' }
          : { word: 'Observed as declared', tone: 'same' };
  return (
    <div class="unit-evidence__levels">
      <dl class="unit-evidence__pair">
        <div class="unit-evidence__level" data-level="declared">
          <dt>Declared</dt>
          <dd>
            <strong>{declared?.name ?? observed.declared}</strong>
            {declared !== undefined && <span class="muted small"> · level {declared.index}</span>}
          </dd>
        </div>
        <div class="unit-evidence__level" data-level="observed" data-observed={observed.observed ?? ''}>
          <dt>Observed</dt>
          <dd>
            {observed.observed === null ? (
              <span class="muted">
                Not observed: no control fact recorded, no decisions in the last {days} days
              </span>
            ) : (
              <>
                <strong>{seen?.name ?? observed.observed}</strong>
                {seen !== undefined && <span class="muted small"> · level {seen.index}</span>}
              </>
            )}
          </dd>
        </div>
      </dl>
      {comparison !== undefined && (
        <p>
          <span class={`badge unit-evidence__verdict unit-evidence__verdict--${comparison.tone}`}>
            {comparison.word}
          </span>
        </p>
      )}
      {observed.findings.length > 0 && (
        <ul class="plain unit-evidence__findings">
          {observed.findings.map((f) => (
            <li key={`${f.declared} ${f.observed}`}>
              Declared {levelOf(f.declared)?.name ?? f.declared}, observed{' '}
              {levelOf(f.observed)?.name ?? f.observed}: {f.evidence.join('; ')}
            </li>
          ))}
        </ul>
      )}
      <ul class="plain muted small">
        {observed.teamShare !== undefined && (
          <li>
            The team made {Math.round(observed.teamShare.value * 100)}% of{' '}
            {plural(observed.teamShare.decisions, 'decision')} in the last {days} days.
          </li>
        )}
        {observed.control !== undefined && (
          <li>
            Upgrade control of <code class="unit-evidence__address">{observed.control.subject}</code> as
            observed on {formatDate(observed.control.observedAt)}.
          </li>
        )}
      </ul>
    </div>
  );
}

function EvidenceTable(props: { evidence: UnitEvidenceView }) {
  const { evidence, evidenceCount } = props.evidence;
  if (evidence.length === 0) {
    return (
      <p class="empty">
        No evidence recorded yet — <code>devolve observe --record</code> records who controls the unit's
        contracts, <code>devolve evidence add evidence.yaml</code> its observations and attestations.
      </p>
    );
  }
  return (
    <>
      <p class="muted small unit-evidence__count" data-count={evidenceCount}>
        {evidence.length < evidenceCount
          ? `The ${evidence.length} newest of ${evidenceCount} pieces of evidence.`
          : `All ${plural(evidenceCount, 'piece')} of evidence, newest first.`}
      </p>
      <div class="unit-evidence__wrap">
        <table class="unit-evidence__table" aria-labelledby="unit-evidence-items">
          <thead>
            <tr>
              <th scope="col">What</th>
              <th scope="col">Value</th>
              <th scope="col">Origin</th>
              <th scope="col">Dated</th>
              <th scope="col">Recorded</th>
            </tr>
          </thead>
          <tbody>
            {evidence.map((item, i) => (
              <tr key={`${item.at} ${item.subject} ${i}`} data-kind={item.kind}>
                <td data-label="What">
                  <div>
                    <span class="unit-evidence__subject">{item.subject}</span>
                    <span class="muted small"> {KIND_WORDS[item.kind]}</span>
                  </div>
                </td>
                <td data-label="Value">{item.says}</td>
                <td data-label="Origin" class="unit-evidence__origin">
                  <div>
                    {item.origin}
                    {item.signed && <span class="badge badge--met unit-evidence__signed">signed</span>}
                    {item.source !== undefined && (
                      <div class="small">
                        Source:{' '}
                        {isWebLink(item.source) ? (
                          <a href={item.source} rel="noreferrer">
                            {item.source}
                          </a>
                        ) : (
                          <span class="muted">{item.source}</span>
                        )}
                      </div>
                    )}
                  </div>
                </td>
                <td data-label="Dated">{formatDate(item.at)}</td>
                <td data-label="Recorded">
                  {item.recordedAt === undefined ? (
                    <span class="muted">not stored</span>
                  ) : (
                    formatInstant(item.recordedAt)
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
