import { useEffect, useState } from 'preact/hooks';
import { ApiError } from './api.js';

export type Loaded<T> =
  | { readonly status: 'loading' }
  | { readonly status: 'error'; readonly error: ApiError }
  | { readonly status: 'ready'; readonly data: T; readonly refreshing: boolean };

/**
 * Loads data for a page and loads it again whenever a key changes (the organization, the unit,
 * the log's `seq`). While a reload runs, the previous data stays on screen: a live update never
 * flashes the page empty.
 */
export function useData<T>(load: (signal: AbortSignal) => Promise<T>, keys: readonly unknown[]): Loaded<T> {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' });
  useEffect(() => {
    const controller = new AbortController();
    setState((old) => (old.status === 'ready' ? { ...old, refreshing: true } : { status: 'loading' }));
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ status: 'ready', data, refreshing: false });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        const failure =
          error instanceof ApiError
            ? error
            : new ApiError({ code: 'client', status: 0, message: (error as Error).message });
        setState({ status: 'error', error: failure });
      },
    );
    return () => controller.abort();
  }, keys);
  return state;
}
