import { useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from './api.js';

export type Loaded<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: ApiError }
  | { readonly status: 'ready'; readonly data: T; readonly refreshing: boolean };

/**
 * Loads data for a page, again whenever a key changes (the organization, the unit), and again
 * whenever the log moves past the position the data was read at (`live.seq`, from polling the
 * head, against `live.seqOf(data)`). A reload waits for a load in flight rather than cancelling
 * it, so the first poll of the head never doubles the first load; while a reload runs, the
 * previous data stays on screen, so a live update never flashes the page empty.
 */
export function useData<T>(
  load: (signal: AbortSignal) => Promise<T>,
  keys: readonly unknown[],
  live?: { readonly seq: number | undefined; readonly seqOf: (data: T) => number },
): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const busy = useRef(false);
  useEffect(() => {
    const controller = new AbortController();
    busy.current = true;
    setState((old) => (old.status === 'ready' ? { ...old, refreshing: true } : { status: 'loading' }));
    load(controller.signal).then(
      (data) => {
        if (controller.signal.aborted) return;
        busy.current = false;
        setState({ status: 'ready', data, refreshing: false });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        busy.current = false;
        const failure =
          error instanceof ApiError
            ? error
            : new ApiError({ code: 'client', status: 0, message: (error as Error).message });
        setState({ status: 'error', error: failure });
      },
    );
    return () => {
      controller.abort();
      busy.current = false;
    };
  }, [...keys, generation]);
  const seq = live?.seq;
  const stale =
    state.status === 'ready' && seq !== undefined && live !== undefined && live.seqOf(state.data) !== seq;
  useEffect(() => {
    if (stale && !busy.current) setGeneration((g) => g + 1);
  }, [stale, seq]);
  return state;
}
