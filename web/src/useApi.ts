import { useCallback, useEffect, useState } from 'react';
import { getJson } from './api.ts';

export interface Loaded<T> {
  data?: T;
  error?: string;
  loading: boolean;
  reload(): void;
}

/** Fetches a JSON path (null = nothing to fetch); aborts when the path changes. */
export function useApi<T>(url: string | null): Loaded<T> {
  const [state, setState] = useState<{ data?: T; error?: string; loading: boolean; url: string | null }>({ loading: !!url, url });
  const [tick, setTick] = useState(0);
  useEffect(() => {
    if (!url) return;
    const ctl = new AbortController();
    setState((s) => ({ data: s.url === url ? s.data : undefined, loading: true, url }));
    getJson<T>(url, ctl.signal).then(
      (data) => setState({ data, loading: false, url }),
      (err: Error) => {
        if (err.name !== 'AbortError') setState({ error: err.message, loading: false, url });
      },
    );
    return () => ctl.abort();
  }, [url, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: state.url === url ? state.data : undefined, error: state.url === url ? state.error : undefined, loading: state.loading, reload };
}
