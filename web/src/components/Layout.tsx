import type { ComponentChildren } from 'preact';
import type { ApiError } from '../api.js';
import { shortHash } from '../format.js';
import type { LiveHead } from '../live.js';
import { paths } from '../router.js';

/** The frame of every page of an organization: its name, the pages, and whether the view is live. */
export function Layout(props: {
  org: string;
  name?: string;
  current: 'board' | 'unit' | 'proposals' | 'public';
  live: LiveHead;
  children: ComponentChildren;
}) {
  const { org, live } = props;
  const link = (page: 'board' | 'proposals' | 'public', href: string, label: string) => (
    <a href={href} aria-current={props.current === page ? 'page' : undefined}>
      {label}
    </a>
  );
  return (
    <>
      <a class="skip" href="#main">
        Skip to content
      </a>
      <header class="top">
        <div class="top__inner">
          <a class="brand" href="/" aria-label="Devolve home">
            <span class="brand__mark" aria-hidden="true" />
            Devolve
          </a>
          <span class="top__org">{props.name ?? org}</span>
          <nav class="top__nav" aria-label="Pages">
            {link('board', paths.board(org), 'Board')}
            {link('proposals', paths.proposals(org), 'Proposals')}
            {link('public', paths.public(org), 'Public page')}
          </nav>
          <span
            class={`live ${live.connected ? 'live--on' : 'live--off'}`}
            role="status"
            title={live.head === undefined ? undefined : `Log head ${live.head}`}
          >
            {live.connected
              ? live.seq === undefined
                ? 'Connecting…'
                : `Live · event #${live.seq}${live.head === undefined ? '' : ` · ${shortHash(live.head)}`}`
              : 'Offline — retrying'}
          </span>
        </div>
      </header>
      <main id="main" class="page" tabIndex={-1}>
        {props.children}
      </main>
    </>
  );
}

export function ErrorBox(props: { error: ApiError; what: string }) {
  return (
    <div class="error" role="alert">
      <strong>Could not load {props.what}.</strong> {props.error.message}{' '}
      <code class="error__code">{props.error.code}</code>
    </div>
  );
}

export function Loading(props: { what: string }) {
  return (
    <p class="loading" role="status">
      Loading {props.what}…
    </p>
  );
}
