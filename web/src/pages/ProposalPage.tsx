import type { LevelView } from '../../../src/server/unitView.js';
import { api, type ProposalDetailView } from '../api.js';
import { Layout, Loading } from '../components/Layout.js';
import { PolicyWords } from '../components/PolicyWords.js';
import { formatInstant } from '../format.js';
import { formatSeconds, useSecondsLeft } from '../proposals/countdown.js';
import { PhaseBadge, phaseWords } from '../proposals/PhaseBadge.js';
import { useInteractive } from '../proposals/useInteractive.js';
import { useProposalData } from '../proposals/useProposalData.js';
import { paths } from '../router.js';
import '../proposals/proposals.css';

async function loadProposal(org: string, id: string, signal: AbortSignal) {
  const [organization, proposal, units] = await Promise.all([
    api.organization(org, signal),
    api.proposal(org, id, signal),
    api.units(org, signal),
  ]);
  return { organization, proposal, units: units.units, loadedAt: performance.now() };
}

/** A ballot in words: `for`, `approves a, b`, `ranks a > c > b`, `splits a 3 · b 1`. */
function ballotWords(ballot: unknown): string {
  if (typeof ballot !== 'object' || ballot === null) return JSON.stringify(ballot);
  const b = ballot as Record<string, unknown>;
  if (typeof b['choice'] === 'string') return b['choice'];
  if (Array.isArray(b['approve']))
    return b['approve'].length === 0 ? 'approves none' : `approves ${b['approve'].join(', ')}`;
  if (Array.isArray(b['ranking'])) return `ranks ${b['ranking'].join(' > ')}`;
  if (typeof b['split'] === 'object' && b['split'] !== null)
    return `splits ${Object.entries(b['split'] as Record<string, unknown>)
      .map(([o, n]) => `${o} ${String(n)}`)
      .join(' · ')}`;
  if (typeof b['advice'] === 'string') return `advises: ${b['advice']}`;
  return JSON.stringify(ballot);
}

/** What is proposed, in words, from the subject the proposal recorded. */
function Subject(props: { proposal: ProposalDetailView; unitName: string; levels: readonly LevelView[] }) {
  const { subject, kind } = props.proposal;
  const s = subject as Record<string, unknown>;
  // A move records its levels as ladder positions; older subjects may name them.
  const level = (value: unknown) =>
    props.levels.find((l) => l.index === value || l.id === value)?.name ?? String(value ?? '?');
  if (kind === 'decision') return <p class="subject">{String(s['outcome'] ?? '')}</p>;
  if (kind === 'slider-move')
    return (
      <p class="subject">
        Move <strong>{props.unitName}</strong> from <strong>{level(s['from'])}</strong> to{' '}
        <strong>{level(s['to'])}</strong>
        {typeof s['override'] === 'string' && <> — readiness overridden: {s['override']}</>}.
      </p>
    );
  if (kind === 'commitment') {
    const c = (s['commitment'] ?? {}) as Record<string, unknown>;
    return (
      <p class="subject">
        {String(s['action'] ?? '')} commitment <code>{String(c['id'] ?? '')}</code>
        {c['level'] !== undefined && <> to reach {String(c['level'])}</>}
        {c['by'] !== undefined && <> by {String(c['by'])}</>}
        {c['statement'] !== undefined && <>: “{String(c['statement'])}”</>}
      </p>
    );
  }
  return (
    <p class="subject">
      A new charter for the unit; see it with <code>devolve proposal {props.proposal.id}</code>.
    </p>
  );
}

function Tally(props: { proposal: ProposalDetailView }) {
  const { tally, gates, options } = props.proposal;
  if (tally === undefined) return <p class="empty">No tally for this method: it is decided otherwise.</p>;
  const totals = options.map((o) => [o, BigInt(tally.totals[o] ?? '0')] as const);
  // The longest bar: bigints have no Math.max.
  const most = totals.map(([, v]) => v).sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))[0] ?? 0n;
  return (
    <>
      <p>
        <strong>
          {tally.outcome === 'pending'
            ? 'Pending'
            : `${props.proposal.phase === 'voting' ? 'So far' : 'Result'}: ${tally.outcome}`}
        </strong>
        {tally.winners.length > 0 && <> — leading: {tally.winners.join(', ')}</>} · {tally.voters} voter
        {tally.voters === 1 ? '' : 's'}, weight cast {tally.participation}
      </p>
      <ul class="plain tally">
        {totals.map(([option, value]) => (
          <li key={option} class="tally__row">
            <span class="tally__option">{option}</span>
            <meter
              class="tally__bar"
              min={0}
              max={Number(most === 0n ? 1n : most)}
              value={Number(value)}
              aria-label={`${option}: ${value}`}
            />
            <span class="tally__value">{value.toString()}</span>
          </li>
        ))}
      </ul>
      {gates !== undefined && gates.length > 0 && (
        <ul class="plain gates">
          {gates.map((g) => {
            const needed = BigInt(g.needed);
            const have = BigInt(g.have);
            return (
              <li key={g.gate}>
                <span>
                  {g.gate}: {have.toString()} of {needed.toString()} needed {g.met ? '— met' : '— not yet'}
                </span>
                <progress
                  max={Number(needed === 0n ? 1n : needed)}
                  value={Number(have > needed ? needed : have)}
                  aria-label={`${g.gate} progress`}
                />
              </li>
            );
          })}
        </ul>
      )}
      {tally.rounds !== undefined && tally.rounds.length > 1 && (
        <ol class="rounds">
          {tally.rounds.map((round, i) => (
            <li key={i}>
              {Object.entries(round.totals)
                .map(([o, v]) => `${o} ${v}`)
                .join(' · ')}
              {round.eliminated !== undefined && <> — {round.eliminated} eliminated</>}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

function NextStep(props: { proposal: ProposalDetailView; loadedAt: number; onDue: () => void }) {
  const { next } = props.proposal;
  const left = useSecondsLeft(next?.inSeconds, props.loadedAt, props.onDue);
  if (next === undefined || left === undefined) return null;
  return (
    <p class="next" role="timer" aria-live="off">
      {phaseWords(props.proposal.phase)} ends in <strong>{formatSeconds(left)}</strong> (
      {formatInstant(next.at)}
      ); next, as it stands: {phaseWords(next.phase)}
    </p>
  );
}

/**
 * One proposal: what it proposes, the policy it runs under in plain words, the live tally with
 * quorum progress, a countdown to its next phase, the ballots with reasons, objections, advice,
 * vetoes and the decision — and, loaded on demand, the forms that take part in it.
 */
export function ProposalPage(props: { org: string; id: string }) {
  const { org, id } = props;
  const { live, data, reload, pending } = useProposalData(
    org,
    (signal) => loadProposal(org, id, signal),
    [org, id],
    'the proposal',
  );
  const interactive = useInteractive();
  if (data.status !== 'ready') return pending!;
  const { organization, proposal, units, loadedAt } = data.data;
  const unit = units.find((u) => u.id === proposal.unit);
  const unitName = unit?.name ?? proposal.unit;
  const memberName = (m: string) => organization.members.find((x) => x.id === m)?.name ?? m;
  return (
    <Layout org={org} name={organization.name} current="proposals" live={live}>
      <nav class="crumbs" aria-label="Breadcrumb">
        <a href={paths.proposals(org)}>Proposals</a> <span aria-hidden="true">/</span>{' '}
        <a href={paths.unitProposals(org, proposal.unit)}>{unitName}</a>
      </nav>
      <div class="page-head">
        <div>
          <p class="eyebrow">
            {proposal.kind} · {proposal.id}
          </p>
          <h1>{proposal.title ?? proposal.id}</h1>
          <p class="muted">
            Opened by {memberName(proposal.proposer)} on {formatInstant(proposal.openedAt)} ·{' '}
            <a href={paths.unit(org, proposal.unit)}>{unitName}</a>
            {unit !== undefined && <> (now {unit.level.name})</>}
          </p>
        </div>
        <div class="proposal-state" data-phase={proposal.phase}>
          <PhaseBadge phase={proposal.phase} />
          <NextStep proposal={proposal} loadedAt={loadedAt} onDue={reload} />
        </div>
      </div>
      <div class="two">
        <section class="card" aria-labelledby="subject">
          <h2 id="subject">What is proposed</h2>
          <Subject proposal={proposal} unitName={unitName} levels={unit?.levels ?? []} />
          {proposal.decision !== undefined && (
            <p>
              <strong>Decided {proposal.decision.outcome}</strong> by {memberName(proposal.decision.by)} on{' '}
              {formatInstant(proposal.decision.at)}
              {proposal.decision.reason !== undefined && <>: {proposal.decision.reason}</>}
            </p>
          )}
          {proposal.closedAt !== undefined && (
            <p>
              Closed {formatInstant(proposal.closedAt)}
              {proposal.reason !== undefined && <> ({proposal.reason})</>}.
            </p>
          )}
          {proposal.executedAt !== undefined && <p>Executed {formatInstant(proposal.executedAt)}.</p>}
        </section>
        <section class="card" aria-labelledby="policy">
          <h2 id="policy">The policy it runs under</h2>
          <p class="muted small">
            In force when it opened ({proposal.method}); later slider moves never rewrite it.
          </p>
          <PolicyWords policy={proposal.policyWords} />
        </section>
      </div>
      <section class="card" aria-labelledby="tally">
        <h2 id="tally">Tally</h2>
        <Tally proposal={proposal} />
      </section>
      <div class="two">
        <section class="card" aria-labelledby="ballots">
          <h2 id="ballots">Ballots</h2>
          {proposal.ballots.length === 0 ? (
            <p class="empty">No ballots yet.</p>
          ) : (
            <ul class="plain entries">
              {proposal.ballots.map((b, i) => (
                <li key={i} data-voter={b.voter}>
                  <strong>{memberName(b.voter)}</strong> {ballotWords(b.ballot)}
                  <span class="muted small"> · {formatInstant(b.at)}</span>
                  {b.reason !== undefined && <p class="reason">“{b.reason}”</p>}
                </li>
              ))}
            </ul>
          )}
        </section>
        <section class="card" aria-labelledby="voices">
          <h2 id="voices">Objections, advice and vetoes</h2>
          {proposal.objections.length + proposal.advice.length + proposal.vetoes.length === 0 ? (
            <p class="empty">None.</p>
          ) : (
            <ul class="plain entries">
              {proposal.objections.map((o, i) => (
                <li key={`o${i}`}>
                  <strong>{memberName(o.by)}</strong> objects: “{o.reason}”
                  <span class="muted small"> · {formatInstant(o.at)}</span>
                </li>
              ))}
              {proposal.advice.map((a, i) => (
                <li key={`a${i}`}>
                  <strong>{memberName(a.by)}</strong> advises ({a.party}): “{a.text}”
                  <span class="muted small"> · {formatInstant(a.at)}</span>
                </li>
              ))}
              {proposal.vetoes.map((v, i) => (
                <li key={`v${i}`}>
                  <strong>{memberName(v.by)}</strong> vetoes for {v.body}
                  {v.reason !== undefined && <>: “{v.reason}”</>}
                  <span class="muted small"> · {formatInstant(v.at)}</span>
                </li>
              ))}
            </ul>
          )}
        </section>
      </div>
      {interactive === undefined ? (
        <Loading what="the signing forms" />
      ) : (
        <interactive.ProposalWorkbench org={org} members={organization.members} proposal={proposal} />
      )}
    </Layout>
  );
}
