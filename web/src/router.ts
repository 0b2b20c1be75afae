import { useEffect, useState } from 'preact/hooks';

/** A page of the dashboard, from its path. Every page has a linkable URL. */
export type Route =
  | { readonly page: 'home' }
  | { readonly page: 'board'; readonly org: string }
  | { readonly page: 'unit'; readonly org: string; readonly unit: string }
  | { readonly page: 'proposals'; readonly org: string; readonly unit?: string }
  | { readonly page: 'proposal'; readonly org: string; readonly proposal: string }
  | { readonly page: 'public'; readonly org: string }
  | { readonly page: 'not-found'; readonly path: string };

const ID = '([a-z][a-z0-9-]{0,63})';
const ROUTES: readonly [RegExp, (m: RegExpMatchArray) => Route][] = [
  [/^\/$/, () => ({ page: 'home' })],
  [new RegExp(`^/orgs/${ID}/?$`), (m) => ({ page: 'board', org: m[1]! })],
  [new RegExp(`^/orgs/${ID}/units/${ID}/?$`), (m) => ({ page: 'unit', org: m[1]!, unit: m[2]! })],
  [new RegExp(`^/orgs/${ID}/proposals/?$`), (m) => ({ page: 'proposals', org: m[1]! })],
  [
    new RegExp(`^/orgs/${ID}/units/${ID}/proposals/?$`),
    (m) => ({ page: 'proposals', org: m[1]!, unit: m[2]! }),
  ],
  [new RegExp(`^/orgs/${ID}/proposals/${ID}/?$`), (m) => ({ page: 'proposal', org: m[1]!, proposal: m[2]! })],
  [new RegExp(`^/public/${ID}/?$`), (m) => ({ page: 'public', org: m[1]! })],
];

export function routeOf(path: string): Route {
  for (const [pattern, make] of ROUTES) {
    const match = path.match(pattern);
    if (match !== null) return make(match);
  }
  return { page: 'not-found', path };
}

export const paths = {
  board: (org: string) => `/orgs/${org}`,
  unit: (org: string, unit: string) => `/orgs/${org}/units/${unit}`,
  proposals: (org: string) => `/orgs/${org}/proposals`,
  unitProposals: (org: string, unit: string) => `/orgs/${org}/units/${unit}/proposals`,
  proposal: (org: string, id: string) => `/orgs/${org}/proposals/${id}`,
  public: (org: string) => `/public/${org}`,
};

/** Moves to `path` without a reload. */
export function navigate(path: string, replace = false): void {
  if (replace) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  dispatchEvent(new PopStateEvent('popstate'));
  window.scrollTo(0, 0);
}

/** The current route, following history: links inside the app navigate without a reload. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => routeOf(location.pathname));
  useEffect(() => {
    const onPop = () => setRoute(routeOf(location.pathname));
    const onClick = (event: MouseEvent) => {
      if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey)
        return;
      const anchor = (event.target as Element | null)?.closest('a');
      if (anchor === null || anchor === undefined || anchor.target !== '' || anchor.hasAttribute('download'))
        return;
      const url = new URL(anchor.href);
      if (url.origin !== location.origin || url.pathname.startsWith('/api/')) return;
      event.preventDefault();
      navigate(url.pathname + url.search + url.hash);
    };
    addEventListener('popstate', onPop);
    document.addEventListener('click', onClick);
    return () => {
      removeEventListener('popstate', onPop);
      document.removeEventListener('click', onClick);
    };
  }, []);
  return route;
}
