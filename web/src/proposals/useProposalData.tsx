import { useState } from 'preact/hooks';
import { ErrorBox, Layout, Loading } from '../components/Layout.js';
import { type LiveHead, useLiveHead } from '../live.js';
import { type Loaded, useData } from '../useData.js';

/**
 * The data of a proposal page, reloaded when the log moves (a new event) and when `reload` is
 * called (a countdown ran out: the phase moved on with time alone). `pending` is the page to show
 * until the data is there.
 */
export function useProposalData<T extends { readonly organization: { readonly seq: number } }>(
  org: string,
  load: (signal: AbortSignal) => Promise<T>,
  keys: readonly unknown[],
  what: string,
): { live: LiveHead; data: Loaded<T>; reload: () => void; pending: preact.JSX.Element | undefined } {
  const live = useLiveHead(org);
  const [epoch, setEpoch] = useState(0);
  const data = useData(load, [...keys, epoch], { seq: live.seq, seqOf: (d) => d.organization.seq });
  const pending =
    data.status === 'ready' ? undefined : (
      <Layout org={org} current="proposals" live={live}>
        {data.status === 'loading' ? <Loading what={what} /> : <ErrorBox error={data.error} what={what} />}
      </Layout>
    );
  return { live, data, reload: () => setEpoch((e) => e + 1), pending };
}
