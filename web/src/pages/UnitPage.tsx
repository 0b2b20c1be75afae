import { api } from '../api.js';
import { Commitment } from '../components/Commitment.js';
import { Counts, Criteria, StatusMark } from '../components/Criteria.js';
import { ErrorBox, Layout, Loading } from '../components/Layout.js';
import { MoveStatusBadge } from '../components/MoveStatusBadge.js';
import { PolicyWords } from '../components/PolicyWords.js';
import { Slider } from '../components/Slider.js';
import { UnitEvidence } from '../components/UnitEvidence.js';
import { UnitEvidenceMetrics } from '../components/UnitEvidenceMetrics.js';
import { formatInstant } from '../format.js';
import { useLiveHead } from '../live.js';
import { PhaseBadge } from '../proposals/PhaseBadge.js';
import { paths } from '../router.js';
import { useData } from '../useData.js';

async function loadUnit(org: string, unit: string, signal: AbortSignal) {
  const [view, explanation, plan, proposals] = await Promise.all([
    api.unit(org, unit, signal),
    api.explain(org, unit, signal),
    api.plan(org, signal),
    api.proposals(org, signal),
  ]);
  return { view, explanation, plan, proposals: proposals.proposals.filter((p) => p.unit === unit).reverse() };
}

/**
 * One unit: its ladder with the current level and the target, who decides today and at the next
 * level, the readiness checklist of the next move with a reason for every criterion, the evidence
 * behind its observed level, its dependencies and commitments, its proposals with their phases, and
 * its log metrics.
 */
export function UnitPage(props: { org: string; unit: string }) {
  const { org, unit } = props;
  const live = useLiveHead(org);
  const data = useData((signal) => loadUnit(org, unit, signal), [org, unit], {
    seq: live.seq,
    seqOf: (d) => d.plan.seq,
  });
  if (data.status !== 'ready') {
    return (
      <Layout org={org} current="unit" live={live}>
        {data.status === 'loading' ? (
          <Loading what="the unit" />
        ) : (
          <ErrorBox error={data.error} what="the unit" />
        )}
      </Layout>
    );
  }
  const { view, explanation, plan, proposals } = data.data;
  const assessment = plan.plan.assessments.find((a) => a.unit === unit);
  const commitments = plan.plan.commitments.filter((c) => c.unit === unit);
  const levels = view.levels.map((l) => ({ index: l.index, id: l.id, name: l.name }));
  return (
    <Layout org={org} name={plan.board.organization.name} current="unit" live={live}>
      <nav class="crumbs" aria-label="Breadcrumb">
        <a href={paths.board(org)}>Board</a> <span aria-hidden="true">/</span> {explanation.dimension.name}
      </nav>
      <div class="page-head">
        <div>
          <p class="eyebrow">{explanation.dimension.name}</p>
          <h1>{view.name}</h1>
          {view.description !== undefined && <p class="lede">{view.description}</p>}
          <p class="muted">
            Owned today by {explanation.owners}.
            {view.level.since !== '' && (
              <>
                {' '}
                At {view.level.name} since {formatInstant(view.level.since)}.
              </>
            )}
          </p>
        </div>
      </div>
      <section class="card" aria-labelledby="ladder">
        <h2 id="ladder">Ladder</h2>
        <Slider name={view.name} levels={levels} level={view.level.index} target={view.target.index} />
        <ol class="ladder">
          {view.levels.map((level) => (
            <li
              key={level.id}
              class={`ladder__step${level.index === view.level.index ? ' is-current' : ''}${level.index === view.target.index ? ' is-target' : ''}${level.index < view.level.index ? ' is-reached' : ''}`}
              aria-current={level.index === view.level.index ? 'step' : undefined}
            >
              <div class="ladder__title">
                <span class="ladder__index">{level.index}</span>
                <strong>{level.name}</strong>
                {level.index === view.level.index && <span class="badge badge--current">Current</span>}
                {level.index === view.target.index && <span class="badge badge--target">Target</span>}
              </div>
              {level.summary !== undefined && <p class="ladder__summary">{level.summary}</p>}
              <p class="ladder__policy">{level.policy}</p>
            </li>
          ))}
        </ol>
      </section>
      <div class="two">
        <section class="card" aria-labelledby="today">
          <h2 id="today">Today: {explanation.today.name}</h2>
          <PolicyWords policy={explanation.today.policy} />
        </section>
        <section class="card" aria-labelledby="next">
          {explanation.next === undefined ? (
            <>
              <h2 id="next">Next level</h2>
              <p class="empty">This is the top of the ladder.</p>
            </>
          ) : (
            <>
              <h2 id="next">Next: {explanation.next.name}</h2>
              <PolicyWords policy={explanation.next.policy} />
            </>
          )}
        </section>
      </div>
      <section class="card" aria-labelledby="readiness">
        <h2 id="readiness">Readiness for the next move</h2>
        {assessment === undefined ? (
          <p class="empty">The unit is at its target: no move is planned.</p>
        ) : (
          <>
            <p class="readiness__summary">
              <MoveStatusBadge status={assessment.status} /> <Counts counts={assessment.counts} />
            </p>
            {assessment.readiness === undefined ? (
              <p class="empty">The next level sets no readiness criteria.</p>
            ) : (
              <Criteria result={assessment.readiness} />
            )}
            {assessment.requirements !== undefined && (
              <>
                <h3>To be at the next level</h3>
                <Criteria result={assessment.requirements} />
              </>
            )}
          </>
        )}
      </section>
      <section class="card" aria-labelledby="evidence">
        <h2 id="evidence">Evidence</h2>
        {view.evidence === undefined ? (
          <p class="empty">The server sent no evidence for this unit.</p>
        ) : (
          <UnitEvidence evidence={view.evidence} levels={view.levels} />
        )}
      </section>
      <div class="two">
        <section class="card" aria-labelledby="dependencies">
          <h2 id="dependencies">Dependencies</h2>
          {assessment !== undefined && assessment.dependencies.length > 0 ? (
            <ul class="plain">
              {assessment.dependencies.map((d) => (
                <li key={d.unit} class="dependency">
                  <StatusMark status={d.met ? 'met' : 'unmet'} /> {d.text}{' '}
                  <a href={paths.unit(org, d.unit)}>Open {d.unitName}</a>
                </li>
              ))}
            </ul>
          ) : explanation.dependsOn.length > 0 ? (
            <ul class="plain">
              {explanation.dependsOn.map((text) => (
                <li key={text}>{text}</li>
              ))}
            </ul>
          ) : (
            <p class="empty">This unit depends on no other unit.</p>
          )}
        </section>
        <section class="card" aria-labelledby="unit-commitments">
          <h2 id="unit-commitments">Commitments</h2>
          {commitments.length === 0 ? (
            <p class="empty">No public commitments for this unit.</p>
          ) : (
            <ul class="plain">
              {commitments.map((c) => (
                <li key={c.id}>
                  <Commitment commitment={c} now={plan.plan.now} />
                  {c.statement !== undefined && <p class="muted small">{c.statement}</p>}
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      <section class="card" aria-labelledby="decisions">
        <h2 id="decisions">Proposals and decisions</h2>
        {proposals.length === 0 ? (
          <p class="empty">No proposals on this unit yet.</p>
        ) : (
          <ul class="plain">
            {proposals.slice(0, 8).map((p) => (
              <li key={p.id}>
                <a href={paths.proposal(org, p.id)}>{p.title ?? p.id}</a> <PhaseBadge phase={p.phase} />
              </li>
            ))}
          </ul>
        )}
        <p>
          Each runs under the policy of the unit's level when it opened:{' '}
          <a class="unit-proposals" href={paths.unitProposals(org, unit)}>
            see and open proposals on {view.name}
          </a>
          .
        </p>
      </section>
      <section class="card" aria-labelledby="metrics">
        <h2 id="metrics">Metrics</h2>
        {view.evidence === undefined ? (
          <p class="empty">No metric history yet for this unit.</p>
        ) : (
          <UnitEvidenceMetrics metrics={view.evidence.metrics} window={view.evidence.window} />
        )}
      </section>
    </Layout>
  );
}
