import { useMemo, useRef, useState } from 'preact/hooks';
import type { BoardUnitView, BoardView } from '../../../src/server/boardView.js';
import { api } from '../api.js';
import { Commitment } from '../components/Commitment.js';
import { Counts } from '../components/Criteria.js';
import { ErrorBox, Layout, Loading } from '../components/Layout.js';
import { MoveStatusBadge } from '../components/MoveStatusBadge.js';
import { Observed } from '../components/Observed.js';
import { Radar } from '../components/Radar.js';
import { Slider } from '../components/Slider.js';
import { Timeline } from '../components/Timeline.js';
import { formatDate, plural } from '../format.js';
import { useLiveHead } from '../live.js';
import { paths } from '../router.js';
import { useData } from '../useData.js';

function UnitRow(props: { org: string; unit: BoardUnitView; now: number }) {
  const { org, unit, now } = props;
  const atTarget = unit.level.index >= unit.target.index;
  return (
    <li class="unit-row" data-unit={unit.id}>
      <div class="unit-row__head">
        <a class="unit-row__name" href={paths.unit(org, unit.id)}>
          {unit.name}
        </a>
        <span class="unit-row__levels">
          <strong>{unit.level.name}</strong>
          {atTarget ? ' · at target' : ` → ${unit.target.name}`}
        </span>
      </div>
      <Slider name={unit.name} levels={unit.levels} level={unit.level.index} target={unit.target.index} />
      <div class="unit-row__facts">
        {unit.move === undefined ? (
          <span class="badge badge--met">At target</span>
        ) : (
          <>
            <MoveStatusBadge status={unit.move.status} />
            <Counts counts={unit.move.counts} />
          </>
        )}
        {unit.commitments.map((c) => (
          <Commitment key={c.id} commitment={c} now={now} />
        ))}
      </div>
      {unit.blockedBy.length > 0 && (
        <ul class="blockers" aria-label={`What blocks ${unit.name}`}>
          {unit.blockedBy.map((b) => (
            <li key={b}>{b}</li>
          ))}
        </ul>
      )}
      <Observed observed={unit.observed} />
    </li>
  );
}

/** The board itself, drawn from one answer of `GET /board`. */
function Board(props: { org: string; view: BoardView; refreshing: boolean }) {
  const { org, view } = props;
  const units = view.dimensions.reduce((n, d) => n + d.units.length, 0);
  const late = view.commitments.filter((c) => c.status === 'overdue' || c.status === 'at-risk').length;
  return (
    <>
      <div class="page-head">
        <div>
          <p class="eyebrow">{view.organization.kind} organization</p>
          <h1>{view.organization.name}</h1>
        </div>
        <p class="muted">Plan as of {formatDate(view.now)}</p>
      </div>
      <ul class="stats" aria-label="Summary">
        <li>
          <span class="stats__value">{units}</span> units
        </li>
        <li>
          <span class="stats__value">{view.atTarget}</span> at target
        </li>
        <li>
          <span class="stats__value">{view.ready}</span> {view.ready === 1 ? 'move' : 'moves'} ready
        </li>
        <li class={late > 0 ? 'stats--warn' : ''}>
          <span class="stats__value">{late}</span> commitments overdue or at risk
        </li>
      </ul>
      <div class="board" data-rendered={props.refreshing ? undefined : String(view.seq)}>
        <div class="board__main">
          {view.dimensions.map((dimension) => (
            <section key={dimension.id} class="card dimension" aria-labelledby={`dim-${dimension.id}`}>
              <div class="dimension__head">
                <h2 id={`dim-${dimension.id}`}>{dimension.name}</h2>
                <span class="muted">{plural(dimension.units.length, 'unit')}</span>
              </div>
              <div class="dimension__body">
                <ul class="unit-list">
                  {dimension.units.map((unit) => (
                    <UnitRow key={unit.id} org={org} unit={unit} now={view.now} />
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
            {view.next.length === 0 ? (
              <p class="empty">Every unit is at its target.</p>
            ) : (
              <ol class="moves">
                {view.next.map((r) => (
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
            {view.commitments.length === 0 ? (
              <p class="empty">No public commitments.</p>
            ) : (
              <ul class="plain">
                {view.commitments.map((c) => (
                  <li key={c.id}>
                    <Commitment commitment={c} now={view.now} showUnit />
                  </li>
                ))}
              </ul>
            )}
          </section>
          <section class="card" aria-labelledby="timeline">
            <h2 id="timeline">Timeline</h2>
            <Timeline timeline={view.timeline} org={org} />
          </section>
        </aside>
      </div>
    </>
  );
}

/**
 * The organization as a board of sliders grouped by dimension, with the plan and the timeline
 * beside it: one request (`GET /board`), again whenever the log moves. The board is drawn again
 * only when its data changes, not when the live indicator above it does.
 */
export function BoardPage(props: { org: string }) {
  const { org } = props;
  const live = useLiveHead(org);
  // The first answer is asked for as the page is first drawn, and drawn as soon as it arrives:
  // effects, where `useData` asks, run only after the browser has painted the empty page, and the
  // answer (preloaded by the page) is usually waiting by then. `useData` takes the same answer
  // (the same object, so the board is not drawn twice) and asks again whenever the log moves.
  const first = useRef<Promise<BoardView> | null | undefined>(undefined);
  const [early, setEarly] = useState<BoardView | undefined>(undefined);
  if (first.current === undefined) {
    first.current = api.board(org);
    // A failure is shown through `useData`, which takes this promise.
    first.current.then(setEarly, () => {});
  }
  const data = useData(
    (signal) => {
      const answer = first.current;
      first.current = null;
      return answer ?? api.board(org, signal);
    },
    [org],
    { seq: live.seq, seqOf: (d) => d.seq },
  );
  const view = data.status === 'ready' ? data.data : data.status === 'loading' ? early : undefined;
  const refreshing = data.status === 'ready' && data.refreshing;
  const board = useMemo(
    () => (view === undefined ? null : <Board org={org} view={view} refreshing={refreshing} />),
    [org, view, refreshing],
  );
  return (
    <Layout
      org={org}
      {...(view === undefined ? {} : { name: view.organization.name })}
      current="board"
      live={live}
    >
      {view === undefined && data.status === 'loading' ? (
        <Loading what="the board" />
      ) : data.status === 'error' ? (
        <ErrorBox error={data.error} what="the board" />
      ) : (
        board
      )}
    </Layout>
  );
}
