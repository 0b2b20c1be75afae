import { api, type ProposalSummaryView } from '../api.js';
import { Layout, Loading } from '../components/Layout.js';
import { formatInstant } from '../format.js';
import { formatSeconds, useSecondsLeft } from '../proposals/countdown.js';
import { PhaseBadge, phaseWords } from '../proposals/PhaseBadge.js';
import { useInteractive } from '../proposals/useInteractive.js';
import { useProposalData } from '../proposals/useProposalData.js';
import { paths } from '../router.js';
import '../proposals/proposals.css';

async function loadProposals(org: string, signal: AbortSignal) {
  const [organization, list, units] = await Promise.all([
    api.organization(org, signal),
    api.proposals(org, signal),
    api.units(org, signal),
  ]);
  return { organization, proposals: list.proposals, units: units.units, loadedAt: performance.now() };
}

function Countdown(props: { proposal: ProposalSummaryView; loadedAt: number; onDue: () => void }) {
  const { next } = props.proposal;
  const left = useSecondsLeft(next?.inSeconds, props.loadedAt, props.onDue);
  if (next === undefined || left === undefined) return <span class="muted">—</span>;
  return (
    <span title={formatInstant(next.at)}>
      {phaseWords(next.phase)} in {formatSeconds(left)}, as it stands
    </span>
  );
}

/**
 * The proposals of an organization, or of one unit: each with its phase and a countdown to the
 * next, newest first; and the form that opens a new one, signed in the browser.
 */
export function ProposalsPage(props: { org: string; unit?: string | undefined }) {
  const { org, unit } = props;
  const { live, data, reload, pending } = useProposalData(
    org,
    (signal) => loadProposals(org, signal),
    [org],
    'the proposals',
  );
  const interactive = useInteractive();
  if (data.status !== 'ready') return pending!;
  const { organization, units, loadedAt } = data.data;
  const unitView = units.find((u) => u.id === unit);
  const shown = data.data.proposals.filter((p) => unit === undefined || p.unit === unit).reverse();
  const unitName = (id: string) => units.find((u) => u.id === id)?.name ?? id;
  return (
    <Layout org={org} name={organization.name} current="proposals" live={live}>
      {unit !== undefined && (
        <nav class="crumbs" aria-label="Breadcrumb">
          <a href={paths.board(org)}>Board</a> <span aria-hidden="true">/</span>{' '}
          <a href={paths.unit(org, unit)}>{unitView?.name ?? unit}</a>
        </nav>
      )}
      <div class="page-head">
        <div>
          <h1>{unit === undefined ? 'Proposals' : `Proposals on ${unitView?.name ?? unit}`}</h1>
          <p class="lede">
            Every decision about a unit runs under the policy of its current level. Open one below, signed
            with your own key.
          </p>
        </div>
      </div>
      <section class="card" aria-labelledby="open-proposals">
        <h2 id="open-proposals">{unit === undefined ? 'All proposals' : 'This unit’s proposals'}</h2>
        {shown.length === 0 ? (
          <p class="empty">No proposals yet.</p>
        ) : (
          <div class="table-wrap">
            <table class="proposals">
              <thead>
                <tr>
                  <th scope="col">Proposal</th>
                  <th scope="col">Unit</th>
                  <th scope="col">Kind</th>
                  <th scope="col">Phase</th>
                  <th scope="col">Next</th>
                </tr>
              </thead>
              <tbody>
                {shown.map((p) => (
                  <tr key={p.id} data-proposal={p.id}>
                    <td>
                      <a href={paths.proposal(org, p.id)}>{p.title ?? p.id}</a>
                      <div class="muted small">
                        {p.id} · by {p.proposer}
                      </div>
                    </td>
                    <td>
                      <a href={paths.unitProposals(org, p.unit)}>{unitName(p.unit)}</a>
                    </td>
                    <td>{p.kind}</td>
                    <td>
                      <PhaseBadge phase={p.phase} />
                      {p.executable && <span class="muted small"> · can be executed</span>}
                    </td>
                    <td>
                      <Countdown proposal={p} loadedAt={loadedAt} onDue={reload} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {interactive === undefined ? (
        <Loading what="the signing forms" />
      ) : (
        <interactive.NewProposalWorkbench
          org={org}
          members={organization.members}
          units={units}
          unit={unit}
          taken={data.data.proposals.map((p) => p.id)}
        />
      )}
    </Layout>
  );
}
