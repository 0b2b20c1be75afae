import { useEffect } from 'preact/hooks';
import { api } from '../api.js';
import { ErrorBox, Loading } from '../components/Layout.js';
import { formatInstant } from '../format.js';
import { navigate, paths } from '../router.js';
import { useData } from '../useData.js';

/** The organizations this server holds; with exactly one, its board at once. */
export function HomePage() {
  const data = useData((signal) => api.organizations(signal), []);
  const only =
    data.status === 'ready' && data.data.organizations.length === 1 ? data.data.organizations[0] : undefined;
  useEffect(() => {
    if (only !== undefined) navigate(paths.board(only.id), true);
  }, [only]);
  return (
    <main id="main" class="page page--narrow">
      <h1>Devolve</h1>
      <p class="lede">Progressive decentralization as code: every unit of an organization on a slider.</p>
      {data.status === 'loading' || only !== undefined ? (
        <Loading what="organizations" />
      ) : data.status === 'error' ? (
        <ErrorBox error={data.error} what="organizations" />
      ) : data.data.organizations.length === 0 ? (
        <p class="empty">
          This server holds no organization yet. Record one with <code>devolve apply</code>, or run{' '}
          <code>npm start</code> for the demo.
        </p>
      ) : (
        <ul class="card plain org-list">
          {data.data.organizations.map((o) => (
            <li key={o.id}>
              <a href={paths.board(o.id)}>{o.name}</a>{' '}
              <span class="muted small">
                {o.kind} · {o.seq + 1} events · updated {formatInstant(o.updatedAt)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </main>
  );
}
