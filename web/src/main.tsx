import { render } from 'preact';
import { useEffect } from 'preact/hooks';
import { BoardPage } from './pages/BoardPage.js';
import { HomePage } from './pages/HomePage.js';
import { ProposalPage } from './pages/ProposalPage.js';
import { ProposalsPage } from './pages/ProposalsPage.js';
import { PublicPage } from './pages/PublicPage.js';
import { UnitPage } from './pages/UnitPage.js';
import { useRoute } from './router.js';
import './styles.css';

const TITLES = {
  board: 'Board',
  unit: 'Unit',
  proposals: 'Proposals',
  proposal: 'Proposal',
  public: 'Transparency report',
} as const;

function App() {
  const route = useRoute();
  useEffect(() => {
    document.title =
      route.page === 'home' || route.page === 'not-found'
        ? 'Devolve'
        : `${TITLES[route.page]} · ${'unit' in route && route.unit !== undefined ? `${route.unit} · ` : ''}${'proposal' in route ? `${route.proposal} · ` : ''}${route.org} · Devolve`;
  }, [route]);
  switch (route.page) {
    case 'home':
      return <HomePage />;
    case 'board':
      return <BoardPage key={route.org} org={route.org} />;
    case 'unit':
      return <UnitPage key={`${route.org}/${route.unit}`} org={route.org} unit={route.unit} />;
    case 'proposals':
      return <ProposalsPage key={`${route.org}/${route.unit ?? ''}`} org={route.org} unit={route.unit} />;
    case 'proposal':
      return <ProposalPage key={`${route.org}/${route.proposal}`} org={route.org} id={route.proposal} />;
    case 'public':
      return <PublicPage key={route.org} org={route.org} />;
    case 'not-found':
      return (
        <main id="main" class="page page--narrow">
          <h1>Page not found</h1>
          <p>
            There is no page at <code>{route.path}</code>. <a href="/">Go to the start</a>.
          </p>
        </main>
      );
  }
}

render(<App />, document.getElementById('app')!);
