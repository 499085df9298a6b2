import type { ReactNode } from 'react';

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Words of a query as a matcher: whole-word prefixes, any case (as the search matches). */
export function queryMatcher(query: string | null | undefined): RegExp | undefined {
  const words = (query ?? '').normalize('NFKC').match(/[\p{L}\p{N}]+/gu);
  if (!words?.length) return undefined;
  return new RegExp(`(?<![\\p{L}\\p{N}])(${words.map(escape).join('|')})[\\p{L}\\p{N}]*`, 'giu');
}

/** Text with every match of the query wrapped in <mark>. */
export function Highlight({ text, query }: { text: string; query?: string | null }) {
  const re = queryMatcher(query);
  if (!re) return <>{text}</>;
  const out: ReactNode[] = [];
  let last = 0;
  for (const m of text.matchAll(re)) {
    const i = m.index ?? 0;
    if (i > last) out.push(text.slice(last, i));
    out.push(<mark key={i}>{m[0]}</mark>);
    last = i + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return <>{out}</>;
}

/** A search snippet, where the server marked hits as [word]. */
export function Snippet({ text }: { text: string }) {
  const parts = text.split(/(\[[^\]]*\])/g);
  return <>{parts.map((p, i) => (p.startsWith('[') && p.endsWith(']') ? <mark key={i}>{p.slice(1, -1)}</mark> : p))}</>;
}
