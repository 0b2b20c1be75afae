import type { BoardUnit } from '../../../src/core/explain/buildBoard.js';
import type { CommitmentView, Recommendation } from '../../../src/core/planner/makePlan.js';
import type { MoveAssessment } from '../../../src/core/readiness/assessMove.js';
import { api } from '../api.js';
import { Commitment } from '../components/Commitment.js';
import { Counts } from '../components/Criteria.js';
import { ErrorBox, Layout, Loading } from '../components/Layout.js';
import { MoveStatusBadge } from '../components/MoveStatusBadge.js';
import { Radar } from '../components/Radar.js';
import { Slider } from '../components/Slider.js';
import { Timeline } from '../components/Timeline.js';
import { formatDate, plural } from '../format.js';
import { useLiveHead } from '../live.js';
import { paths } from '../router.js';
import { useData } from '../useData.js';

const TIMELINE_ENTRIES = 25;

function UnitRow(props: {
  org: string;
  unit: BoardUnit;
  assessment: MoveAssessment | undefined;
  recommendation: Recommendation | undefined;
  commitments: readonly CommitmentView[];
  now: number;
}) {
  const { org, unit, assessment, recommendation, commitments, now } = props;
  const atTarget = unit.level.index >= unit.target.index;
  return (
    <li class="unit-row" data-unit={unit.id}>
      <div class="unit-row__head">
        <a class="unit-row__name" href={paths.unit(org, unit.id)}>
          {unit.name}
        </a>
        <span class="unit-row__levels">
          <strong>{unit.level.name}</strong>
          {atTarget ? (
            <span class="muted"> · at target</span>
          ) : (
            <span class="muted"> → {unit.target.name}</span>
          )}
        </span>
      </div>
      <Slider name={unit.name} levels={unit.levels} level={unit.level.index} target={unit.target.index} />
      <div class="unit-row__facts">
        {assessment === undefined ? (
          <span class="badge badge--met">At target</span>
        ) : (
          <>
            <MoveStatusBadge status={assessment.status} />
            <Counts counts={assessment.counts} />
          </>
        )}
        {commitments.map((c) => (
          <Commitment key={c.id} commitment={c} now={now} />
        ))}
      </div>
      {recommendation !== undefined && recommendation.blockedBy.length > 0 && (
        <ul class="blockers" aria-label={`What blocks ${unit.name}`}>
          {recommendation.blockedBy.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** The organization as a board of sliders grouped by dimension, with the plan and the timeline beside it. */
export function BoardPage(props: { org: string }) {
  const { org } = props;
  const live = useLiveHead(org);
  const data = useData((signal) => api.plan(org, signal), [org], { seq: live.seq, seqOf: (d) => d.seq });
  const timeline = useData((signal) => api.timeline(org, TIMELINE_ENTRIES, signal), [org], {
    seq: live.seq,
    seqOf: (t) => t.seq,
  });
  if (data.status === 'loading')
    return (
      <Layout org={org} current="board" live={live}>
        <Loading what="the board" />
      </Layout>
    );
  if (data.status === 'error')
    return (
      <Layout org={org} current="board" live={live}>
        <ErrorBox error={data.error} what="the board" />
      </Layout>
    );
  const { board, plan } = data.data;
  const assessments = new Map(plan.assessments.map((a) => [a.unit, a]));
  const recommendations = new Map(plan.recommendations.map((r) => [r.unit, r]));
  const units = board.dimensions.flatMap((d) => d.units);
  const ready = plan.recommendations.filter((r) => r.status === 'ready').length;
  const late = plan.commitments.filter((c) => c.status === 'overdue' || c.status === 'at-risk').length;
  return (
    <Layout org={org} name={board.organization.name} current="board" live={live}>
      <div class="page-head">
        <div>
          <p class="eyebrow">{board.organization.kind} organization</p>
          <h1>{board.organization.name}</h1>
        </div>
        <p class="muted">Plan as of {formatDate(plan.now)}</p>
      </div>
      <ul class="stats" aria-label="Summary">
        <li>
          <span class="stats__value">{units.length}</span> units
        </li>
        <li>
          <span class="stats__value">{plan.atTarget.length}</span> at target
        </li>
        <li>
          <span class="stats__value">{ready}</span> {ready === 1 ? 'move' : 'moves'} ready
        </li>
        <li class={late > 0 ? 'stats--warn' : ''}>
          <span class="stats__value">{late}</span> commitments overdue or at risk
        </li>
      </ul>
      <div class="board" data-rendered={data.refreshing ? undefined : String(data.data.seq)}>
        <div class="board__main">
          {board.dimensions.map((dimension) => (
            <section key={dimension.id} class="card dimension" aria-labelledby={`dim-${dimension.id}`}>
              <div class="dimension__head">
                <h2 id={`dim-${dimension.id}`}>{dimension.name}</h2>
                <span class="muted">{plural(dimension.units.length, 'unit')}</span>
              </div>
              <div class="dimension__body">
                <ul class="unit-list">
                  {dimension.units.map((unit) => (
                    <UnitRow
                      key={unit.id}
                      org={org}
                      unit={unit}
                      assessment={assessments.get(unit.id)}
                      recommendation={recommendations.get(unit.id)}
                      commitments={plan.commitments.filter((c) => c.unit === unit.id)}
                      now={plan.now}
                    />
                  ))}
                </ul>
                <Radar name={`${dimension.name}: current and target levels`} units={dimension.units} />
              </div>
            </section>
          ))}
        </div>
        <aside class="board__side">
          <section class="card" aria-labelledby="next-moves">
            <h2 id="next-moves">Next moves</h2>
            {plan.recommendations.length === 0 ? (
              <p class="empty">Every unit is at its target.</p>
            ) : (
              <ol class="moves">
                {plan.recommendations.slice(0, 5).map((r) => (
                  <li key={r.unit}>
                    <div>
                      <a href={paths.unit(org, r.unit)}>{r.unitName}</a>: {r.from.name} → {r.to.name}{' '}
                      <MoveStatusBadge status={r.status} />
                    </div>
                    <p class="muted small">{r.summary}</p>
                  </li>
                ))}
              </ol>
            )}
          </section>
          <section class="card" aria-labelledby="commitments">
            <h2 id="commitments">Commitments</h2>
            {plan.commitments.length === 0 ? (
              <p class="empty">No public commitments.</p>
            ) : (
              <ul class="plain">
                {plan.commitments.map((c) => (
                  <li key={c.id}>
                    <Commitment commitment={c} now={plan.now} showUnit />
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section class="card" aria-labelledby="timeline">
            <h2 id="timeline">Timeline</h2>
            {timeline.status === 'ready' ? (
              <Timeline timeline={timeline.data} org={org} />
            ) : timeline.status === 'error' ? (
              <ErrorBox error={timeline.error} what="the timeline" />
            ) : (
              <Loading what="the timeline" />
            )}
          </section>
        </aside>
      </div>
    </Layout>
  );
}
