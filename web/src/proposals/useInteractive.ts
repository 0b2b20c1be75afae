import { useEffect, useState } from 'preact/hooks';

type Interactive = typeof import('./interactive.js');

let loading: Promise<Interactive> | undefined;
let loaded: Interactive | undefined;

/**
 * The signing forms, loaded on first use as a separate chunk: reading pages stay small, and a
 * visitor who never signs never downloads the signing code.
 */
export function useInteractive(): Interactive | undefined {
  const [module, setModule] = useState(loaded);
  useEffect(() => {
    if (module !== undefined) return;
    loading ??= import('./interactive.js').then((m) => {
      loaded = m;
      return m;
    });
    void loading.then(setModule);
  }, [module]);
  return module;
}
