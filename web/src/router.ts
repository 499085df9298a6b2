/** Hash routes (#/p/<person>/labs?x=1): no server routes needed, back/forward work. */
import { useEffect, useState } from 'react';

export interface Route {
  parts: string[];
  query: URLSearchParams;
}

export function parseHash(hash: string): Route {
  const h = hash.startsWith('#') ? hash.slice(1) : hash;
  const [path, qs] = h.split('?', 2);
  return { parts: path.split('/').filter(Boolean).map(decodeURIComponent), query: new URLSearchParams(qs ?? '') };
}

export function useRoute(): Route {
  const [hash, setHash] = useState(window.location.hash);
  useEffect(() => {
    const on = () => setHash(window.location.hash);
    window.addEventListener('hashchange', on);
    return () => window.removeEventListener('hashchange', on);
  }, []);
  return parseHash(hash);
}

export function href(parts: Array<string | undefined>, query: Record<string, string | number | undefined> = {}): string {
  const path = parts.filter((p): p is string => !!p).map(encodeURIComponent).join('/');
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined && v !== '') s.set(k, String(v));
  const qs = s.toString();
  return `#/${path}${qs ? `?${qs}` : ''}`;
}

export function go(to: string): void {
  window.location.hash = to.startsWith('#') ? to.slice(1) : to;
}
