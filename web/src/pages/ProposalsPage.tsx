import { Layout } from '../components/Layout.js';
import { useLiveHead } from '../live.js';

/**
 * Where proposals will live: create, discuss, vote and sign in the browser once the governance
 * runtime records proposals. The route, the navigation and the live head are in place already.
 */
export function ProposalsPage(props: { org: string }) {
  const live = useLiveHead(props.org);
  return (
    <Layout org={props.org} current="proposals" live={live}>
      <div class="page-head">
        <h1>Proposals</h1>
      </div>
      <section class="card" aria-labelledby="open-proposals">
        <h2 id="open-proposals">Open proposals</h2>
        <p class="empty">
          No proposals yet. Once proposals are recorded in the log, members will open, discuss, vote on and
          sign them here, each under the policy of its unit's current level.
        </p>
      </section>
    </Layout>
  );
}
