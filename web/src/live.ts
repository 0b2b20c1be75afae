import { useEffect, useState } from 'preact/hooks';
import { ApiError, api } from './api.js';

/** How often a visible page asks for the log's head; the answer is a few dozen bytes. */
const POLL_MS = 2_000;
/** After failures the interval doubles, up to this. */
const MAX_BACKOFF_MS = 30_000;

export interface LiveHead {
  /** The log position last seen; pages reload their data when it changes. */
  readonly seq: number | undefined;
  readonly head: string | undefined;
  /** False while the server cannot be reached. */
  readonly connected: boolean;
}

/**
 * Follows an organization's log head by polling `GET /api/orgs/{org}/head`: one small request at
 * a time, every two seconds while the page is visible, backing off while the server is away. A
 * page that keys its data on `seq` updates without a reload when a new event is recorded.
 */
export function useLiveHead(org: string): LiveHead {
  const [state, setState] = useState<LiveHead>({ seq: undefined, head: undefined, connected: true });
  useEffect(() => {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let delay = POLL_MS;
    const controller = new AbortController();
    const poll = async () => {
      if (stopped) return;
      if (document.visibilityState === 'visible') {
        try {
          const head = await api.head(org, controller.signal);
          delay = POLL_MS;
          setState((old) =>
            old.seq === head.seq && old.head === head.head && old.connected
              ? old
              : { seq: head.seq, head: head.head, connected: true },
          );
        } catch (error) {
          if (stopped) return;
          delay = Math.min(delay * 2, MAX_BACKOFF_MS);
          // Only an unreachable server is offline; a problem answer (a 404 for an unknown
          // organization) is the page's to show.
          if (error instanceof ApiError && error.status === 0)
            setState((old) => (old.connected ? { ...old, connected: false } : old));
        }
      }
      if (!stopped) timer = setTimeout(poll, delay);
    };
    const onVisible = () => {
      if (document.visibilityState !== 'visible') return;
      clearTimeout(timer);
      void poll();
    };
    void poll();
    document.addEventListener('visibilitychange', onVisible);
    return () => {
      stopped = true;
      clearTimeout(timer);
      controller.abort();
      document.removeEventListener('visibilitychange', onVisible);
    };
  }, [org]);
  return state;
}
