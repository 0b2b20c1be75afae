import type { TransparencyUnit } from '../../../src/server/transparencyView.js';
import { api } from '../api.js';
import { Commitment } from '../components/Commitment.js';
import { Criteria } from '../components/Criteria.js';
import { ErrorBox, Layout, Loading } from '../components/Layout.js';
import { Observed } from '../components/Observed.js';
import { Slider } from '../components/Slider.js';
import { formatDate, formatInstant } from '../format.js';
import { useLiveHead } from '../live.js';
import { useData } from '../useData.js';

function UnitReport(props: { unit: TransparencyUnit; now: number }) {
  const { unit, now } = props;
  const top = unit.levels.length - 1;
  const centralized = unit.level.index < top;
  return (
    <article class="card report" aria-labelledby={`u-${unit.id}`} data-unit={unit.id}>
      <header class="report__head">
        <h3 id={`u-${unit.id}`}>{unit.name}</h3>
        <p>
          Declared level: <strong>{unit.level.name}</strong>{' '}
          <span class="muted">
            ({unit.level.index} of {top}
            {unit.since === '' ? '' : `, since ${formatDate(unit.since)}`}; target {unit.target.name})
          </span>
        </p>
        <Observed observed={unit.observed} />
      </header>
      <Slider
        name={unit.name}
        levels={unit.levels}
        level={unit.level.index}
        target={unit.target.index}
        compact
      />
      <div class="report__grid">
        <div>
          <h4>{centralized ? 'Still centralized — who holds the power' : 'Who holds the power'}</h4>
          <p class="small">Owned by {unit.owners}.</p>
          <dl class="policy">
            <div class="policy__row">
              <dt>Propose</dt>
              <dd>{unit.power.propose}</dd>
            </div>
            <div class="policy__row">
              <dt>Decide</dt>
              <dd>{unit.power.decide}</dd>
            </div>
            <div class="policy__row">
              <dt>Veto</dt>
              <dd>{unit.power.veto}</dd>
            </div>
          </dl>
        </div>
        <div>
          <h4>Evidence behind the level</h4>
          {unit.requirements === undefined &&
          unit.observations.length === 0 &&
          unit.attestations.length === 0 ? (
            <p class="empty">The level sets no requirements and no evidence is recorded for this unit.</p>
          ) : null}
          {unit.requirements !== undefined && <Criteria result={unit.requirements} />}
          {unit.observations.length > 0 && (
            <ul class="plain small">
              {unit.observations.map((o, i) => (
                <li key={i}>
                  {o.metric}: <strong>{o.value}</strong> on {formatDate(o.at)}
                  {o.source === undefined ? '' : ` — ${o.source}`}
                </li>
              ))}
            </ul>
          )}
          {unit.attestations.length > 0 && (
            <ul class="plain small">
              {unit.attestations.map((a, i) => (
                <li key={i}>
                  {a.checklist} attested{a.by === undefined ? '' : ` by ${a.by}`} on {formatDate(a.at)}
                  {a.evidence === undefined ? '' : ` — ${a.evidence}`}
                </li>
              ))}
            </ul>
          )}
          <h4>Commitments</h4>
          {unit.commitments.length === 0 ? (
            <p class="empty">No public commitments.</p>
          ) : (
            <ul class="plain">
              {unit.commitments.map((c) => (
                <li key={c.id}>
                  <Commitment commitment={c} now={now} />
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </article>
  );
}

/**
 * The public transparency page: what anyone may check without a key — per unit the declared
 * level, the evidence behind it, who still holds the power, the commitments and whether they were
 * kept — and the log's head, with the commands that verify an export of the log offline.
 */
export function PublicPage(props: { org: string }) {
  const { org } = props;
  const live = useLiveHead(org);
  const data = useData((signal) => api.transparency(org, signal), [org], {
    seq: live.seq,
    seqOf: (d) => d.seq,
  });
  if (data.status !== 'ready') {
    return (
      <Layout org={org} current="public" live={live}>
        {data.status === 'loading' ? (
          <Loading what="the transparency report" />
        ) : (
          <ErrorBox error={data.error} what="the transparency report" />
        )}
      </Layout>
    );
  }
  const view = data.data;
  const exportUrl = new URL(api.exportUrl(org), location.origin).href;
  const file = `${org}.jsonl`;
  const dimensions = view.dimensions.filter((d) => view.units.some((u) => u.dimension === d.id));
  const decentralized = view.units.filter((u) => u.level.index === u.levels.length - 1).length;
  return (
    <Layout org={org} name={view.organization.name} current="public" live={live}>
      <div class="page-head">
        <div>
          <p class="eyebrow">Public transparency report</p>
          <h1>{view.organization.name}</h1>
          <p class="lede">
            How decentralized each part of {view.organization.name} is, on what evidence, and who still holds
            power. {decentralized} of {view.units.length} units are at the top of their ladder. Report as of{' '}
            {formatDate(view.now)}, log event #{view.seq}.
          </p>
        </div>
      </div>
      <section class="card verify" aria-labelledby="verify">
        <h2 id="verify">Verify this report</h2>
        <p>
          Everything here is derived from a signed, hash-chained log. Its head is{' '}
          <code class="hash" data-head={view.head}>
            {view.head}
          </code>
          . Download the log and check every signature, link and right offline — no trust in this server
          needed:
        </p>
        <pre class="commands">
          <code>{`curl -o ${file} ${exportUrl}\nnpx devolve verify ${file} --head ${view.head}`}</code>
        </pre>
        <p class="small muted">
          A member with the store can run <code>devolve export --out {file}</code> instead of the download.{' '}
          <a href={api.exportUrl(org)} download={file}>
            Download the log ({file})
          </a>
        </p>
      </section>
      {dimensions.map((dimension) => (
        <section key={dimension.id} aria-labelledby={`d-${dimension.id}`} class="report-group">
          <h2 id={`d-${dimension.id}`}>{dimension.name}</h2>
          {view.units
            .filter((u) => u.dimension === dimension.id)
            .map((unit) => (
              <UnitReport key={unit.id} unit={unit} now={view.now} />
            ))}
        </section>
      ))}
      <p class="muted small print-only">
        Printed from {location.href} at {formatInstant(new Date().toISOString())}.
      </p>
    </Layout>
  );
}
